import type { Page } from '@playwright/test';
import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { setTimeZone } from '../harness/time-zone.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 16 audit item 9: "the customer shows a payment on their phone" days later. Found by
// Paypro's number, the hit shows its date; "Periksa ulang" asks the gateway and shows what it said,
// also when nothing changed; a late payment found that way says so in the results.

test.describe.configure({ timeout: 90_000 });

// The core's local time and the page's are one zone, as in the app (one machine, one clock): the
// times typed in the search are read by main in its own zone.
let restoreZone: () => void;
test.beforeEach(() => {
  restoreZone = setTimeZone('Asia/Jakarta');
});
test.afterEach(() => restoreZone());

const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const DAY_MS = 86_400_000;

async function charge(preview: TestPreview, amount: number): Promise<PaymentView> {
  const result = await preview.core.router.dispatch('charge', { amount });
  if (!result.ok) throw new Error(`charge failed: ${JSON.stringify(result.error)}`);
  return result.value as PaymentView;
}

/** Text wider than its box in the search card: cut off. */
async function cutOff(page: Page): Promise<string[]> {
  return page.locator('.sales-search, .sales-search td, .sales-search th, .sales-search .field, html').evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

test('a sale of an earlier day found by its Paypro number shows its date; Periksa ulang shows the gateway\'s answer', async ({ configured: preview, page }) => {
  const sale = await charge(preview, MAX);
  expect(sale.platformTradeNo).toBeTruthy();
  // Two days later: long expired, no longer followed in the background.
  preview.advanceClock(2 * DAY_MS);

  await page.keyboard.press('F4');
  const search = page.locator('.sales-search');
  await search.getByLabel('No. transaksi / Paypro / HP pelanggan').fill(sale.platformTradeNo!);
  // A number is found on any day: the other filters are off, and the screen says so.
  await expect(search.getByLabel('Jumlah', { exact: true })).toBeDisabled();
  await expect(search).toContainText('tanggal, jumlah, jam dan status tidak dipakai');
  await search.getByRole('button', { name: 'Cari', exact: true }).click();

  const rows = search.locator('.search-results tbody tr');
  await expect(rows).toHaveCount(1);
  const saleDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(sale.createdAt);
  await expect(rows.first().locator('.search-when')).toContainText(saleDate);
  await expect(rows.first()).toContainText('Rp 10.000.000');

  // Nothing changed at the gateway: its answer is shown all the same.
  await rows.first().getByRole('button', { name: `Periksa ulang ${sale.tradeNo}` }).click();
  const answer = rows.first().locator('.search-answer');
  await expect(answer).toContainText(/^Paypro \(latihan\): masih menunggu pembayaran, diperiksa \d\d:\d\d:\d\d$/);
  await expect(rows.first()).toContainText('Kedaluwarsa');
  await search.scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'day-history-recheck', {
    check: async (size) => {
      await search.scrollIntoViewIfNeeded();
      expect(await cutOff(page), `cut off at ${size.width}×${size.height}`).toEqual([]);
    },
    restore: { width: 1366, height: 900 },
  });

  // The customer had paid after all: the re-check finds it, and the hit says it needs action.
  preview.simulator.settle(sale.tradeNo, 'paid');
  await rows.first().getByRole('button', { name: `Periksa ulang ${sale.tradeNo}` }).click();
  await expect(answer).toContainText('Paypro (latihan): lunas, diperiksa');
  await expect(rows.first()).toContainText('Lunas');
  await expect(rows.first()).toContainText('Dibayar terlambat — perlu tindakan');
  await expect(page.getByTestId('late-count')).toHaveText('1');
  await screenshotAtSizes(page, 'day-history-late-found', {
    check: async (size) => {
      await search.scrollIntoViewIfNeeded();
      expect(await cutOff(page), `cut off at ${size.width}×${size.height}`).toEqual([]);
    },
    restore: { width: 1366, height: 900 },
  });
});

test('amount and state apply together, the "to" minute is whole, and a window ending before it starts is refused where it was typed', async ({ configured: preview, page }) => {
  const waiting = await charge(preview, 25_000);
  const paid = await charge(preview, 25_000);
  await preview.core.router.dispatch('settleTraining', { tradeNo: paid.tradeNo, outcome: 'paid' });
  await page.keyboard.press('F4');
  const search = page.locator('.sales-search');
  const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(ms);
  await search.getByLabel('Jumlah', { exact: true }).fill('25.000');
  await search.getByLabel('Status').selectOption('paid');
  await search.getByLabel('Dari jam').fill(clock(waiting.createdAt));
  await search.getByLabel('Sampai jam').fill(clock(paid.createdAt));
  await search.getByRole('button', { name: 'Cari', exact: true }).click();
  const rows = search.locator('.search-results tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(paid.tradeNo);

  await search.getByLabel('Status').selectOption('');
  await search.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(rows).toHaveCount(2);

  await search.getByLabel('Dari jam').fill('23:59');
  await search.getByLabel('Sampai jam').fill('00:00');
  await search.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(search.locator('.field-error')).toHaveText('"Sampai jam" harus sesudah "Dari jam".');
});
