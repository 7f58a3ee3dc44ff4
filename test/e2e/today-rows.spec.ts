import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';

// Issue 20 item 13: Hari ini is scanned, not read — at least 10 whole rows at 1366×768 and 5 at
// 1024×600, every row one line high, columns that do not move when a row shows more, and the
// cashier shown when the shop names its cashiers. Realistic rows: the largest amount, long
// customer names, QRIS sales with both numbers (ours and Paypro's), cash, and a reprint error.

const MIN_ROWS = { 1024: 5, 1366: 10, 1920: 10 } as const;
const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const CASHIER = 'Siti Aminah Rahmawati Kusumawardhani';
const LONG_NAME = 'Raden Ayu Sekar Kinanti Wulandari Prawirodirjo';

async function call<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

async function qrisSale(preview: TestPreview, outcome: 'paid' | 'partial' | null, index: number): Promise<PaymentView> {
  const customer = index % 2 === 0 ? { name: `${LONG_NAME} ${index}`, mobile: `0813-5555-01${String(index).padStart(2, '0')}` } : undefined;
  const payment = await call<PaymentView>(preview.core.router.dispatch('charge', { amount: MAX, ...(customer ? { customer } : {}) }));
  if (outcome === null) return payment;
  preview.simulator.settle(payment.tradeNo, outcome);
  return call<PaymentView>(preview.core.router.dispatch('recheckPayment', { tradeNo: payment.tradeNo }));
}

/** Columns' left edges and widths (the header row): what must not move. */
function columns(page: import('@playwright/test').Page) {
  return page
    .locator('.today-table thead th')
    .evaluateAll((cells) => cells.map((cell) => { const box = cell.getBoundingClientRect(); return `${Math.round(box.left)}+${Math.round(box.width)}`; }));
}

test('Hari ini: 10 whole rows at 1366×768, 5 at 1024×600 with a reprint error shown, each row one line, the cashier column, columns fixed', async ({ preview, page }) => {
  test.setTimeout(90_000);
  await call(preview.core.router.dispatch('addCashier', { name: CASHIER, pin: '2468' }));
  await setUpTraining(preview, { day: { cashierPins: true } });
  const cashiers = await call<{ cashiers: { id: number; name: string }[] }>(preview.core.router.dispatch('listCashiers', {}));
  const siti = cashiers.cashiers.find((cashier) => cashier.name === CASHIER)!;
  await call(preview.core.router.dispatch('openShift', { cashierId: siti.id, pin: '2468' }));

  await qrisSale(preview, 'partial', 0);
  for (let i = 1; i <= 5; i++) await qrisSale(preview, 'paid', i);
  await call(preview.core.router.dispatch('payCash', { amount: MAX, tendered: MAX, customer: { name: LONG_NAME } }));
  await call(preview.core.router.dispatch('payCash', { amount: MAX - 1, tendered: MAX }));
  for (let i = 6; i <= 9; i++) await qrisSale(preview, null, i);
  // Every paid QRIS row has both numbers: ours and Paypro's.
  const listed = await call<{ payments: PaymentView[] }>(preview.core.router.dispatch('listToday', {}));
  const paidByQris = listed.payments.filter((row) => row.state === 'paid' && row.sale === undefined);
  expect(paidByQris).toHaveLength(5);
  expect(paidByQris.every((row) => row.platformTradeNo !== null)).toBe(true);

  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  await page.keyboard.press('F2');
  const rows = page.locator('.today-table tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(page.locator('.today-table .badge-paid').first()).toBeVisible();

  // The cashier of the shift, in its own column, on every row.
  await expect(page.locator('.today-table thead th.today-col-cashier')).toHaveText('Kasir');
  await expect(page.locator('.today-table td.today-cashier')).toHaveText(Array(12).fill(CASHIER));

  // A reprint that fails (no printer set up) says so in its row: no column moves.
  const before = await columns(page);
  const failedRow = rows.filter({ has: page.locator('.badge-paid') }).first();
  await failedRow.getByRole('button', { name: /^Cetak/ }).click();
  await expect(failedRow.locator('.print-status')).toBeVisible();
  expect(await columns(page)).toEqual(before);

  await screenshotAtSizes(page, 'today-rows', {
    check: async (size) => {
      await page.locator('.panel').evaluate((panel) => panel.scrollTo(0, 0));
      const whole = await rows.evaluateAll(
        (elements, height) =>
          elements.filter((element) => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= height;
          }).length,
        size.height,
      );
      expect(whole, `whole rows at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(MIN_ROWS[size.width]);
      // One line each, the cash rows (TUNAI under the amount) too; the failed reprint's row adds its reason under the buttons.
      const heights = await rows.evaluateAll((elements) =>
        elements.filter((element) => !element.querySelector('.print-status-failed')).map((element) => Math.round(element.getBoundingClientRect().height)),
      );
      expect(Math.max(...heights), `row heights at ${size.width}×${size.height}: ${heights.join(', ')}`).toBeLessThanOrEqual(52);
      // Its reason whole inside the row's cell, not cut at the table's edge, in at most two lines.
      const reason = failedRow.locator('.print-status-failed');
      const reasonLines = await reason.evaluate((element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element);
        const text = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(text / parseFloat(style.lineHeight));
      });
      expect(reasonLines, `lines of the failed reprint's reason at ${size.width}×${size.height}`).toBeLessThanOrEqual(2);
      await expect(reason).toHaveText('Belum ada printer struk. Atur di Pengaturan → Toko dan struk.');
      expect(await reason.evaluate((element) => {
        const cell = element.closest('td')!.getBoundingClientRect();
        const box = element.getBoundingClientRect();
        return box.left >= cell.left && box.right <= cell.right && element.scrollWidth <= element.clientWidth;
      }), `the reason inside its cell at ${size.width}×${size.height}`).toBe(true);
      // The amount on one line: Rp 10.000.000 never wraps.
      const amountLines = await page.locator('.today-table td.num').evaluateAll((cells) =>
        cells.map((cell) => {
          const range = cell.ownerDocument.createRange();
          range.selectNodeContents(cell.firstChild!);
          return range.getClientRects().length;
        }),
      );
      expect(new Set(amountLines), `amount lines at ${size.width}×${size.height}`).toEqual(new Set([1]));
      // Every button of every row whole inside the table (none cut off at the right edge).
      const tableRight = (await page.locator('.today-table').boundingBox())!;
      const cut = await rows.locator('button').evaluateAll(
        (buttons, right) => buttons.filter((button) => button.getBoundingClientRect().right > right + 1).map((button) => button.textContent),
        tableRight.x + tableRight.width,
      );
      expect(cut, `buttons cut off at ${size.width}×${size.height}`).toEqual([]);
      // A long cashier's name is cut by its own cell, whole in its tooltip.
      await expect(page.locator('.today-table td.today-cashier').first()).toHaveAttribute('title', CASHIER);
    },
    restore: { width: 1366, height: 768 },
  });
});

test('Hari ini of a one-person shop (the default cashier only): no cashier column', async ({ configured: preview, page }) => {
  await qrisSale(preview, 'paid', 1);
  await page.keyboard.press('F2');
  await expect(page.locator('.today-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.today-table thead th')).toHaveText(['Waktu', 'Jumlah', 'Status', 'No. transaksi', 'Tindakan']);
});
