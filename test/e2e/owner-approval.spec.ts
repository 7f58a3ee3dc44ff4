import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test } from './fixtures.ts';

// Issue 21, item 6: any cashier exported every customer's full mobile and email. A cashier now
// exports without customer data (masked); with it, the owner's PIN is asked.
const OWNER_PIN = '975310';

test('a cashier exports without customer data; with customer data the owner PIN is asked', async ({ preview, page }) => {
  const pinSet = await preview.core.router.dispatch('setAdminPin', { newPin: OWNER_PIN });
  if (!pinSet.ok) throw new Error(JSON.stringify(pinSet.error));
  // A shop contact (Paypro gets it when the cashier types no customer): the CSV holds its mobile.
  await setUpTraining(preview, { defaultCustomer: { name: 'Warung Sari', mobile: '081234567890', email: 'warung@example.co.id' } });
  await preview.core.router.dispatch('lockAdmin', {});
  await page.goto(preview.url);
  await page.getByLabel('Jumlah', { exact: true }).fill('10000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  await page.keyboard.press('F4');

  const exportCsv = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor CSV' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    return parse(text, { bom: true, columns: true, delimiter: text.includes(';') ? ';' : ',' }) as Record<string, string>[];
  };
  const [masked] = await exportCsv();
  expect(masked?.customer_mobile).toBe('="*********890"');

  await page.getByLabel('Dengan data pelanggan (nomor HP dan email lengkap)').check();
  await page.getByRole('button', { name: 'Ekspor CSV' }).click();
  await expect(page.getByText('Ekspor dengan nomor HP dan email pelanggan perlu PIN pemilik.', { exact: false })).toBeVisible();
  await page.locator('.day-report-range').scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'export-owner-pin');

  await page.getByLabel('PIN pemilik', { exact: true }).fill(OWNER_PIN);
  const [full] = await exportCsv();
  expect(full?.customer_mobile).toMatch(/^="0\d+"$/);
});
