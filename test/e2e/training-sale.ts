import type { Page } from '@playwright/test';
import { expect, tradeNoOnScreen } from './fixtures.ts';

/**
 * One training sale from the sale screen (F1): charged, then marked paid or partly paid with the
 * training buttons, or cancelled; back on a new sale. Answers its trade number.
 */
export async function sell(page: Page, amount: number, outcome: 'Tandai lunas' | 'Tandai dibayar sebagian' | 'cancel'): Promise<string> {
  const status = page.locator('.qr-status[role="status"]');
  await page.keyboard.press('F1');
  await page.getByLabel('Jumlah', { exact: true }).fill(String(amount));
  await page.keyboard.press('Enter');
  const tradeNo = await tradeNoOnScreen(page);
  if (outcome === 'cancel') {
    await page.getByRole('button', { name: /^Batalkan/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, batalkan' }).click();
    await expect(status).toHaveText('Dibatalkan');
  } else {
    await page.getByRole('button', { name: outcome }).click();
    await expect(status).toHaveText(outcome === 'Tandai lunas' ? 'LUNAS' : 'Dibayar sebagian');
  }
  await page.getByRole('button', { name: /Transaksi baru/ }).click();
  return tradeNo;
}
