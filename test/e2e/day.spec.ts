import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { formatRupiah } from '../../shared/money.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, SCREEN_SIZES, screenshot, screenshotAtSizes, test, tradeNoOnScreen, type TestPreview } from './fixtures.ts';

// Issue 16: a cashier opens a shift with a PIN, sells, a late payment is raised and resolved, the
// shift closes with a report that matches the sales, the day's CSV adds up to the report. Every
// new screen state photographed at three sizes with the largest amount (day-<state>-<size>.png).

const MAX = DEFAULT_SETTINGS.limits.maxAmount;

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });
const status = (page: Page) => page.locator('.qr-status[role="status"]');

/** Text wider than its box anywhere on the day screen or the page: cut off. */
async function overflowing(page: Page): Promise<string[]> {
  return page.locator('.day-card, .day-card td, .day-card th, .day-card dd, .late-banner, .tab, html').evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

async function sell(page: Page, amount: number, outcome: 'Tandai lunas' | 'Tandai dibayar sebagian' | 'cancel'): Promise<string> {
  await page.keyboard.press('F1');
  await amountField(page).fill(String(amount));
  await page.keyboard.press('Enter');
  const tradeNo = await tradeNoOnScreen(page);
  if (outcome === 'cancel') {
    await page.getByRole('button', { name: /^Batalkan/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, batalkan' }).click();
    await expect(status(page)).toHaveText('Dibatalkan');
  } else {
    await page.getByRole('button', { name: outcome }).click();
    await expect(status(page)).toHaveText(outcome === 'Tandai lunas' ? 'LUNAS' : 'Dibayar sebagian');
  }
  await page.getByRole('button', { name: /Transaksi baru/ }).click();
  return tradeNo;
}

async function setUpCashier(preview: TestPreview): Promise<void> {
  await setUpTraining(preview, { day: { cashierPins: true } });
  const added = await preview.core.router.dispatch('addCashier', { name: 'Siti Aminah', pin: '2468' });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
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
        expect(await overflowing(page), `${state} at ${label}`).toEqual([]);
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
      await expect(page.locator('.late-banner')).toContainText('1 pembayaran terlambat perlu tindakan');
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
      await page.getByRole('button', { name: 'Tutup shift' }).click();
      const closed = page.locator('.shift-closed');
      await expect(closed).toBeVisible();
      const expectedReceived = MAX + 25_000 + 30_000;
      await expect(closed.getByTestId('report-received')).toHaveText(formatRupiah(expectedReceived));
      await expect(closed.getByTestId('report-sales')).toHaveText('3');
      await expect(closed.locator('tr[data-bucket="paid"] td').first()).toHaveText('2');
      await expect(closed.locator('tr[data-bucket="partially_paid"] td').first()).toHaveText('1');
      await expect(closed).toContainText('diterima Rp 25.000, kurang Rp 25.000');
      await expect(closed).toContainText('dikembalikan tunai 1');
      await closed.scrollIntoViewIfNeeded();
      await shoot('closed-report');

      // The day's CSV: one row per sale, totals equal to the report.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Ekspor CSV' }).click();
      const file = await (await download).path();
      const text = readFileSync(file, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(3);
      expect(rows.reduce((sum, row) => sum + Number(row.received), 0)).toBe(expectedReceived);
      expect(rows.find((row) => row.trade_no === late)).toMatchObject({ late_payment: 'yes', late_resolution: 'refunded_cash', cashier: 'Siti Aminah' });
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
      await expect(page.locator('.cashier-list li')).toHaveCount(2);
      await page.locator('.cashiers').scrollIntoViewIfNeeded();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `day-settings-cashiers-${label}`);
    });
  });
}

// Issue 16, audit item 2: money that comes in after its shift was closed lands in exactly one shift
// report (the next one's "received for earlier shifts"), so the day's shifts add up to the day.
test('a late payment found after its shift closed shows in the next shift as received for an earlier shift; the shifts add up to the day', async ({ preview, page }) => {
  test.setTimeout(90_000);
  await setUpTraining(preview); // one-person shop: no cashier PINs, the default shift opens by itself
  await page.goto(preview.url);
  await expect(amountField(page)).toBeFocused();
  const late = await sell(page, MAX, 'cancel');
  await page.keyboard.press('F4');
  await page.getByRole('button', { name: 'Tutup shift' }).click();
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
      expect(await overflowing(page), `day report at ${size.width}x${size.height}`).toEqual([]);
    },
  });
  await screenshotAtSizes(page, 'day-shift-earlier', {
    check: async (size) => {
      await shift.scrollIntoViewIfNeeded();
      expect(await overflowing(page), `shift report at ${size.width}x${size.height}`).toEqual([]);
    },
  });
});
