import type { Page } from '@playwright/test';
import { expect, screenshotAtSizes, test, tradeNoOnScreen, type TestPreview } from './fixtures.ts';

// Issue 22 (cash beside QRIS) and issue 20 item 2 (Tagih sisa): a sale of several payments is one
// sale, paid in full, in Today, the report and the CSV.

// Three sizes photographed per screen: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const status = (page: Page) => page.locator('.qr-status[role="status"]');
const cashDialog = (page: Page) => page.getByRole('dialog', { name: 'Bayar tunai' });

/** Today's totals and rows as main has them, and the day report. */
async function dayOf(preview: TestPreview) {
  const today = await preview.core.router.dispatch('listToday', {});
  const report = await preview.core.router.dispatch('getDayReport', {});
  if (!today.ok || !report.ok) throw new Error('day not readable');
  return { today: today.value, report: report.value };
}

async function chargeQris(page: Page, amount: string): Promise<string> {
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  return tradeNoOnScreen(page);
}

/** Today on screen: one row for the sale, with its full amount. */
async function expectOneRowInToday(page: Page, amount: string) {
  await page.keyboard.press('F2');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(amount);
  await expect(rows.first().locator('.badge')).toHaveText('Lunas');
}

test('a cash sale with change, keyboard only: F8, a quick tender, Enter; the result says TUNAI and the change, large', async ({ configured: preview, page }) => {
  await page.keyboard.type('9965000');
  await page.keyboard.press('F8');
  await expect(cashDialog(page)).toBeVisible();
  await expect(page.getByLabel('Uang diterima', { exact: true })).toBeFocused();
  await page.keyboard.press('F12'); // the largest round-up: Rp 10.000.000
  await expect(page.getByLabel('Uang diterima', { exact: true })).toHaveValue('10.000.000');
  await expect(cashDialog(page).getByRole('status')).toContainText('Rp 35.000');
  await screenshotAtSizes(page, 'cash-dialog', { restore: { width: 1366, height: 900 } });
  await page.keyboard.press('Enter');

  await expect(status(page)).toHaveText('LUNAS');
  await expect(page.getByTestId('cash-change')).toHaveText('Kembalian Rp 35.000');
  await expect(page.getByRole('list', { name: 'Pembayaran transaksi ini' })).toContainText('TUNAI');
  await screenshotAtSizes(page, 'cash-result', { restore: { width: 1366, height: 900 } });
  const { today, report } = await dayOf(preview);
  expect(today).toMatchObject({ receivedTotal: 9_965_000, paidCount: 1 });
  expect(report.report).toMatchObject({ saleCount: 1, received: 9_965_000, receivedByMethod: { qris: 0, cash: 9_965_000 } });
  expect(preview.simulator.orders()).toEqual([]);
});

test('a tender below the amount cannot be taken: it says what is short', async ({ configured: preview, page }) => {
  await page.keyboard.type('50000');
  await page.keyboard.press('F8');
  await page.keyboard.type('20000');
  await expect(cashDialog(page).getByRole('status')).toHaveText('Kurang Rp 30.000');
  await expect(cashDialog(page).getByRole('button', { name: /Terima tunai/ })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(cashDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cashDialog(page)).toHaveCount(0);
  expect((await dayOf(preview)).today.payments).toEqual([]);
});

test('a QR that expired is paid in cash on the same sale: one sale, paid', async ({ configured: preview, page }) => {
  const tradeNo = await chargeQris(page, '10000000');
  preview.advanceClock(16 * 60_000);
  await expect(status(page)).toHaveText('Kode QR kedaluwarsa', { timeout: 5_000 });
  await page.keyboard.press('F8');
  await expect(cashDialog(page)).toBeVisible();
  await page.keyboard.press('F9'); // uang pas
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('LUNAS');
  await screenshotAtSizes(page, 'expired-then-cash', { restore: { width: 1366, height: 900 } });

  const { today, report } = await dayOf(preview);
  expect(today.payments.map((payment) => payment.tradeNo)).toEqual([tradeNo]);
  expect(today).toMatchObject({ receivedTotal: 10_000_000, paidCount: 1 });
  expect(report.report).toMatchObject({ saleCount: 1, buckets: { paid: { count: 1 }, expired: { count: 0 } } });
  await expectOneRowInToday(page, 'Rp 10.000.000');
});

test('a QR the customer cannot scan: cash cancels it first; Paypro saying later it was paid is a late payment', async ({ configured: preview, page }) => {
  const tradeNo = await chargeQris(page, '40000');
  await page.keyboard.press('F8');
  await expect(cashDialog(page)).toContainText('Kode QR transaksi ini dibatalkan dulu');
  await page.keyboard.type('50000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cash-change')).toHaveText('Kembalian Rp 10.000');
  expect(preview.core.payments.get(tradeNo).state).toBe('cancelled');
  preview.simulator.settle(tradeNo, 'paid');
  // The late-payment watch would find it within its interval; Periksa ulang asks now.
  await preview.core.router.dispatch('recheckPayment', { tradeNo });
  expect(preview.core.payments.get(tradeNo).state).toBe('paid');
  const status = await preview.core.router.dispatch('getDayStatus', {});
  expect(status).toMatchObject({ ok: true, value: { needsAttention: 1 } });
});

test('partial QRIS + the rest in cash = one sale fully paid', async ({ configured: preview, page }) => {
  const tradeNo = await chargeQris(page, '10000000');
  preview.simulator.settle(tradeNo, 'partial', { paidAmount: 2_500_000 });
  await expect(status(page)).toHaveText('Dibayar sebagian');
  await page.getByRole('button', { name: /Sisa dibayar tunai/ }).click();
  await expect(cashDialog(page)).toContainText('Rp 7.500.000');
  await page.keyboard.press('F9');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('LUNAS');
  await expect(page.getByText('Diterima Rp 10.000.000 dari Rp 10.000.000')).toBeVisible();
  await screenshotAtSizes(page, 'partial-rest-cash', { restore: { width: 1366, height: 900 } });

  const { today, report } = await dayOf(preview);
  expect(today).toMatchObject({ receivedTotal: 10_000_000, paidCount: 1, partialCount: 0, outstandingTotal: 0 });
  expect(report.report).toMatchObject({ saleCount: 1, received: 10_000_000, receivedByMethod: { qris: 2_500_000, cash: 7_500_000 } });
  await expectOneRowInToday(page, 'Rp 10.000.000');
  await expect(page.getByTestId('today-by-method')).toHaveText('QRIS Rp 2.500.000 · tunai Rp 7.500.000');
  await screenshotAtSizes(page, 'today-qris-and-cash', { restore: { width: 1366, height: 900 } });
  // Laporan: the takings in total, QRIS and cash apart.
  await page.keyboard.press('F4');
  await expect(page.getByTestId('report-by-method').first()).toHaveText('QRIS Rp 2.500.000 · tunai Rp 7.500.000');
  await expect(page.getByTestId('report-received').first()).toHaveText('Rp 10.000.000');
  await screenshotAtSizes(page, 'report-qris-and-cash', { restore: { width: 1366, height: 900 } });
});

test('a partial payment finished with Tagih sisa: one sale with the full amount in Today, the report and the CSV, with both Paypro numbers', async ({ configured: preview, page }) => {
  const tradeNo = await chargeQris(page, '10000000');
  preview.simulator.settle(tradeNo, 'partial', { paidAmount: 2_500_000 });
  await expect(status(page)).toHaveText('Dibayar sebagian');
  const rest = page.getByRole('button', { name: /Tagih sisa Rp 7\.500\.000/ });
  await expect(rest).toBeFocused();
  await screenshotAtSizes(page, 'partial-tagih-sisa', { restore: { width: 1366, height: 900 } });
  await page.keyboard.press('Enter');

  await expect(page.getByRole('img', { name: 'Kode QRIS untuk pembayaran Rp 7.500.000' })).toBeVisible();
  const restNo = await tradeNoOnScreen(page);
  expect(restNo).not.toBe(tradeNo);
  preview.simulator.settle(restNo, 'paid');
  await expect(status(page)).toHaveText('LUNAS');
  await expect(page.getByText('Diterima Rp 10.000.000 dari Rp 10.000.000')).toBeVisible();
  await screenshotAtSizes(page, 'tagih-sisa-paid', { restore: { width: 1366, height: 900 } });

  const { today, report } = await dayOf(preview);
  expect(today).toMatchObject({ receivedTotal: 10_000_000, paidCount: 1, partialCount: 0, outstandingTotal: 0 });
  expect(today.payments[0]?.sale?.payments.map((payment) => payment.platformTradeNo)).toEqual([
    preview.simulator.order(tradeNo)?.platFormTradeNo,
    preview.simulator.order(restNo)?.platFormTradeNo,
  ]);
  expect(report.report).toMatchObject({ saleCount: 1, received: 10_000_000, buckets: { paid: { count: 1, amount: 10_000_000 } } });
  await expectOneRowInToday(page, 'Rp 10.000.000');
  await screenshotAtSizes(page, 'tagih-sisa-today', { restore: { width: 1366, height: 900 } });

  const exported = await preview.core.router.dispatch('exportSales', { format: 'rfc4180' });
  if (!exported.ok || exported.value.outcome !== 'download') throw new Error('no CSV');
  const [header, ...lines] = exported.value.csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(1);
  const row = Object.fromEntries(header!.split(',').map((name, i) => [name, lines[0]!.split(',')[i]]));
  expect(row).toMatchObject({
    trade_no: tradeNo, amount: '10000000', received: '10000000', outstanding: '0', method: 'qris',
    follow_up_trade_nos: restNo, follow_up_paypro_trade_nos: preview.simulator.order(restNo)?.platFormTradeNo,
  });
});
