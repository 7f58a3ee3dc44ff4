import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../harness/browser.ts';
import { ensureRendererBuilt } from '../harness/build-outputs.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { startWebPreview } from '../harness/web-preview/server.ts';
import { armPaintProbe, chargeUntilQrPainted, COUNTER_WINDOW, newSale, PAID_SELECTOR, paintedHere, tradeNoToSettle } from './cashier-screen.ts';
import { stats, type Figure } from './reporter.ts';

/**
 * The customer display beside the cashier's screen, both on the built renderer in Chromium with
 * the real core and training simulator behind the web preview:
 * - gateway paid → customer display paid: from the simulator marking the order paid to the end
 *   of the first frame of the customer page that shows it (same target as the cashier's screen);
 * - the two screens' paint times for that same update, apart.
 * Both pages get pushes the same way here (Server-Sent Events of the preview), so their gap is
 * the app's own, not two transports'. Each page is its own browser window, as the two displays.
 */
const SAMPLES = 100;
/** Unmeasured first rounds: the first paid screens of each page are slower (code paths warming up). */
const WARMUP = 5;
const CUSTOMER_SALE_SELECTOR = '.customer-sale';
const CUSTOMER_PAID_SELECTOR = '.customer-result.customer-paid';

export async function customerDisplay(): Promise<Figure[]> {
  ensureRendererBuilt();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const preview = await startWebPreview({ transport: 'http' });
  try {
    await setUpTraining(preview);
    const open = async (path: string) => {
      const context = await browser.newContext(COUNTER_WINDOW);
      const page = await context.newPage();
      await page.goto(new URL(path, preview.url).href);
      return page;
    };
    const cashier = await open('/');
    const customer = await open('/customer');
    await cashier.getByLabel('Jumlah', { exact: true }).focus();

    const paid: number[] = [];
    const apart: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      await chargeUntilQrPainted(cashier, 20_000 + i * 500);
      await customer.locator(CUSTOMER_SALE_SELECTOR).waitFor();
      // The payment moments spread over one polling interval, as in the cashier bench.
      const tradeNo = await tradeNoToSettle(preview, i);
      await cashier.evaluate(armPaintProbe, PAID_SELECTOR);
      await customer.evaluate(armPaintProbe, CUSTOMER_PAID_SELECTOR);
      const settledAt = performance.timeOrigin + performance.now();
      preview.simulator.settle(tradeNo, 'paid');
      const [cashierPainted, customerPainted] = await Promise.all([
        paintedHere(cashier, 'the cashier paid screen'),
        paintedHere(customer, 'the customer paid screen'),
      ]);
      if (i >= WARMUP) {
        paid.push(customerPainted - settledAt);
        apart.push(Math.abs(customerPainted - cashierPainted));
      }
      await newSale(cashier);
    }

    const setting = 'Chromium, two windows 1366×768, core and training simulator on loopback, pushes over the preview\'s SSE';
    return [
      {
        name: 'customer-paid-on-screen',
        title: 'gateway paid → customer display shows paid',
        unit: 'ms',
        stats: stats(paid),
        targets: [{ stat: 'p95', max: 1_200 }],
        notes: [`${setting}; settle moments spread over one 1 s polling interval`],
      },
      {
        name: 'customer-cashier-paint-gap',
        title: 'cashier vs customer screen, same update painted apart',
        unit: 'ms',
        stats: stats(apart),
        targets: [{ stat: 'p95', max: 50 }],
        notes: ['|customer paint − cashier paint| for the same paid update; each page clock read against this process'],
      },
    ];
  } finally {
    await preview.close();
    await browser.close();
  }
}
