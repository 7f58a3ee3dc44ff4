import { expect, screenshotAtSizes, test, tradeNoOnScreen } from './fixtures.ts';

// Issue 21, item 2: status 0000 with an amount that is not whole rupiah is not shown as plainly
// paid: the reason is on the QR screen and Today marks the row for the owner to check.

test('a paid answer with the unreadable amount "10000.5" is flagged on the QR screen and on Today', async ({ configured: preview, page }) => {
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  const tradeNo = await tradeNoOnScreen(page);

  preview.simulator.settle(tradeNo, 'paid', { amountText: '10000.5' });
  await expect(page.getByText('Alasan: Gateway melaporkan lunas, tetapi jumlahnya tidak terbaca.', { exact: false })).toBeVisible();
  expect(preview.core.payments.get(tradeNo)).toMatchObject({ state: 'paid', errorCode: 'payment.paid_amount_unreadable' });
  await screenshotAtSizes(page, 'paid-amount-unreadable');

  await page.getByRole('button', { name: /Transaksi baru/ }).click();
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  const row = page.getByRole('row').filter({ hasText: tradeNo });
  await expect(row.getByText('Cek jumlah di back office Paypro')).toBeVisible();
  await screenshotAtSizes(page, 'paid-amount-unreadable-today');
});
