import { expect, screenshotAtSizes, test, tradeNoOnScreen } from './fixtures.ts';

// Issue 14, item 4: a gateway "paid" for another amount than the sale is never shown as plainly paid,
// and the owner's "require signed answers" setting has its own row on the settings screen.

test('a paid answer for Rp 1 on a Rp 10.000.000 sale shows as partly paid, with the reason', async ({ configured: preview, page }) => {
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  const tradeNo = await tradeNoOnScreen(page);

  preview.simulator.settle(tradeNo, 'paid', { paidAmount: 1 });
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('Dibayar sebagian');
  await expect(page.getByText('Dibayar Rp 1 dari Rp 10.000.000')).toBeVisible();
  await expect(page.getByText('Alasan: Jumlah dari gateway berbeda. Periksa back office Paypro.')).toBeVisible();
  await screenshotAtSizes(page, 'paid-amount-differs');
  expect(preview.core.payments.get(tradeNo)).toMatchObject({ state: 'partially_paid', paidAmount: 1, errorCode: 'payment.paid_amount_differs' });
});

test('the owner turns on "require signed answers" in the settings, and it is kept', async ({ configured: preview, page }) => {
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  const box = page.getByRole('checkbox', { name: 'Wajibkan jawaban bertanda tangan dari Paypro' });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  await box.scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'settings-require-signed');
  const view = await preview.core.router.dispatch('getSettings', {});
  expect(view).toMatchObject({ ok: true, value: { settings: { requireSignedAnswers: true } } });
});
