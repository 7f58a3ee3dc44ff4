import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 20 item 13: Hari ini is scanned, not read — at least 10 whole rows at 1366×768 and 5 at
// 1024×600, every row one line high, and columns that do not move when a row shows more.

const MIN_ROWS = { 1024: 5, 1366: 10, 1920: 10 } as const;

async function sale(preview: TestPreview, outcome: 'paid' | 'partial' | null, mobile?: string): Promise<PaymentView> {
  const result = await preview.core.router.dispatch('charge', { amount: DEFAULT_SETTINGS.limits.maxAmount, ...(mobile ? { customer: { mobile } } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const payment = result.value as PaymentView;
  if (outcome) preview.simulator.settle(payment.tradeNo, outcome);
  return payment;
}

test('Hari ini: 10 whole rows at 1366×768, 5 at 1024×600, each row one line, columns fixed', async ({ configured: preview, page }) => {
  await sale(preview, 'partial');
  for (let i = 0; i < 6; i++) await sale(preview, 'paid', i % 2 === 0 ? '0813-5555-01' + String(i).padStart(2, '0') : undefined);
  for (let i = 0; i < 5; i++) await sale(preview, null);
  await page.keyboard.press('F2');
  const rows = page.locator('.today-table tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(page.locator('.today-table .badge-paid').first()).toBeVisible();

  const columnLefts = async () =>
    page.locator('.today-table thead th').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left)));
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
      // One line each (a partial sale adds its "paid of" line under the amount).
      const heights = await rows.evaluateAll((elements) =>
        elements.filter((element) => !element.querySelector('.today-paid-of')).map((element) => element.getBoundingClientRect().height),
      );
      expect(Math.max(...heights), `row height at ${size.width}×${size.height}`).toBeLessThanOrEqual(52);
      // Every button of every row whole inside the table (none cut off at the right edge).
      const tableRight = (await page.locator('.today-table').boundingBox())!;
      const cut = await rows.locator('button').evaluateAll(
        (buttons, right) => buttons.filter((button) => button.getBoundingClientRect().right > right + 1).map((button) => button.textContent),
        tableRight.x + tableRight.width,
      );
      expect(cut, `buttons cut off at ${size.width}×${size.height}`).toEqual([]);
    },
    restore: { width: 1366, height: 768 },
  });

  // A row that shows more (a print error, a late note) moves no column.
  const before = await columnLefts();
  const paid = rows.filter({ has: page.locator('.badge-paid') }).first();
  await paid.getByRole('button', { name: /^Cetak/ }).click();
  await expect(paid.locator('.print-status')).toBeVisible();
  expect(await columnLefts()).toEqual(before);
});
