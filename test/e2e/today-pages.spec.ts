import type { Page, Request } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { setTimeZone } from '../harness/time-zone.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 16: Today shows the day 25 sales at a time and follows the payment push row by row: a
// change replaces its row and refreshes the totals only (listToday limit 0), a new sale goes on
// top, and the whole list is never read again for one change.

test.describe.configure({ timeout: 90_000 });

const MAX = DEFAULT_SETTINGS.limits.maxAmount;

async function charge(preview: TestPreview, amount: number): Promise<PaymentView> {
  const result = await preview.core.router.dispatch('charge', { amount });
  if (!result.ok) throw new Error(`charge failed: ${JSON.stringify(result.error)}`);
  return result.value as PaymentView;
}

/** The listToday requests the page sends from now on, as their JSON bodies. */
function recordListToday(page: Page): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === '/api/listToday') bodies.push(request.postDataJSON());
  });
  return bodies;
}

test('Today pages the day and patches rows from the push without reading the list again', async ({ configured: preview, page }) => {
  const sales: PaymentView[] = [];
  for (let i = 0; i < 30; i++) sales.push(await charge(preview, i % 5 === 0 ? MAX : 10_000 + i * 1_000));
  const bodies = recordListToday(page);
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  const rows = page.locator('.today-table tbody tr');
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(sales[29]!.tradeNo);
  const more = page.getByRole('button', { name: 'Tampilkan lebih banyak (25 dari 30)' });
  await expect(more).toBeVisible();
  expect(bodies).toEqual([{}]);

  // A sale on screen is paid: the push turns its row to Lunas in place; only the totals are asked for.
  const paid = sales[27]!;
  preview.simulator.settle(paid.tradeNo, 'paid');
  await preview.core.router.dispatch('recheckPayment', { tradeNo: paid.tradeNo });
  const paidRow = page.getByRole('row').filter({ hasText: paid.tradeNo });
  await expect(paidRow.getByText('Lunas', { exact: true })).toBeVisible();
  await expect(page.locator('.today-total')).toContainText('1 transaksi lunas');
  await expect(rows.nth(2)).toContainText(paid.tradeNo);

  // A new sale (made elsewhere, e.g. the sale screen) comes in on top.
  const fresh = await charge(preview, MAX);
  await expect(rows).toHaveCount(26);
  await expect(rows.first()).toContainText(fresh.tradeNo);
  expect(bodies.length).toBeGreaterThan(1);
  expect(bodies.slice(1).every((body) => JSON.stringify(body) === '{"limit":0}'), JSON.stringify(bodies)).toBe(true);

  // The rest of the day, below; then nothing more to show.
  await page.getByRole('button', { name: 'Tampilkan lebih banyak (26 dari 31)' }).click();
  await expect(rows).toHaveCount(31);
  await expect(rows.last()).toContainText(sales[0]!.tradeNo);
  await expect(page.locator('.today-more')).toHaveCount(0);
  expect(new Set(await rows.locator('.trade-number').allTextContents()).size).toBe(31);

  // Back to the first page from the top: the screen as the cashier sees it on a busy day.
  await page.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(rows).toHaveCount(25);
  await screenshotAtSizes(page, 'today-pages', {
    check: async (size) => {
      const button = page.locator('.today-more button');
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box, `more button at ${size.width}×${size.height}`).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      const cutOff = await page.locator('.today-table td, .today-total, .today-more button').evaluateAll((elements) =>
        elements.filter((element) => element.scrollWidth > element.clientWidth + 1).length,
      );
      expect(cutOff, `cut-off cells at ${size.width}×${size.height}`).toBe(0);
    },
    restore: { width: 1366, height: 768 },
  });
});

test('Today left open past midnight starts the new day when its first sale comes in', async ({ configured: preview, page }) => {
  await charge(preview, 25_000);
  await charge(preview, MAX);
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  const rows = page.locator('.today-table tbody tr');
  await expect(rows).toHaveCount(2);
  preview.advanceClock(24 * 3_600_000);
  const tomorrow = await charge(preview, 30_000);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(tomorrow.tradeNo);
  await expect(page.locator('.today-total')).toContainText('Rp 0');
});

/** 1 December 2026 at the given local time (the tests below run in WIB). */
const at = (hours: number, minutes = 0) => new Date(2026, 11, 1, hours, minutes).getTime();

/** Training with a 04:00 cut-off, the core's clock and the page's set to `time`, the app open. */
async function openWithCutoffAt0400(preview: TestPreview, page: Page, time: number): Promise<void> {
  await setUpTraining(preview, { day: { cutoff: '04:00' } });
  preview.advanceClock(time - Date.now());
  await page.clock.install({ time });
  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
}

/** Moves the core's clock and the page's on together, as one machine's clock. */
async function moveClocks(preview: TestPreview, page: Page, ms: number): Promise<void> {
  preview.advanceClock(ms);
  await page.clock.fastForward(ms);
}

test('with a 04:00 cut-off, Today keeps the business day: 00:30 is last night, it rolls over at 04:00 with the screen open, 09:00 starts a new list', async ({ preview, page }) => {
  // The core's local time and the page's are one zone here, as in the app (one machine, one clock).
  const restoreZone = setTimeZone('Asia/Jakarta');
  try {
    await openWithCutoffAt0400(preview, page, at(0, 30));

    // The night's sale is cancelled at the counter: nothing about it is pushed when 04:00 passes,
    // so what moves the screens on at the cut-off is the cut-off itself.
    const night = await charge(preview, MAX);
    expect((await preview.core.router.dispatch('cancelPayment', { tradeNo: night.tradeNo })).ok).toBe(true);
    await page.getByRole('tab', { name: /Hari ini/ }).click();
    const rows = page.locator('.today-table tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(night.tradeNo);
    await expect(rows.first()).toContainText('00:30');
    await expect(page.locator('.today-day')).toHaveText('Hari usaha: Senin, 30 November 2026');

    // 04:00 passes with the screen open: the new business day's (empty) list, without a sale or a reload.
    await moveClocks(preview, page, at(4, 0) + 5_000 - at(0, 30));
    await expect(page.getByText('Belum ada transaksi hari ini.')).toBeVisible();
    await expect(rows).toHaveCount(0);
    await expect(page.locator('.today-day')).toHaveText('Hari usaha: Selasa, 1 Desember 2026');
    // Laporan (the app's day status) has moved on with it, no sale needed.
    await page.getByRole('tab', { name: /Laporan/ }).click();
    await expect(page.getByRole('heading', { name: 'Hari usaha: Selasa, 1 Desember 2026' })).toBeVisible();
    await page.getByRole('tab', { name: /Hari ini/ }).click();

    // 09:00: the morning's sale is alone on its list (same calendar date as 00:30, another business day).
    await moveClocks(preview, page, at(9, 0) - at(4, 0) - 5_000);
    const morning = await charge(preview, 25_000);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(morning.tradeNo);

    // The customer had paid the night's sale after all (found by a re-check): its push stays out
    // of this day's list, and out of its totals.
    preview.simulator.settle(night.tradeNo, 'paid');
    const paid = await preview.core.router.dispatch('recheckSale', { tradeNo: night.tradeNo });
    expect(paid.ok && paid.value.sale).toMatchObject({ state: 'paid', late: true });
    await page.clock.runFor(1_000);
    await expect(rows).toHaveCount(1);
    await expect(page.locator('.today-table')).not.toContainText(night.tradeNo);
    await expect(page.locator('.today-total')).toContainText('Rp 0');
  } finally {
    restoreZone();
  }
});

test('Laporan left open across the 04:00 cut-off moves its dates on with the day, unless the owner picked another day', async ({ preview, page }) => {
  const restoreZone = setTimeZone('Asia/Jakarta');
  try {
    await openWithCutoffAt0400(preview, page, at(3, 50));
    await page.getByRole('tab', { name: /Laporan/ }).click();
    await expect(page.getByRole('heading', { name: 'Hari usaha: Senin, 30 November 2026' })).toBeVisible();
    const from = page.getByLabel('Dari tanggal', { exact: true });
    const to = page.getByLabel('Sampai tanggal', { exact: true });
    const searchDate = page.getByLabel('Tanggal', { exact: true });
    await expect(to).toHaveValue('2026-11-30');
    await expect(searchDate).toHaveValue('2026-11-30');
    await from.fill('2026-11-29'); // the owner widens the range to the day before: that stays

    await moveClocks(preview, page, at(4, 0) + 5_000 - at(3, 50));
    await expect(page.getByRole('heading', { name: 'Hari usaha: Selasa, 1 Desember 2026' })).toBeVisible();
    await expect(to).toHaveValue('2026-12-01');
    await expect(searchDate).toHaveValue('2026-12-01');
    await expect(from).toHaveValue('2026-11-29');
    await expect(page.locator('.day-report [role="alert"]')).toHaveCount(0);
  } finally {
    restoreZone();
  }
});
