import type { Page } from '@playwright/test';
import { expect, test, tradeNoOnScreen } from './fixtures.ts';

// Issue 11 item 6: the charge in flight belongs to the app, not to the sale screen. Leaving the
// sale screen while the gateway answers and coming back shows the same sale (busy, then its QR).

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });
const qrImage = (page: Page) => page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ });

test('switching to Today and back mid-charge shows the sale still charging, then its QR', async ({ configured: preview, page }) => {
  preview.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow', delayMs: 2_500 }, { times: 1 });
  await page.keyboard.type('25000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Menagih…' })).toBeVisible();

  await page.keyboard.press('F2');
  await expect(page.getByRole('tab', { name: /Hari ini/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F1');
  // The same sale, still busy: not an empty form that would take a second charge.
  await expect(amountField(page)).toHaveValue('25.000');
  await expect(amountField(page)).not.toBeEditable();
  await expect(page.getByRole('button', { name: /^Tagih/ })).toBeDisabled();

  await expect(qrImage(page)).toBeVisible();
  const tradeNo = await tradeNoOnScreen(page);
  expect(preview.simulator.orders()).toHaveLength(1);
  expect(preview.simulator.paymentLinkCalls(tradeNo)).toMatchObject({ received: 1, accepted: 1 });
});

test('a charge that completes while Settings is open is on the sale screen when the cashier returns (F1)', async ({ configured: preview, page }) => {
  preview.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow', delayMs: 1_500 }, { times: 1 });
  await page.keyboard.type('32000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect.poll(() => preview.simulator.orders().length).toBe(1);
  await page.waitForTimeout(1_800); // the gateway's answer arrives while Settings is open

  await page.keyboard.press('F1');
  await expect(qrImage(page)).toBeVisible();
  await expect(page.getByText('Rp 32.000', { exact: true })).toBeVisible();
  expect(preview.simulator.orders()).toHaveLength(1);
});
