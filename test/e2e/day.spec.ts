import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { formatRupiah } from '../../shared/money.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { unprotect } from '../harness/csv-cells.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, SCREEN_SIZES, screenshot, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';
import { overflowing } from './overflow.ts';
import { sell } from './training-sale.ts';

// Issue 16: a cashier opens a shift with a PIN, sells, a late payment is raised and resolved, the
// shift closes with a report that matches the sales, the day's CSV adds up to the report. Every
// new screen state photographed at three sizes with the largest amount (day-<state>-<size>.png).

const MAX = DEFAULT_SETTINGS.limits.maxAmount;

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });

/** Text wider than its box anywhere on the day screen or the page: cut off. */
const DAY_TEXT = '.day-card, .day-card td, .day-card th, .day-card dd, .late-banner, .tab, html';


/** Options of a closed select that its box would cut off (text wider than the room left of the arrow). */
async function cutOptions(select: Locator): Promise<string[]> {
  // The e2e code compiles without the DOM library: the page's globals are typed where used.
  type Style = { font: string; paddingLeft: string; paddingRight: string };
  type Select = { clientWidth: number; options: ArrayLike<{ text: string }> };
  type PageGlobals = {
    getComputedStyle(element: Select): Style;
    document: { createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } } };
  };
  return select.evaluate((element: Select) => {
    const page = globalThis as unknown as PageGlobals;
    const style = page.getComputedStyle(element);
    const context = page.document.createElement('canvas').getContext('2d');
    context.font = style.font;
    const arrow = 24; // Chromium's drop-down arrow and its gap
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    return Array.from(element.options)
      .map((option) => ({ text: option.text, width: context.measureText(option.text).width }))
      .filter(({ width }) => width > room)
      .map(({ text, width }) => `${text}: ${width.toFixed(0)} > ${room.toFixed(0)}`);
  });
}

async function setUpCashier(preview: TestPreview): Promise<void> {
  // A cashier with a PIN first: cashier PINs cannot be turned on while nobody holds one.
  const added = await preview.core.router.dispatch('addCashier', { name: 'Siti Aminah', pin: '2468' });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  await setUpTraining(preview, { day: { cashierPins: true } });
}

/** "Tutup shift" asks first; the cashier confirms. */
async function closeShift(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tutup shift' }).click();
  await page.getByRole('dialog', { name: 'Tutup shift?' }).getByRole('button', { name: 'Ya, tutup shift' }).click();
}

for (const size of SCREEN_SIZES) {
  const label = `${size.width}x${size.height}`;
  test.describe(`at ${label}`, () => {
    test.use({ viewport: size, acceptDownloads: true });
    test.setTimeout(90_000);

    test(`shift with a PIN → sales → late payment resolved → close → report and CSV match (${label})`, async ({ preview, page }) => {
      await setUpCashier(preview);
      await page.goto(preview.url);
      await expect(amountField(page)).toBeFocused();
      const shoot = async (state: string) => {
        expect(await overflowing(page, DAY_TEXT), `${state} at ${label}`).toEqual([]);
        await screenshot(page, `day-${state}-${label}`);
      };

      // No shift: a sale is refused, the shift opens with the cashier's PIN.
      await amountField(page).fill('25000');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('Belum ada shift');
      await page.keyboard.press('F4');
      await expect(page.getByRole('heading', { name: /^Hari usaha: \w+, \d+ \w+ \d{4}$/ })).toBeVisible();
      await shoot('open-shift');
      await page.getByLabel('PIN kasir', { exact: true }).fill('1111');
      await page.getByRole('button', { name: 'Buka shift' }).click();
      await expect(page.getByRole('alert')).toContainText('PIN salah');
      await page.getByLabel('PIN kasir', { exact: true }).fill('2468');
      await page.getByRole('button', { name: 'Buka shift' }).click();
      await expect(page.getByTestId('shift-open')).toContainText('Siti Aminah');

      await sell(page, MAX, 'Tandai lunas');
      await sell(page, 50_000, 'Tandai dibayar sebagian');
      const late = await sell(page, 30_000, 'cancel');
      // The customer paid after all: the gateway settles the cancelled sale.
      const settled = await preview.core.router.dispatch('settleTraining', { tradeNo: late, outcome: 'paid' });
      expect(settled.ok && settled.value.state).toBe('paid');

      await expect(page.getByTestId('late-count')).toHaveText('1');
      await expect(page.locator('.late-banner')).toContainText('1 pembayaran perlu tindakan');
      await shoot('sale-late-banner');

      await page.getByRole('button', { name: 'Lihat (F4)' }).click();
      await expect(page.getByRole('heading', { name: 'Perlu tindakan (1)' })).toBeVisible();
      await page.getByLabel('Tindakan', { exact: true }).selectOption('refunded_cash');
      await expect(page.getByRole('note')).toContainText('tidak dikirim ke Paypro');
      await page.getByLabel('Catatan', { exact: true }).fill('uang Rp 30.000 dikembalikan');
      await shoot('late');
      await page.getByRole('button', { name: 'Simpan tindakan' }).click();
      await expect(page.getByRole('heading', { name: /^Perlu tindakan/ })).toHaveCount(0);
      await expect(page.getByTestId('late-count')).toHaveCount(0);

      // Close the shift: the report on screen is the sum over the sales.
      await closeShift(page);
      const closed = page.locator('.shift-closed');
      await expect(closed).toBeVisible();
      const expectedReceived = MAX + 25_000 + 30_000;
      await expect(closed.getByTestId('report-received')).toHaveText(formatRupiah(expectedReceived));
      await expect(closed.getByTestId('report-sales')).toHaveText('3');
      // Cancelled, then paid: a late payment, in its own line only (issue 20 #5).
      await expect(closed.locator('tr[data-bucket="paid"] td').first()).toHaveText('1');
      await expect(closed.locator('tr[data-bucket="late"] td').first()).toHaveText('1');
      await expect(closed.locator('tr[data-bucket="cancelled"] td').first()).toHaveText('0');
      await expect(closed).not.toContainText('Dibatalkan kasir');
      await expect(closed.locator('tr[data-bucket="partially_paid"] td').first()).toHaveText('1');
      await expect(closed).toContainText('diterima Rp 25.000, kurang Rp 25.000');
      await expect(closed).toContainText('dikembalikan tunai 1');
      await closed.scrollIntoViewIfNeeded();
      await shoot('closed-report');

      // The day's CSV: one row per sale, totals equal to the report. The format is preset to what
      // Excel opens on this computer's region; here the owner picks Excel Indonesia (';').
      const dayStatus = await preview.core.router.dispatch('getDayStatus', {});
      const csvFormat = page.getByLabel('Format CSV', { exact: true });
      await expect(csvFormat).toHaveValue(dayStatus.ok ? dayStatus.value.csvFormat : '');
      await csvFormat.selectOption('excel-semicolon');
      expect(await cutOptions(csvFormat), `CSV formats at ${label}`).toEqual([]);
      await page.locator('.day-report-range').scrollIntoViewIfNeeded();
      await shoot('csv-format');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Ekspor CSV' }).click();
      const file = await (await download).path();
      const text = readFileSync(file, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(text, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
      expect(rows).toHaveLength(3);
      expect(rows.reduce((sum, row) => sum + Number(row.received), 0)).toBe(expectedReceived);
      // Trade numbers as ="…": Excel keeps them as text (no 2.02611E+21).
      for (const row of rows) expect(row.trade_no).toMatch(/^="[0-9A-Z]+"$/);
      expect(rows.find((row) => unprotect(row.trade_no!) === late)).toMatchObject({ late_payment: 'yes', late_resolution: 'refunded_cash', cashier: 'Siti Aminah' });
      await expect(page.locator('.day-report-exported')).toContainText('(3 baris)');

      // "The customer shows a payment on their phone": find it by amount.
      await page.getByLabel('Jumlah', { exact: true }).fill('10.000.000');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await expect(page.locator('.search-results tbody tr')).toHaveCount(1);
      await page.locator('.search-results').scrollIntoViewIfNeeded();
      await shoot('search');

      // Bad input: a specific message where it was typed, nothing lost.
      await page.getByLabel('Jumlah', { exact: true }).fill('dua puluh');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await expect(page.locator('.sales-search .field-error')).toHaveText(/angka/);
      await page.getByLabel('Sampai tanggal').fill('2020-01-01');
      await expect(page.locator('.day-report [role="alert"]')).toContainText('Tanggal tidak valid');
    });

    test(`the owner gives "Kasir" a PIN; the cashier opens a shift with it, closes it after a confirmation; the owner lets a locked-out cashier in (${label})`, async ({ preview, page }) => {
      test.setTimeout(150_000);
      // The audit's shop: sold with cashier PINs off, so the PIN-less default "Kasir" exists.
      await setUpTraining(preview);
      const first = await preview.core.router.dispatch('charge', { amount: 25_000 });
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      await preview.core.router.dispatch('cancelPayment', { tradeNo: first.value.tradeNo });
      expect((await preview.core.router.dispatch('closeShift', {})).ok).toBe(true);
      await page.goto(preview.url);
      await expect(amountField(page)).toBeFocused();
      const shoot = async (state: string, shown: Locator) => {
        await shown.scrollIntoViewIfNeeded();
        await expect(shown).toBeInViewport();
        expect(await overflowing(page, DAY_TEXT), `${state} at ${label}`).toEqual([]);
        await screenshot(page, `day-${state}-${label}`);
      };

      // Cashier PINs on with nobody holding a PIN: said in the cashier list, refused on save.
      await page.keyboard.press('F3');
      const pinsBox = page.getByLabel('Kasir membuka shift dengan PIN');
      await pinsBox.check();
      await expect(page.getByTestId('no-cashier-pin')).toContainText('Belum ada kasir dengan PIN');
      await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
      const pinsField = page.locator('.field-invalid').filter({ has: pinsBox });
      await expect(pinsField).toContainText('Belum ada kasir aktif dengan PIN');
      await expect(pinsBox).toBeFocused();
      await shoot('settings-pins-refused', pinsField);

      // The owner gives "Kasir" a PIN: a short one is refused where it was typed.
      const kasirRow = page.locator('.cashier-list li[data-cashier="Kasir"]');
      await expect(kasirRow).toContainText('kasir bawaan, tanpa PIN');
      await kasirRow.getByRole('button', { name: 'Beri PIN' }).click();
      const newPin = kasirRow.getByLabel('PIN baru untuk Kasir (4–6 angka)');
      await expect(newPin).toBeFocused();
      await newPin.fill('12');
      await page.keyboard.press('Enter');
      await expect(kasirRow).toContainText('PIN harus 4–6 angka.');
      await shoot('settings-cashier-pin', kasirRow);
      await newPin.fill('8642');
      await page.keyboard.press('Enter');
      await expect(kasirRow.getByRole('button', { name: 'Ganti PIN' })).toBeVisible();
      await expect(page.getByTestId('no-cashier-pin')).toHaveCount(0);
      await expect(page.getByText('Pengaturan tersimpan.')).toHaveCount(0); // Enter saved the PIN, not the settings
      await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
      await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();

      // The cashier opens the shift with that PIN.
      await page.keyboard.press('F4');
      await expect(page.getByLabel('Kasir', { exact: true })).toHaveValue(/\d+/);
      await page.getByLabel('PIN kasir', { exact: true }).fill('8642');
      await page.getByRole('button', { name: 'Buka shift' }).click();
      await expect(page.getByTestId('shift-open')).toContainText('Kasir');
      await sell(page, MAX, 'Tandai lunas');

      // "Tutup shift" asks, showing what closes; Esc and Enter on the safe answer leave it open.
      await page.keyboard.press('F4');
      const closeButton = page.getByRole('button', { name: 'Tutup shift' });
      const dialog = page.getByRole('dialog', { name: 'Tutup shift?' });
      await closeButton.click();
      await expect(dialog.getByTestId('close-shift-sales')).toHaveText('1');
      await expect(dialog.getByTestId('close-shift-received')).toHaveText(formatRupiah(MAX));
      await expect(dialog).toContainText('Kasir');
      await expect(dialog.getByRole('button', { name: 'Jangan tutup' })).toBeFocused();
      await shoot('close-confirm', dialog);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await closeButton.click();
      await expect(dialog.getByRole('button', { name: 'Jangan tutup' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(page.getByTestId('shift-open')).toContainText('Kasir');
      await closeButton.click();
      await dialog.getByRole('button', { name: 'Ya, tutup shift' }).click();
      await expect(page.locator('.shift-closed').getByTestId('report-received')).toHaveText(formatRupiah(MAX));

      // Wrong PINs lock "Kasir" out; the owner's PIN lets the cashier in and lifts the lockout.
      const ownerPin = await preview.core.router.dispatch('setAdminPin', { newPin: '975310' });
      expect(ownerPin.ok).toBe(true);
      await preview.core.router.dispatch('lockAdmin', {});
      const cashierPin = page.getByLabel('PIN kasir', { exact: true });
      for (let i = 0; i < 5; i++) {
        await cashierPin.fill('0000');
        await page.getByRole('button', { name: 'Buka shift' }).click();
        await expect(cashierPin).toHaveValue(''); // answered
        await expect(page.locator('.shift-open-form [role="alert"]')).toContainText('PIN salah. Coba lagi.');
      }
      await cashierPin.fill('8642'); // the right PIN, too late
      await page.getByRole('button', { name: 'Buka shift' }).click();
      await expect(page.locator('.shift-open-form [role="alert"]')).toContainText('Terlalu banyak PIN salah');
      const openForm = page.locator('.shift-open-form');
      await expect(openForm).toContainText('Pemilik bisa membukakan shift dengan PIN pemilik');
      await shoot('open-shift-locked', openForm);
      await page.getByLabel('PIN pemilik', { exact: true }).fill('975310');
      await page.getByRole('button', { name: 'Buka shift dengan PIN pemilik' }).click();
      await expect(page.getByTestId('shift-open')).toContainText('Kasir');
    });

    test(`the owner adds a cashier in the settings (${label})`, async ({ preview, page }) => {
      await setUpCashier(preview);
      await page.goto(preview.url);
      await expect(amountField(page)).toBeFocused(); // the app is up and listening for keys
      await page.keyboard.press('F3');
      await page.getByLabel('Nama kasir').fill('Budi');
      await page.getByLabel('PIN kasir (4–6 angka)').fill('12');
      await page.getByRole('button', { name: 'Tambah kasir' }).click();
      await expect(page.locator('.cashiers')).toContainText('PIN harus 4–6 angka.');
      await page.getByLabel('PIN kasir (4–6 angka)').fill('135790');
      await page.getByRole('button', { name: 'Tambah kasir' }).click();
      // The list is read again once the PIN is hashed (a deliberately slow scrypt: seconds on a loaded machine).
      await expect(page.locator('.cashier-list li')).toHaveCount(2, { timeout: 30_000 });
      await expect(page.locator('.cashier-list')).toContainText('Budi');
      // The same name again (another case, spaces) is refused next to the name; the list stays.
      await page.getByLabel('Nama kasir').fill(' BUDI ');
      await page.getByLabel('PIN kasir (4–6 angka)').fill('246800');
      await page.getByRole('button', { name: 'Tambah kasir' }).click();
      await expect(page.locator('.cashiers')).toContainText('Sudah ada kasir dengan nama ini.', { timeout: 30_000 });
      await expect(page.locator('.cashier-list li')).toHaveCount(2);
      await page.locator('.cashiers').scrollIntoViewIfNeeded();
      expect(await overflowing(page, DAY_TEXT)).toEqual([]);
      await screenshot(page, `day-settings-cashiers-${label}`);
    });
  });
}

test('a shop whose settings turned cashier PINs on before any cashier had a PIN: nobody is offered, the screen says who fixes it', async ({ preview, page }) => {
  await setUpTraining(preview);
  const sale = await preview.core.router.dispatch('charge', { amount: 25_000 });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
  await preview.core.router.dispatch('cancelPayment', { tradeNo: sale.value.tradeNo });
  expect((await preview.core.router.dispatch('closeShift', {})).ok).toBe(true);
  // Written by an earlier version, which let PINs be turned on with only the PIN-less "Kasir".
  const file = join(preview.dataDir, 'settings.json');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { settings: { day: { cashierPins: boolean } } };
  stored.settings.day.cashierPins = true;
  writeFileSync(file, JSON.stringify(stored));
  await preview.restartCore();

  await page.goto(preview.url);
  await expect(amountField(page)).toBeFocused();
  await page.keyboard.press('F4');
  const panel = page.locator('.shift-panel');
  await expect(panel).toContainText('Belum ada kasir dengan PIN. Pemilik memberi PIN di Pengaturan → Kasir.');
  await expect(panel.getByRole('button', { name: 'Buka shift' })).toHaveCount(0);
  await screenshotAtSizes(page, 'day-open-shift-no-cashier-pin', {
    check: async () => {
      await expect(panel).toBeInViewport();
      expect(await overflowing(page, DAY_TEXT)).toEqual([]);
    },
    restore: { width: 1366, height: 768 },
  });
});

// Issue 16, audit item 2: money that comes in after its shift was closed lands in exactly one shift
// report (the next one's "received for earlier shifts"), so the day's shifts add up to the day.
test('a late payment found after its shift closed shows in the next shift as received for an earlier shift; the shifts add up to the day', async ({ preview, page }) => {
  test.setTimeout(90_000);
  await setUpTraining(preview); // one-person shop: no cashier PINs, the default shift opens by itself
  await page.goto(preview.url);
  await expect(amountField(page)).toBeFocused();
  const late = await sell(page, MAX, 'cancel');
  await page.keyboard.press('F4');
  await closeShift(page);
  await expect(page.locator('.shift-closed').getByTestId('report-received')).toHaveText(formatRupiah(0));

  await sell(page, 15_000, 'Tandai lunas'); // the next shift opens with this sale
  // The customer had paid after all: the gateway settles the sale cancelled in the closed shift.
  const settled = await preview.core.router.dispatch('settleTraining', { tradeNo: late, outcome: 'paid' });
  expect(settled.ok && settled.value.state).toBe('paid');

  await page.keyboard.press('F4');
  const day = page.locator('.day-report');
  const received = MAX + 15_000;
  await expect(day.getByTestId('report-received').first()).toHaveText(formatRupiah(received));
  await expect(day.getByTestId('report-later')).toHaveText(`1 (${formatRupiah(MAX)})`);
  const rows = day.locator('.report-shifts tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td.num')).toHaveText(['1', formatRupiah(0)]); // frozen: the sale was cancelled then
  await expect(rows.nth(1).locator('td.num')).toHaveText(['1', `${formatRupiah(15_000)}+ ${formatRupiah(MAX)} untuk shift sebelumnya`]);
  // What the shifts add up to, on screen, is the day's money.
  await expect(day.getByTestId('shifts-total')).toHaveText(formatRupiah(received));
  await rows.nth(1).getByRole('button', { name: /^Lihat/ }).click();
  const shift = day.getByTestId('shift-report');
  await expect(shift.getByTestId('report-earlier')).toHaveText(`1 (${formatRupiah(MAX)})`);
  await expect(shift.getByTestId('report-received')).toHaveText(formatRupiah(15_000));

  await screenshotAtSizes(page, 'day-shifts-reconciled', {
    check: async (size) => {
      await day.locator('.report-shifts').scrollIntoViewIfNeeded();
      expect(await overflowing(page, DAY_TEXT), `day report at ${size.width}x${size.height}`).toEqual([]);
    },
  });
  await screenshotAtSizes(page, 'day-shift-earlier', {
    check: async (size) => {
      await shift.scrollIntoViewIfNeeded();
      expect(await overflowing(page, DAY_TEXT), `shift report at ${size.width}x${size.height}`).toEqual([]);
    },
  });
});
