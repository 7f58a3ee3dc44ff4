import { test as base } from '@playwright/test';
import { PosError } from '../../electron/core/errors.ts';
import { startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { expect, screenshotAtSizes } from './fixtures.ts';

// The OS key store still locked after the cipher's retries (electron/safe-storage-cipher.ts throws
// secret.keystore_not_ready): the owner reads "not ready yet" where the sale failed, not
// "secret unreadable, enter it again", and nothing is charged.
let keyStoreReady = true;
const test = base.extend<{ preview: WebPreview }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  preview: async ({}, use) => {
    const preview = await startWebPreview({
      wrapCipher: (cipher) => ({
        encrypt: (plain) => cipher.encrypt(plain),
        decrypt: async (ciphertext) => {
          if (!keyStoreReady) throw new PosError('secret.keystore_not_ready', { detail: 'Keychain locked' });
          return cipher.decrypt(ciphertext);
        },
      }),
    });
    await use(preview);
    await preview.close();
  },
});

test('a live sale while the OS key store is not ready says so, at every screen size, and charges nothing', async ({ preview, page }) => {
  const setUp = await preview.core.router.dispatch('updateSettings', {
    patch: { environment: 'live', merchantNo: '1234567890' },
    secret: 'rahasia-live-1',
  });
  expect(setUp.ok).toBe(true);
  keyStoreReady = false;
  await page.goto(preview.url);
  const amount = page.getByLabel('Jumlah', { exact: true });
  await expect(amount).toBeFocused();
  await amount.fill('10000000'); // the default maximum
  await amount.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Penyimpanan kunci sistem operasi belum siap' });
  await expect(alert).toBeVisible();
  await screenshotAtSizes(page, 'sale-keystore-not-ready', { check: async () => {
    await expect(alert).toBeInViewport({ ratio: 1 });
    // The largest amount fits its box (at 1024 px it was cut to "Rp 10.000.0").
    expect(await amount.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  } });
  const today = await preview.core.router.dispatch('listToday', {});
  expect(today.ok && today.value).toMatchObject({ payments: [] });
  keyStoreReady = true;
});
