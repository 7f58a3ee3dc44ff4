import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { chromium, type Page } from 'playwright-core';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { DAY_PAGE_SIZE } from '../../electron/core/payments/payment-service.ts';
import { chromiumLaunchOptions } from '../harness/browser.ts';
import { ensureRendererBuilt } from '../harness/build-outputs.ts';
import { connectBinding } from '../harness/web-preview/binding.ts';
import { startWebPreview } from '../harness/web-preview/server.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { COUNTER_WINDOW } from './cashier-screen.ts';
import { sample, stats, type Figure } from './reporter.ts';

/**
 * Today on a busy day (issue 16): 5,000 sales made today, measured as the screen asks for them.
 * - core: the call Today makes when it opens (listToday {}: the first page of DAY_PAGE_SIZE with the day's
 *   totals) through the core's router as the IPC handler runs it (validation included), and the
 *   totals-only call it makes after a pushed change (listToday { limit: 0 });
 * - browser: F2 keydown on the sale screen to the end of the first frame that shows Today's rows,
 *   in Chromium on the built renderer, calls as messages into the core's process (as over IPC).
 */
const SALES_TODAY = Number(process.env.TODAY_BENCH_SALES ?? 5_000);
const PAINT_WARMUP = 10;
const PAINT_SAMPLES = 100;
const TODAY_ROWS = '.today-table tbody tr';
const OPEN_AT_COUNTER = 10;

/** 5,000 settled sales between local midnight and now (bulk SQL, bench only, as seed-ledger.ts). */
function seedToday(dataDir: string, now: number): void {
  const file = join(dataDir, 'ledger.sqlite');
  mkdirSync(dataDir, { recursive: true });
  Ledger.open(file).close();
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  // Spread over the day so far (at least an hour, even just after midnight: then partly yesterday).
  const span = Math.max(now - midnight.getTime(), 3_600_000);
  const step = Math.max(1, Math.floor(span / SALES_TODAY));
  const first = now - step * SALES_TODAY;
  const db = new DatabaseSync(file);
  db.exec('BEGIN');
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${SALES_TODAY})
    INSERT INTO payments (trade_no, platform_trade_no, amount, paid_amount, state, gateway_status,
      customer_name, customer_mobile, customer_email, qr_string, payment_url, error_code, error_detail,
      environment, created_at, updated_at, expires_at)
    SELECT printf('T%010d', i), printf('%016x', i), 10000 + (i % 491) * 1000,
      CASE WHEN i % 10 < 8 THEN 10000 + (i % 491) * 1000 WHEN i % 10 = 8 THEN 5000 ELSE NULL END,
      CASE WHEN i % 10 < 8 THEN 'paid' WHEN i % 10 = 8 THEN 'partially_paid' ELSE 'failed' END,
      '0000', 'Pelanggan', '081234567890', 'pelanggan@example.com', NULL, NULL, NULL, NULL, 'training',
      ${first} + i * ${step}, ${first} + i * ${step} + 30000, ${first} + i * ${step} + 900000
    FROM n`);
  db.exec(`INSERT INTO payment_events (payment_id, at, from_state, to_state, note, change)
    SELECT id, updated_at, 'creating', state, 'seeded', '{}' FROM payments`);
  db.exec('COMMIT');
  db.close();
}

/**
 * The newest sales still open at the counter: awaiting payment (a customer still scanning) and
 * unknown (the create answer lost), the rows Today draws with Buka and Batalkan. Written after
 * the core started, so that its tracker, which would settle them against the training simulator
 * (which never saw them), leaves them open for the whole measurement.
 */
function seedOpenAtCounter(dataDir: string, now: number): void {
  const db = new DatabaseSync(join(dataDir, 'ledger.sqlite'));
  try {
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${OPEN_AT_COUNTER})
      INSERT INTO payments (trade_no, platform_trade_no, amount, paid_amount, state, gateway_status,
        customer_name, customer_mobile, customer_email, qr_string, payment_url, error_code, error_detail,
        environment, created_at, updated_at, expires_at)
      SELECT printf('O%03d', i), CASE WHEN i % 3 = 2 THEN NULL ELSE printf('P%015d', i) END, 25000 + i * 1000, NULL,
        CASE WHEN i % 3 = 2 THEN 'unknown' ELSE 'awaiting_payment' END, CASE WHEN i % 3 = 2 THEN NULL ELSE '0015' END,
        'Pelanggan', '081234567890', 'pelanggan@example.com', CASE WHEN i % 3 = 2 THEN NULL ELSE 'QR' END, NULL, NULL, NULL, 'training',
        ${now} - i * 1000, ${now} - i * 1000, ${now} + 900000
      FROM n`);
  } finally {
    db.close();
  }
}

/** In the page: resolves `todayPaint` with F2's keydown time and the end of the frame showing the rows. */
function armTodayProbe(selector: string): void {
  type ProbePage = {
    document: { documentElement: unknown; querySelector(selector: string): unknown };
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    requestAnimationFrame(callback: () => void): number;
    MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } };
    addEventListener(type: 'keydown', listener: (event: { key: string; timeStamp: number }) => void, options: { capture: boolean; once: boolean }): void;
    todayPaint?: Promise<number>;
  };
  const page = globalThis as unknown as ProbePage;
  if (page.document.querySelector(selector)) throw new Error('today bench: Today is already on screen');
  let keyAt = NaN;
  page.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
  page.todayPaint = new Promise<number>((resolve) => {
    const observer = new page.MutationObserver(() => {
      if (!page.document.querySelector(selector)) return;
      observer.disconnect();
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - keyAt);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(page.document.documentElement, { childList: true, subtree: true });
  });
}

async function todayPaint(page: Page): Promise<number> {
  await page.keyboard.press('F1');
  await page.getByLabel('Jumlah', { exact: true }).waitFor();
  await page.evaluate(armTodayProbe, TODAY_ROWS);
  await page.keyboard.press('F2');
  const took = await page.evaluate(() => (globalThis as unknown as { todayPaint: Promise<number> }).todayPaint);
  if (!Number.isFinite(took)) throw new Error('today bench: no F2 keydown seen');
  return took;
}

export async function todayScreen(): Promise<Figure[]> {
  ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'paypro-bench-today-'));
  seedToday(dataDir, Date.now());
  const preview = await startWebPreview({ dataDir, transport: 'binding' });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await setUpTraining(preview);
    seedOpenAtCounter(dataDir, Date.now());
    const dispatch = async (request: object) => {
      const result = await preview.core.router.dispatch('listToday', request);
      if (!result.ok) throw new Error(`today bench: listToday ${JSON.stringify(result.error)}`);
      return result.value as { payments: unknown[]; paidCount: number };
    };
    const opened = await dispatch({});
    if (opened.payments.length !== Math.min(DAY_PAGE_SIZE, SALES_TODAY + OPEN_AT_COUNTER) || opened.paidCount < SALES_TODAY * 0.7) throw new Error('today bench: the seeded day is not on Today');
    const firstPage = await sample(300, 30, () => dispatch({}));
    const totalsOnly = await sample(300, 30, () => dispatch({ limit: 0 }));
    const pageBytes = Buffer.byteLength(JSON.stringify(opened));

    const context = await browser.newContext(COUNTER_WINDOW);
    const page = await context.newPage();
    await connectBinding(page, preview);
    await page.goto(preview.url);
    await page.getByLabel('Jumlah', { exact: true }).waitFor();
    const paints: number[] = [];
    for (let i = 0; i < PAINT_WARMUP + PAINT_SAMPLES; i++) {
      const took = await todayPaint(page);
      if (i >= PAINT_WARMUP) paints.push(took);
    }
    const rows = await page.locator(TODAY_ROWS).count();
    const openRows = await page.locator(TODAY_ROWS).filter({ has: page.getByRole('button', { name: /^Batalkan / }) }).count();
    if (openRows !== OPEN_AT_COUNTER) throw new Error(`today bench: ${openRows} rows with Buka/Batalkan painted, ${OPEN_AT_COUNTER} seeded`);
    const nodes = await page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('*').length);
    await context.close();

    const notes = [`${SALES_TODAY} settled sales today (80% paid, 10% partial, 10% failed) and the newest ${OPEN_AT_COUNTER} open at the counter (awaiting or unknown), through the core's router as over IPC`];
    return [
      { name: 'today-first-page', title: `Today's first page (${DAY_PAGE_SIZE}) + day totals, ${SALES_TODAY} sales today`, unit: 'ms', stats: stats(firstPage), targets: [{ stat: 'p99', max: 10 }], notes: [...notes, `answer ${(pageBytes / 1024).toFixed(1)} KiB`] },
      { name: 'today-totals', title: `Today's totals after a pushed change (limit 0), ${SALES_TODAY} sales today`, unit: 'ms', stats: stats(totalsOnly), targets: [{ stat: 'p99', max: 10 }], notes },
      { name: 'today-paint', title: `F2 → Today painted, ${SALES_TODAY} sales today (browser)`, unit: 'ms', stats: stats(paints), targets: [{ stat: 'p95', max: 100 }], notes: [`Chromium 1366×768; F2 keydown to the end of the first frame with the rows; ${rows} rows (${openRows} with Buka/Batalkan), ${nodes} DOM nodes on the page`] },
    ];
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
