import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { setTimeZone } from '../harness/time-zone.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 20 item 12: yesterday's disputed sale in a few keys — one key (F6) from Today or Laporan
// into the search, the last 4 characters of either number or of the customer's mobile, and the
// numbers shown whole on one line.

test.describe.configure({ timeout: 60_000 });
let restoreZone: () => void;
test.beforeEach(() => {
  restoreZone = setTimeZone('Asia/Jakarta');
});
test.afterEach(() => restoreZone());

const DAY_MS = 86_400_000;

async function charge(preview: TestPreview, mobile?: string): Promise<PaymentView> {
  const result = await preview.core.router.dispatch('charge', {
    amount: DEFAULT_SETTINGS.limits.maxAmount,
    ...(mobile ? { customer: { mobile } } : {}),
  });
  if (!result.ok) throw new Error(`charge failed: ${JSON.stringify(result.error)}`);
  return result.value as PaymentView;
}

test("F6 from Today opens the search; the last 4 characters of Paypro's number or the mobile find yesterday's sale", async ({ configured: preview, page }) => {
  const sale = await charge(preview, '0813-5555-0142');
  await charge(preview);
  preview.advanceClock(DAY_MS);

  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Hari ini', level: 1 })).toBeVisible();
  await page.keyboard.press('F6');
  const box = page.getByLabel('No. transaksi / Paypro / HP pelanggan');
  await expect(box).toBeFocused();
  await expect(box).toBeInViewport();

  const rows = page.locator('.search-results tbody tr');
  await page.keyboard.type(sale.platformTradeNo!.slice(-4).toUpperCase());
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-trade-no', sale.tradeNo);

  await box.fill('0142');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-trade-no', sale.tradeNo);

  // Too short: said next to the box, nothing searched.
  await box.fill('142');
  await page.keyboard.press('Enter');
  await expect(box).toHaveAccessibleDescription(/paling sedikit 4 karakter/);

  // The numbers on one line each, whole, at every counter size; copied, they are the number itself.
  await box.fill(sale.tradeNo.slice(-6));
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  const ours = rows.first().locator('.trade-number').first();
  await expect(ours).toHaveText(sale.tradeNo);
  await screenshotAtSizes(page, 'number-search', {
    check: async () => {
      await ours.scrollIntoViewIfNeeded();
      for (const number of await rows.first().locator('.trade-number').all()) {
        const box = (await number.boundingBox())!;
        const lineHeight = await number.evaluate((element) => parseFloat(element.ownerDocument.defaultView!.getComputedStyle(element).lineHeight) || 24);
        expect(box.height).toBeLessThan(lineHeight * 1.5);
        expect(await number.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      }
    },
    restore: { width: 1366, height: 900 },
  });

  // F6 again from Laporan itself brings the focus back to the box.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('F6');
  await expect(box).toBeFocused();
});
