import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { expect, linesOf, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 20: Laporan at 1366 and 1920 showed a short shift card beside a long narrow report whose
// values wrapped to 3 lines; at 1024×600 the late payment's form was misaligned. With Rp 10.000.000
// figures every report value stays on one line, and the form's fields share one left edge.

test.describe.configure({ timeout: 120_000 });

const MAX = DEFAULT_SETTINGS.limits.maxAmount;

async function dispatch(preview: TestPreview, name: string, request: object): Promise<PaymentView> {
  const result = await preview.core.router.dispatch(name as never, request as never);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as PaymentView;
}

test('Laporan with Rp 10.000.000 figures: report values on one line at every size, the late form aligned', async ({ configured: preview, page }) => {
  for (let i = 0; i < 3; i++) {
    const sale = await dispatch(preview, 'charge', { amount: MAX });
    preview.simulator.settle(sale.tradeNo, i === 0 ? 'partial' : 'paid');
    await dispatch(preview, 'recheckPayment', { tradeNo: sale.tradeNo });
  }
  await dispatch(preview, 'payCash', { amount: MAX, tendered: MAX });
  const late = await dispatch(preview, 'charge', { amount: MAX });
  await dispatch(preview, 'cancelPayment', { tradeNo: late.tradeNo });
  await dispatch(preview, 'settleTraining', { tradeNo: late.tradeNo, outcome: 'paid' });
  await page.keyboard.press('F4');
  await expect(page.getByRole('heading', { name: 'Perlu tindakan (1)' })).toBeVisible();
  const report = page.locator('.day-report');
  await expect(report.getByTestId('report-received').first()).toHaveText('Rp 45.000.000');

  await screenshotAtSizes(page, 'day-layout-report', {
    check: async (size) => {
      await report.scrollIntoViewIfNeeded();
      // Every figure on one line: the money received, by method, each line's amount, each fact.
      const values = report.locator('[data-testid="report-received"], .report-by-method, .report-table td.num, .report-facts dd, .report-shifts td.num');
      const measured = await linesOf(values);
      const wrapped = measured.filter((value) => value.lines !== 1);
      expect(wrapped, `report values over one line at ${size.width}×${size.height}`).toEqual([]);
      // None cut off either: each figure's text (which may not wrap, so may run past its own box) whole inside the report card.
      const card = (await report.boundingBox())!;
      const outside = measured.filter((value) => value.right > card.x + card.width + 1).map((value) => value.text);
      expect(outside, `report values cut off at ${size.width}×${size.height}`).toEqual([]);
      // At 1366 and 1920 the report spans the screen: no short card beside it.
      if (size.width >= 1366) expect(card.width, `report width at ${size.width}`).toBeGreaterThan(size.width * 0.6);
    },
    restore: { width: 1366, height: 768 },
  });
  const item = page.locator(`.late-item[data-trade-no="${late.tradeNo}"]`);
  const edges = (selector: string) =>
    item.locator(selector).evaluateAll((elements) => elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { left: Math.round(box.left), top: Math.round(box.top) };
    }));
  /** The form aligned: both labels on one line, both controls on one line, everything under them on the first field's left edge. */
  const expectAligned = async (size: { width: number; height: number }, below: string) => {
    const labels = await edges('.late-form > .field:nth-of-type(-n+2) > label');
    const controls = await edges('.late-form > .field:nth-of-type(-n+2) > select, .late-form > .field:nth-of-type(-n+2) > input');
    expect(new Set(labels.map((label) => label.top)).size, `labels on one line at ${size.width}×${size.height}`).toBe(1);
    expect(new Set(controls.map((control) => control.top)).size, `controls on one line at ${size.width}×${size.height}`).toBe(1);
    const lefts = (await edges(below)).map((box) => box.left);
    expect(new Set([labels[0]!.left, ...lefts]), `left edges at ${size.width}×${size.height}`).toEqual(new Set([labels[0]!.left]));
  };
  await item.getByLabel('Tindakan').selectOption('refunded_cash');
  await screenshotAtSizes(page, 'day-layout-late-refund', {
    check: async (size) => {
      await item.scrollIntoViewIfNeeded();
      await expectAligned(size, '.late-refund-note, .late-form > .field:nth-of-type(3) label, .late-form > .button');
    },
  });
  await item.getByLabel('Tindakan').selectOption('other');
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(item.getByText('Tulis catatan: apa yang dilakukan?')).toBeVisible();
  await screenshotAtSizes(page, 'day-layout-late-other', {
    check: async (size) => {
      await item.scrollIntoViewIfNeeded();
      // A hint and an error under the note move neither label nor control.
      await expectAligned(size, '.late-form > .button');
    },
  });
});
