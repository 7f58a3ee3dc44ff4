import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../harness/browser.ts';
import { ensureRendererBuilt } from '../harness/build-outputs.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { connectBinding } from '../harness/web-preview/binding.ts';
import { startWebPreview, type BridgeTransport, type WebPreview } from '../harness/web-preview/server.ts';
import { stats, type Figure } from './reporter.ts';

/**
 * What the cashier waits for, measured in Chromium on the built renderer, with the real core
 * behind the web preview and its training simulator on loopback answering at once:
 * - Charge → QR painted: from the Enter keydown to the end of the first frame that shows the QR.
 * - Gateway paid → screen paid: from the simulator marking the order paid to the end of the first
 *   frame that shows LUNAS. Main learns it by polling (Paypro cannot call a counter behind NAT),
 *   so this is about one polling interval at worst.
 * The page's window.pos is the preload's own API. The target figures carry its calls as messages
 * into the core's process, as the app's IPC does (a Playwright binding); the same charge over the
 * web preview's HTTP bridge is reported beside them, to show what an HTTP stack adds.
 */
const CHARGE_WARMUP = 20;
const CHARGE_SAMPLES = 200;
const PAID_SAMPLES = 100;
const STEP_TIMEOUT_MS = 10_000;

const QR_SELECTOR = 'svg.qr-svg';
export const PAID_SELECTOR = '.qr-screen.qr-state-paid';

/** The few browser globals the probe uses (the root tsconfig has no DOM library). */
interface ProbePage {
  document: { documentElement: unknown; querySelector(selector: string): unknown };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): number;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } };
  addEventListener(type: 'keydown', listener: (event: { key: string; timeStamp: number }) => void, options: { capture: boolean; signal: AbortSignal }): void;
  paintProbe?: Promise<PaintTimes>;
}

/** Page clock (performance.now() of the page) readings; `enterAt` is null when no Enter came. */
export interface PaintTimes {
  enterAt: number | null;
  paintedAt: number;
  /** paintedAt on the epoch scale (timeOrigin + paintedAt), to compare with another process. */
  paintedEpoch: number;
}

/**
 * Runs in the page (serialised by page.evaluate, so self-contained). Resolves `paintProbe` once
 * the frame that first matches `selector` has been rendered: the DOM change, then the next
 * animation frame, then a message posted from it — which runs after that frame's style, layout
 * and paint (the "after frame" technique).
 */
export function armPaintProbe(selector: string): void {
  const page = globalThis as unknown as ProbePage;
  if (page.document.querySelector(selector)) throw new Error(`paint probe: ${selector} is already on screen`);
  const done = new AbortController();
  let enterAt: number | null = null;
  page.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') enterAt ??= event.timeStamp;
    },
    { capture: true, signal: done.signal },
  );
  page.paintProbe = new Promise<number>((resolve) => {
    const observer = new page.MutationObserver(() => {
      if (!page.document.querySelector(selector)) return;
      observer.disconnect();
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(page.document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  }).then((paintedAt) => {
    done.abort();
    return { enterAt, paintedAt, paintedEpoch: performance.timeOrigin + paintedAt };
  });
}

export async function paintTimes(page: Page, what: string): Promise<PaintTimes> {
  const times = page.evaluate(() => (globalThis as unknown as ProbePage).paintProbe!);
  const timeout = sleep(STEP_TIMEOUT_MS).then(() => {
    throw new Error(`cashier bench: ${what} did not appear within ${STEP_TIMEOUT_MS} ms`);
  });
  return Promise.race([times, timeout]);
}

/**
 * How far the page's epoch clock is ahead of this process's, read NTP-style in the middle of a
 * round trip (error at most half the round trip, about a millisecond over CDP).
 */
export async function pageClockOffset(page: Page): Promise<number> {
  const before = performance.timeOrigin + performance.now();
  const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
  const after = performance.timeOrigin + performance.now();
  return pageNow - (before + after) / 2;
}

/** A page's paint of the armed selector, on this process's clock (performance.timeOrigin + now()). */
export async function paintedHere(page: Page, what: string): Promise<number> {
  const offset = await pageClockOffset(page);
  const { paintedEpoch } = await paintTimes(page, what);
  return paintedEpoch - offset;
}

/** A browser window as at the counter: 1366×768, Indonesian, Jakarta time. */
export const COUNTER_WINDOW = { viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' };

/**
 * The trade number of the sale just charged, once the i-th moment to pay it has come. The customer
 * pays at some moment of the polling cycle: the moments spread evenly over one interval (a fixed
 * stride, so each run samples the same phases).
 */
export async function tradeNoToSettle(preview: WebPreview, i: number): Promise<string> {
  const order = preview.simulator.orders().at(-1);
  if (!order) throw new Error('bench: the simulator has no order');
  await sleep(((i * 617) % 1000) + Math.random());
  return order.tradeNo;
}

/** Types an amount and charges it with Enter; the Enter-to-painted-QR time, page clock. */
export async function chargeUntilQrPainted(page: Page, amount: number): Promise<number> {
  await page.keyboard.type(String(amount));
  await page.evaluate(armPaintProbe, QR_SELECTOR);
  await page.keyboard.press('Enter');
  const { enterAt, paintedAt } = await paintTimes(page, 'the QR');
  if (enterAt === null) throw new Error('cashier bench: the page saw no Enter');
  return paintedAt - enterAt;
}

/** From the paid screen back to an empty sale screen with the amount focused. */
export async function newSale(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Transaksi baru/ }).press('Enter');
  const amount = page.getByLabel('Jumlah', { exact: true });
  await amount.waitFor();
  if ((await amount.inputValue()) !== '') throw new Error('cashier bench: the new sale did not start empty');
  await amount.focus();
}

async function chargeSamples(page: Page): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < CHARGE_WARMUP + CHARGE_SAMPLES; i++) {
    const took = await chargeUntilQrPainted(page, 10_000 + i * 500);
    if (i >= CHARGE_WARMUP) samples.push(took);
    await page.getByRole('button', { name: 'Tandai lunas' }).click();
    await page.locator(PAID_SELECTOR).waitFor();
    await newSale(page);
  }
  return samples;
}

async function paidSamples(page: Page, preview: WebPreview): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < PAID_SAMPLES; i++) {
    await chargeUntilQrPainted(page, 20_000 + i * 500);
    const tradeNo = await tradeNoToSettle(preview, i);
    await page.evaluate(armPaintProbe, PAID_SELECTOR);
    const settledEpoch = performance.timeOrigin + performance.now();
    preview.simulator.settle(tradeNo, 'paid');
    samples.push((await paintedHere(page, 'the paid screen')) - settledEpoch);
    await newSale(page);
  }
  return samples;
}

/** A fresh preview and page on the sale screen, set up for training, for one series. */
export async function withCashierPage<T>(browser: Browser, transport: BridgeTransport, work: (page: Page, preview: WebPreview) => Promise<T>): Promise<T> {
  const preview = await startWebPreview({ transport });
  const context = await browser.newContext(COUNTER_WINDOW);
  try {
    await setUpTraining(preview);
    const page = await context.newPage();
    if (transport === 'binding') await connectBinding(page, preview);
    await page.goto(preview.url);
    await page.getByLabel('Jumlah', { exact: true }).focus();
    return await work(page, preview);
  } finally {
    await context.close();
    await preview.close();
  }
}

export async function cashierScreen(): Promise<Figure[]> {
  ensureRendererBuilt();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const { charges, paid } = await withCashierPage(browser, 'binding', async (page, preview) => ({
      charges: await chargeSamples(page),
      paid: await paidSamples(page, preview),
    }));
    const chargesOverHttp = await withCashierPage(browser, 'http', chargeSamples);

    const setting = 'Chromium 1366×768, core and training simulator on loopback';
    return [
      {
        name: 'charge-qr-painted',
        title: 'Charge → QR painted (browser)',
        unit: 'ms',
        stats: stats(charges),
        targets: [{ stat: 'median', max: 30 }, { stat: 'p95', max: 60 }],
        notes: [`${setting}; Enter keydown to the end of the frame showing the QR; calls as messages, as over IPC`],
      },
      {
        name: 'charge-qr-painted-http',
        title: 'Charge → QR painted, web preview HTTP bridge',
        unit: 'ms',
        stats: stats(chargesOverHttp),
        notes: ['the same, with each call a fetch() to the preview server: the HTTP stack the app does not have'],
      },
      {
        name: 'paid-on-screen',
        title: 'gateway paid → screen shows paid',
        unit: 'ms',
        stats: stats(paid),
        targets: [{ stat: 'p95', max: 1_200 }],
        notes: [`${setting}; settle moments spread over one 1 s polling interval`],
      },
    ];
  } finally {
    await browser.close();
  }
}
