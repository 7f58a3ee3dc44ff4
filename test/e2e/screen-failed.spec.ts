import { expect, screenshotAtSizes, test } from './fixtures.ts';

// A screen that throws while rendering (here: a charge answer whose QR part is missing, as a bug or
// corrupt data would give) shows a translated message and a way back, never a blank window.

test('a screen that fails to render says the sale is safe and leads back to a new sale', async ({ configured: preview, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/api/charge', async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
    if (answer.value) answer.value.qr = null;
    await route.fulfill({ response, json: answer });
  });

  // The largest amount the default limits allow (Rp 10.000.000).
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');

  const failed = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Terjadi kesalahan di layar ini' }) });
  await expect(failed).toBeVisible();
  await expect(failed.getByText(/^Penjualan aman: sudah tercatat/)).toBeVisible();
  await expect(page.getByRole('tablist')).toBeVisible(); // the shell stays: tabs still work
  await expect(page.getByRole('button', { name: 'Kembali ke transaksi baru' })).toBeFocused();
  await screenshotAtSizes(page, 'screen-failed');

  // The sale really is safe: recorded in the ledger and followed as usual.
  const today = await preview.core.router.dispatch('listToday', {});
  expect(today).toMatchObject({ ok: true });
  expect(JSON.stringify(today)).toContain('10000000');

  await page.getByRole('button', { name: 'Kembali ke transaksi baru' }).click();
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Terjadi kesalahan di layar ini' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
