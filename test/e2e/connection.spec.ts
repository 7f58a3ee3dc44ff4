import type { Page } from '@playwright/test';
import { startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { closedLoopbackPort } from '../harness/closed-port.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test } from './fixtures.ts';

// The connection indicator and the warning before charging while Paypro is unreachable. "Live"
// here points at a loopback port nothing listens on, so every call to Paypro is refused for real.

const indicator = (page: Page) => page.locator('.topbar .connection[role="status"]');

let preview: WebPreview;
test.beforeEach(async () => {
  preview = await startWebPreview({ connectionIdleCheckMs: 300 });
});
test.afterEach(async () => preview.close());

test('training mode says so in the indicator', async ({ page }) => {
  await setUpTraining(preview);
  await page.goto(preview.url);
  await expect(indicator(page)).toHaveText('Latihan: tanpa Paypro');
});

test('unreachable Paypro: the indicator says so, the cashier is warned before charging, history and settings still work', async ({ page }) => {
  // Live sales without customer details go out with the shop's contact (issue 20 #6).
  const defaultCustomer = { name: 'Warung Sari', mobile: '081298765432', email: 'warung@example.co.id' };
  await setUpTraining(preview, { environment: 'live', baseUrl: `https://127.0.0.1:${await closedLoopbackPort()}/`, defaultCustomer });
  await page.goto(preview.url);
  // The idle check finds no Paypro.
  await expect(indicator(page)).toHaveText('Paypro tidak terjangkau', { timeout: 10_000 });

  await page.getByLabel('Jumlah', { exact: true }).fill('10000000');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Paypro tidak terjangkau' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('QR ini mungkin tidak bisa dibayar');
  await screenshotAtSizes(page, 'connection-unreachable-warning', { check: () => expect(indicator(page)).toBeInViewport({ ratio: 1 }) });

  // "Go back": nothing is charged, the amount stays.
  await dialog.getByRole('button', { name: 'Kembali' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Jumlah', { exact: true })).toHaveValue('10.000.000');
  expect(await preview.core.router.dispatch('listToday', {})).toMatchObject({ ok: true, value: { payments: [] } });

  // History and settings open as usual.
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  await expect(page.getByRole('tab', { name: /Hari ini/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();

  // The cashier may still charge on purpose; the sale is recorded (and followed by query).
  await page.getByRole('tab', { name: /Penjualan/ }).click();
  await page.getByLabel('Jumlah', { exact: true }).fill('25000');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Tetap tagih' }).click();
  await expect(page.getByText(/^No\. transaksi /)).toBeVisible();
  expect(await preview.core.router.dispatch('listToday', {})).toMatchObject({ ok: true, value: { payments: [{ amount: 25_000 }] } });
});
