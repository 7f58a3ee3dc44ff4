import type { Page } from '@playwright/test';
import { expect, screenshot, test, type TestPreview } from './fixtures.ts';

// Issue 20 item 14: at 1024×600 nothing a cashier needs leaves the screen — with the late-payment
// banner shown, the keypad's keys, Tagih (also with the customer details open), and on the QR
// screen the training box.

async function dispatch<T>(preview: TestPreview, name: string, request: unknown): Promise<T> {
  const result = await preview.core.router.dispatch(name as never, request as never);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Whole inside the window (the panel does not need to be scrolled to reach it). */
async function wholeInView(page: Page, name: string, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, name).not.toBeNull();
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(600);
}

test('1024×600 with a late payment waiting: keypad, Tagih (customer details open too) and the QR training box stay on screen', async ({ configured: preview, page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  const sale = await dispatch<{ tradeNo: string }>(preview, 'charge', { amount: 10_000_000 });
  await dispatch(preview, 'cancelPayment', { tradeNo: sale.tradeNo });
  await dispatch(preview, 'settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
  await expect(page.locator('.late-banner')).toBeVisible();
  await page.keyboard.type('10000000');

  const keypad = page.getByRole('group', { name: 'Papan angka' });
  await wholeInView(page, 'C key', keypad.getByRole('button', { name: 'Hapus semua' }));
  await wholeInView(page, 'Tagih', page.getByRole('button', { name: /^Tagih/ }));
  await screenshot(page, 'small-screen-sale-late-1024x600');

  await page.getByRole('button', { name: 'Detail pelanggan (opsional)' }).click();
  await wholeInView(page, 'Tagih with customer details', page.getByRole('button', { name: /^Tagih/ }));
  await screenshot(page, 'small-screen-sale-customer-1024x600');

  await page.getByRole('button', { name: /^Tagih/ }).click();
  await expect(page.getByRole('button', { name: 'Tandai lunas' })).toBeVisible();
  await wholeInView(page, 'training box', page.locator('.training-controls'));
  await wholeInView(page, 'Tandai lunas', page.getByRole('button', { name: 'Tandai lunas' }));
  await screenshot(page, 'small-screen-qr-late-1024x600');
});
