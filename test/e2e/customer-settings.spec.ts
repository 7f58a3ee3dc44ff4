import type { Page } from '@playwright/test';
import { startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { installRecordingAudio, recordedTones } from '../harness/recording-audio.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test } from './fixtures.ts';

// The owner's customer-display settings and the announced, sounded payment outcome on the
// cashier's screen. The preview offers two screens as Electron's would list them.

const DISPLAYS = [
  { id: 1, label: 'Built-in', width: 1366, height: 768, cashier: true },
  { id: 2, label: 'Monitor pelanggan', width: 1024, height: 600, cashier: false },
];

/** Records the tones the page plays (the app's Web Audio oscillators). */
const recordTones = (page: Page) => page.addInitScript(installRecordingAudio);

const tones = (page: Page) => page.evaluate(recordedTones);
const status = (page: Page) => page.locator('.qr-status');

async function sell(page: Page, outcome: 'Tandai lunas' | 'Tandai gagal', shown: 'LUNAS' | 'Pembayaran gagal') {
  await page.getByRole('tab', { name: /Penjualan/ }).click();
  await page.getByLabel('Jumlah', { exact: true }).fill('10000000');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Menunggu pembayaran…');
  await page.getByRole('button', { name: outcome }).click();
  await expect(status(page)).toHaveText(shown);
  await page.getByRole('button', { name: /Transaksi baru/ }).click();
}

let preview: WebPreview;
test.beforeEach(async () => {
  preview = await startWebPreview({ displays: () => DISPLAYS });
  await setUpTraining(preview);
});
test.afterEach(async () => preview.close());

test('the payment status is a polite live region, and paid and failed sound different', async ({ page }) => {
  await recordTones(page);
  await page.goto(preview.url);
  await page.getByLabel('Jumlah', { exact: true }).fill('10000000');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveAttribute('role', 'status');
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await expect(status(page)).toHaveAttribute('aria-atomic', 'true');
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  await expect(status(page)).toHaveText('LUNAS');
  const paid = await tones(page);
  expect(paid).toEqual([880, 1318.5]);
  await page.getByRole('button', { name: /Transaksi baru/ }).click();

  await sell(page, 'Tandai gagal', 'Pembayaran gagal');
  const failed = (await tones(page)).slice(paid.length);
  expect(failed.length).toBeGreaterThan(0);
  expect(failed).not.toEqual(paid);
});

test('the owner chooses the customer screen and its language, and switches the sounds off; the shop name is the receipts\' one', async ({ page }) => {
  await recordTones(page);
  await page.goto(preview.url);
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  const section = page.getByRole('group', { name: 'Layar pelanggan dan bunyi' });
  const screenChoice = section.getByLabel('Layar untuk pelanggan');
  await expect(screenChoice.getByRole('option')).toHaveText([
    'Tidak ada',
    'Built-in — 1366×768 (layar kasir)',
    'Monitor pelanggan — 1024×600',
  ]);
  // One shop name: not asked again here, the section says where it is.
  await expect(section.getByRole('textbox')).toHaveCount(0);
  await expect(section.getByText('Nama toko di layar pelanggan sama dengan di struk; ubah di bagian “Toko dan struk”.')).toBeVisible();
  await section.getByLabel('Bahasa layar pelanggan').selectOption('en');
  await screenChoice.selectOption('2');
  await section.getByLabel('Bunyi saat pembayaran lunas atau gagal').uncheck();
  await screenshotAtSizes(page, 'settings-customer-display', { check: () => section.scrollIntoViewIfNeeded() });
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  const saved = await preview.core.router.dispatch('getSettings', {});
  expect(saved).toMatchObject({
    ok: true,
    value: { settings: { customerDisplay: { language: 'en', displayId: 2 }, paymentSounds: false } },
  });
  expect(saved.ok && 'shopName' in saved.value.settings.customerDisplay).toBe(false);

  // Sounds off: a paid sale is silent.
  await sell(page, 'Tandai lunas', 'LUNAS');
  expect(await tones(page)).toEqual([]);
});

test('the shop name is set once, under Toko dan struk: the customer display shows it; over 64 characters is refused next to the field', async ({ page }) => {
  await page.goto(preview.url);
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  await expect(page.getByLabel(/Nama toko/)).toHaveCount(1);
  const section = page.getByRole('region', { name: 'Toko dan struk' });
  const field = section.getByLabel('Nama toko');
  await field.fill('W'.repeat(65));
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(field).toHaveAccessibleDescription(/Satu baris paling banyak 64 karakter\./);
  expect(await preview.core.router.dispatch('getReceiptSettings', {})).toMatchObject({ ok: true, value: { settings: { shopName: '' } } });

  await field.fill('Warung Sari Rasa');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(preview.core.customerView()).toMatchObject({ kind: 'idle', shopName: 'Warung Sari Rasa' });
  await screenshotAtSizes(page, 'settings-shop-name', { check: () => field.scrollIntoViewIfNeeded() });
});
