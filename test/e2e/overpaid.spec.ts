import { formatRupiah } from '../../shared/money.ts';
import { expect, screenshotAtSizes, test, tradeNoOnScreen } from './fixtures.ts';

// Issue 21, item 3: Rp 1.000.000 paid on a Rp 10.000 charge once made Today read "Uang diterima
// Rp 1.051.999". Received counts at most the charge; the excess is shown apart as kelebihan bayar.

test('an overpayment counts the charge as received and shows the excess apart on the sale, Today and the report', async ({ configured: preview, page }) => {
  await page.keyboard.type('10000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  const tradeNo = await tradeNoOnScreen(page);

  preview.simulator.settle(tradeNo, 'paid', { paidAmount: 1_000_000 });
  const excess = `Kelebihan bayar ${formatRupiah(990_000)}: cek di back office Paypro`;
  await expect(page.getByText(excess)).toBeVisible();
  expect(preview.core.payments.get(tradeNo)).toMatchObject({ state: 'paid', paidAmount: 10_000, overpaidAmount: 990_000 });
  await screenshotAtSizes(page, 'overpaid-sale');

  await page.getByRole('button', { name: /Transaksi baru/ }).click();
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  await expect(page.locator('.today-total')).toContainText(formatRupiah(10_000));
  await expect(page.locator('.today-total')).not.toContainText('1.000.000');
  await expect(page.getByRole('row').filter({ hasText: tradeNo }).getByText(excess)).toBeVisible();
  await screenshotAtSizes(page, 'overpaid-today');

  await page.keyboard.press('F4');
  const day = page.locator('.day-report');
  await expect(day.getByTestId('report-received').first()).toHaveText(formatRupiah(10_000));
  await expect(day.getByTestId('report-overpaid').first()).toHaveText(`1 (${formatRupiah(990_000)}), tidak termasuk uang diterima`);
  await screenshotAtSizes(page, 'overpaid-report');
});
