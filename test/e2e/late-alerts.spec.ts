import type { Page } from '@playwright/test';
import { OUTCOME_NOTES } from '../../renderer/app/sound.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { installRecordingAudio, recordedTones } from '../harness/recording-audio.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 16 audit item 10: a late payment is hard to miss. Today says so on the sale's row and in a
// line at the top, the sound is its own, the "Perlu tindakan" list shows when the sale was made
// (date and time), and "Lainnya" (other) is not saved without a note.

test.describe.configure({ timeout: 90_000 });

const MAX = DEFAULT_SETTINGS.limits.maxAmount;

async function dispatch(preview: TestPreview, name: string, request: object): Promise<PaymentView> {
  const result = await preview.core.router.dispatch(name as never, request as never);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as PaymentView;
}

/** Text wider than its box: cut off. */
async function cutOff(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector}, html`).evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

test('a late payment on Today: its row and a line at the top say so, its own sound; resolved with a note for "Lainnya"', async ({ configured: preview, page }) => {
  await page.addInitScript(installRecordingAudio);
  await page.reload();
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  const other = await dispatch(preview, 'charge', { amount: 25_000 });
  const sale = await dispatch(preview, 'charge', { amount: MAX });
  await dispatch(preview, 'cancelPayment', { tradeNo: sale.tradeNo });
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  const row = page.getByRole('row').filter({ hasText: sale.tradeNo });
  await expect(row).toContainText('Dibatalkan');

  // The customer paid after all: found in the background as a late payment.
  const tonesBefore = (await page.evaluate(recordedTones)).length;
  await dispatch(preview, 'settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
  await expect(row).toContainText('Dibayar terlambat — perlu tindakan');
  await expect(page.locator('.late-banner')).toContainText('1 pembayaran perlu tindakan.');
  await expect(page.getByRole('row').filter({ hasText: other.tradeNo })).not.toContainText('terlambat');
  await expect.poll(async () => (await page.evaluate(recordedTones)).slice(tonesBefore)).toEqual(OUTCOME_NOTES.late.map((note) => note.frequency));
  await screenshotAtSizes(page, 'today-late', {
    check: async (size) => {
      await row.scrollIntoViewIfNeeded();
      expect(await cutOff(page, '.today-table td, .today-total, .late-banner, .tab'), `cut off at ${size.width}×${size.height}`).toEqual([]);
    },
    restore: { width: 1366, height: 900 },
  });

  // From the row straight to "Perlu tindakan": the sale with its date and time.
  await row.getByRole('button', { name: `Perlu tindakan untuk ${sale.tradeNo} (F4)` }).click();
  await expect(page.getByRole('heading', { name: 'Perlu tindakan (1)' })).toBeVisible();
  const item = page.locator(`.late-item[data-trade-no="${sale.tradeNo}"]`);
  const saleDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(sale.createdAt);
  await expect(item.locator('.late-what')).toContainText(new RegExp(`untuk transaksi pada ${saleDate} \\d\\d:\\d\\d:\\d\\d, no\\. ${sale.tradeNo}`));

  // "Lainnya" without a note: refused where it is typed, nothing recorded.
  await item.getByLabel('Tindakan', { exact: true }).selectOption('other');
  await expect(item).toContainText('Wajib untuk Lainnya');
  await item.getByLabel('Catatan', { exact: true }).fill('   ');
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(item.locator('.field-error')).toHaveText('Tulis catatan: apa yang dilakukan?');
  await expect(page.getByRole('heading', { name: 'Perlu tindakan (1)' })).toBeVisible();
  await screenshotAtSizes(page, 'late-note-required', {
    check: async (size) => {
      await item.scrollIntoViewIfNeeded();
      expect(await cutOff(page, '.late-payments, .late-item, .late-what, .late-form .field'), `cut off at ${size.width}×${size.height}`).toEqual([]);
    },
    restore: { width: 1366, height: 900 },
  });
  // Main holds the same rule, whoever calls.
  expect(await preview.core.router.dispatch('resolveLatePayment', { tradeNo: sale.tradeNo, outcome: 'other', note: '' })).toMatchObject({
    ok: false,
    error: { code: 'validation', fields: { note: { code: 'late.note_required' } } },
  });

  await item.getByLabel('Catatan', { exact: true }).fill('pelanggan minta ganti barang lain');
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(page.getByRole('heading', { name: /^Perlu tindakan/ })).toHaveCount(0);

  // Back on Today: resolved, the row and the top line are quiet again.
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  await expect(row).toContainText('Lunas');
  await expect(row).not.toContainText('perlu tindakan');
  await expect(page.locator('.late-banner')).toHaveCount(0);
});
