import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Issue 11 item 1: a decimal typed or pasted into the amount field is refused and shown, never
// read as more digits (`15000,50` used to charge Rp 1.500.050).

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });

test('15000,50 typed: the field shows it with "Rupiah tanpa desimal" and Enter charges nothing', async ({ configured: preview, page }) => {
  await page.keyboard.type('15000,50');
  await expect(amountField(page)).toHaveValue('15.000,50');
  await expect(amountField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(amountField(page)).toHaveAccessibleDescription(/^Rupiah tanpa desimal/);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Tagih/ }).click();
  await expect(amountField(page)).toHaveValue('15.000,50');
  await expect(amountField(page)).toBeFocused();
  expect(preview.simulator.orders()).toEqual([]);
  expect(await preview.core.router.dispatch('listToday', {})).toMatchObject({ ok: true, value: { payments: [] } });
});

test('pasted Rp 25.000 reads as 25000 and is charged as shown; a pasted 1.5 is refused', async ({ configured: preview, page }) => {
  await amountField(page).fill('1.5');
  await page.keyboard.press('Enter');
  await expect(amountField(page)).toHaveAccessibleDescription(/^Rupiah tanpa desimal/);
  await amountField(page).fill('1.50.000');
  await expect(amountField(page)).toHaveAccessibleDescription(/^Titik hanya pemisah ribuan/);
  expect(preview.simulator.orders()).toEqual([]);

  await amountField(page).fill('Rp 25.000');
  await expect(amountField(page)).toHaveValue('25.000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  expect(preview.simulator.orders()).toHaveLength(1);
  expect(preview.simulator.orders()[0]).toMatchObject({ amount: 25_000 });
});
