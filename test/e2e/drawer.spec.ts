import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { readEscPos } from '../harness/escpos-reader.ts';
import { startFakePrinter } from '../harness/fake-printer.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 22, the drawer and the shift's cash: a shift opened with a float, kas keluar and kas masuk,
// a QRIS sale of the largest amount, "Buka laci" with a reason (the pulse read back at a fake LAN
// printer), and the close counted Rp 30.000 short: above the Rp 20.000 threshold, so the owner's
// PIN closes it, and the difference is frozen in the shift report. Photographed at three sizes.

const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const OWNER_PIN = '9753';

async function dispatch(preview: TestPreview, name: string, request: unknown): Promise<unknown> {
  const result = await preview.core.router.dispatch(name, request);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Text wider than its box on the day screen or in the dialog: cut off. */
async function overflowing(page: Page): Promise<string[]> {
  return page.locator('.day-card, .day-card td, .day-card th, .day-card dd, [role="dialog"], [role="dialog"] dd, html').evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

test('float, kas keluar/masuk, Buka laci with a reason (pulse at the LAN printer), a counted close Rp 30.000 short approved by the owner and frozen in the report', async ({ preview, page }) => {
  test.setTimeout(120_000);
  const printer = await startFakePrinter();
  try {
    await dispatch(preview, 'addCashier', { name: 'Siti Aminah', pin: '2468' });
    await setUpTraining(preview, { day: { cashierPins: true } });
    await dispatch(preview, 'updateReceiptSettings', { patch: { printer: { kind: 'network', host: printer.host, port: printer.port }, autoPrint: false } });
    await dispatch(preview, 'setAdminPin', { newPin: OWNER_PIN });
    await dispatch(preview, 'lockAdmin', {});
    await page.goto(preview.url);
    await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
    await page.keyboard.press('F4');

    // The shift opens with its float (modal awal).
    await page.getByTestId('open-float').fill('500.000');
    await page.getByLabel('PIN kasir', { exact: true }).fill('2468');
    await page.getByRole('button', { name: 'Buka shift' }).click();
    // A PIN check is a deliberately slow scrypt: on a loaded machine it takes seconds.
    const PIN_CHECK = { timeout: 30_000 };
    await expect(page.getByTestId('shift-open')).toContainText('Siti Aminah', PIN_CHECK);
    await expect(page.getByTestId('cash-float')).toHaveText('Rp 500.000');

    // Kas keluar (the default) and kas masuk, each with a reason.
    await page.getByTestId('movement-amount').fill('15.000');
    await page.getByTestId('movement-reason').fill('beli es batu');
    await page.getByRole('button', { name: 'Catat' }).click();
    await expect(page.getByTestId('drawer-notice')).toHaveText('Kas keluar Rp 15.000 dicatat (beli es batu).');
    await page.getByRole('radio', { name: 'Kas masuk' }).check();
    await page.getByTestId('movement-amount').fill('50.000');
    await page.getByTestId('movement-reason').fill('tukar uang kecil');
    await page.getByRole('button', { name: 'Catat' }).click();
    await expect(page.getByTestId('cash-expected')).toHaveText('Rp 535.000');

    // A QRIS sale of the largest amount: in the QRIS money, not in the drawer.
    await page.keyboard.press('F1');
    await page.getByLabel('Jumlah', { exact: true }).fill(String(MAX));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Tandai lunas' }).click();
    await expect(page.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
    await page.getByRole('button', { name: /Transaksi baru/ }).click();
    await page.keyboard.press('F4');

    // "Buka laci" needs a reason; the pulse reaches the LAN printer, and who and when are recorded.
    await expect(page.getByRole('button', { name: 'Buka laci' })).toBeDisabled();
    await page.getByTestId('open-drawer-reason').fill('tukar uang untuk pelanggan');
    await page.getByRole('button', { name: 'Buka laci' }).click();
    await expect(page.getByTestId('drawer-notice')).toContainText('Laci dibuka oleh Siti Aminah pukul');
    const [job] = await printer.waitForJobs(1);
    expect(readEscPos(job!).commands).toEqual([{ name: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    await expect(page.getByTestId('cash-no-sale-openings')).toHaveText('1');
    await screenshotAtSizes(page, 'drawer-panel', {
      check: async (size) => {
        expect(await overflowing(page), `panel at ${size.width}`).toEqual([]);
        await page.getByTestId('cash-report').scrollIntoViewIfNeeded();
      },
    });

    // Count the drawer: Rp 505.000 against Rp 535.000 expected, shown before the close.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Tutup shift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tutup shift?' });
    await expect(dialog.getByTestId('count-expected')).toHaveText('Rp 535.000');
    await dialog.getByTestId('count-total').fill('505.000');
    await expect(dialog.getByTestId('count-difference')).toHaveText('−Rp 30.000');
    await screenshotAtSizes(page, 'drawer-count', { check: async (size) => expect(await overflowing(page), `count at ${size.width}`).toEqual([]), restore: { width: 1024, height: 600 } });
    // On the smallest screen the dialog scrolls to its buttons.
    await dialog.getByRole('button', { name: 'Ya, tutup shift' }).click();

    // Above the Rp 20.000 threshold: the owner's PIN closes it anyway.
    await expect(page.getByRole('alert')).toContainText('Selisih uang di laci melebihi batas');
    await expect(page.getByTestId('shift-open')).toBeVisible();
    await page.getByLabel('PIN pemilik', { exact: true }).fill(OWNER_PIN);
    await page.getByRole('button', { name: 'Tetap tutup shift' }).click();
    const report = page.getByTestId('shift-report');
    await expect(report.getByTestId('cash-difference')).toHaveText('−Rp 30.000 · disetujui pemilik', PIN_CHECK);
    await expect(report.getByTestId('cash-counted')).toHaveText('Rp 505.000');
    await expect(report.getByTestId('cash-expected')).toHaveText('Rp 535.000');
    await expect(report.getByTestId('report-received')).toHaveText('Rp 10.000.000');
    await expect(report.getByTestId('cash-movements')).toContainText('beli es batu');
    await screenshotAtSizes(page, 'drawer-closed-report', {
      check: async (size) => {
        expect(await overflowing(page), `report at ${size.width}`).toEqual([]);
        await report.getByTestId('cash-report').scrollIntoViewIfNeeded();
      },
    });

    // Frozen: the report read again later says the same.
    const status = (await dispatch(preview, 'getDayReport', {})) as { shifts: { report: { cash?: { difference: number | null; counted: number | null } } }[] };
    expect(status.shifts[0]?.report.cash).toMatchObject({ counted: 505_000, difference: -30_000 });
  } finally {
    await printer.close();
  }
});

test('Settings → Toko dan struk → Laci kas: saved by the one Simpan, a typo refused on its box; an operating-system printer cannot open the drawer', async ({ configured, page }) => {
  await dispatch(configured, 'updateReceiptSettings', { patch: { printer: { kind: 'system', deviceName: 'EPSON TM-T82' } } });
  await page.keyboard.press('F3');
  const shop = page.locator('#settings-section-shop');
  const drawer = shop.getByRole('group', { name: 'Laci kas' });
  await expect(drawer.getByTestId('drawer-printer-note')).toContainText('Printer sistem (driver Windows/macOS) tidak bisa membuka laci kas');
  // Part of the screen's one form: no save of its own.
  await expect(page.getByRole('button', { name: /^Simpan/ })).toHaveCount(1);

  await drawer.getByRole('radio', { name: 'Pin 5' }).check();
  await drawer.getByLabel('Pulsa nyala (ms)').fill('600');
  await drawer.getByTestId('drawer-threshold').fill('10.000.000');
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible();
  // From another section, the save brings the refused box into view and focuses it; nothing is saved.
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('button', { name: 'Lanjutan' }).click();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  const onMs = drawer.getByLabel('Pulsa nyala (ms)');
  await expect(onMs).toBeFocused();
  await expect(onMs).toBeInViewport();
  await expect(drawer.getByText('Waktu pulsa 2–510 ms, bilangan bulat.')).toBeVisible();
  expect(await dispatch(configured, 'getCashSettings', {})).toEqual({ settings: { drawerPin: 2, pulseOnMs: 100, pulseOffMs: 500, differenceApprovalAbove: 20_000 } });

  await onMs.fill('120');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(await dispatch(configured, 'getCashSettings', {})).toEqual({ settings: { drawerPin: 5, pulseOnMs: 120, pulseOffMs: 500, differenceApprovalAbove: 10_000_000 } });
  // Saved: leaving asks nothing, and the screen opened again shows what was saved.
  await page.keyboard.press('F1');
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeVisible();
  await page.keyboard.press('F3');
  await expect(drawer.getByTestId('drawer-threshold')).toHaveValue('10.000.000');
  await expect(drawer.getByRole('radio', { name: 'Pin 5' })).toBeChecked();

  // Laci kas from its title down (below the sticky section links).
  const showDrawer = async () => drawer.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshotAtSizes(page, 'drawer-settings-system-printer', { check: showDrawer });
});
