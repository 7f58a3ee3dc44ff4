import type { Page } from '@playwright/test';
import { expect, screenshotAtSizes, test } from './fixtures.ts';

// Issue 20 item 16, the training part: training asks for no merchant data and does not warn about
// a secret it does not keep; its indicator in the top bar is one line at every size; and the top
// bar follows a saved mode change at once, without a reload.

const indicator = (page: Page) => page.locator('.topbar .connection[role="status"]');
const trainingBanner = (page: Page) => page.getByText('LATIHAN — bukan uang sungguhan');

test('first run in training: no merchant-data request, no weak-protection warning; both come with Transaksi nyata', async ({ preview, page }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('radio', { name: /^Latihan/ })).toBeChecked();
  const welcome = page.getByText(/^Selamat datang\./);
  await expect(welcome).toHaveText('Selamat datang. Latihan memakai simulator, tanpa uang sungguhan dan tanpa data merchant: simpan untuk mulai.');
  const weak = page.getByRole('alert').filter({ hasText: /dengan lemah/ });
  await expect(weak).toHaveCount(0);

  await page.getByRole('radio', { name: /^Transaksi nyata/ }).check();
  await expect(welcome).toHaveText('Selamat datang. Isi data merchant Paypro lalu simpan.');
  await expect(weak).toBeVisible();
});

test('the Latihan indicator on one line at every size; the top bar follows a saved mode change without a reload', async ({ configured: _preview, page }) => {
  await expect(indicator(page)).toHaveText('Latihan: tanpa Paypro');
  await screenshotAtSizes(page, 'training-indicator', {
    check: async (size) => {
      const lines = await indicator(page).evaluate((element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element);
        return Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight));
      });
      expect(lines, `indicator lines at ${size.width}×${size.height}`).toBe(1);
      await expect(indicator(page)).toBeInViewport({ ratio: 1 });
    },
    restore: { width: 1366, height: 768 },
  });

  // Saved as Transaksi nyata: the top bar drops the training indicator and banner at once.
  let reloaded = false;
  page.on('framenavigated', () => void (reloaded = true));
  await page.keyboard.press('F3');
  await page.getByRole('radio', { name: /^Transaksi nyata/ }).check();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible({ timeout: 15_000 });
  await expect(indicator(page)).not.toHaveText(/Latihan/);
  await expect(trainingBanner(page)).toHaveCount(0);

  // And back to Latihan.
  await page.getByRole('radio', { name: /^Latihan/ }).check();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(indicator(page)).toHaveText('Latihan: tanpa Paypro');
  await expect(trainingBanner(page)).toBeVisible();
  expect(reloaded).toBe(false);
});
