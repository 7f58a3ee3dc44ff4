import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { PaymentService } from '../../electron/core/payments/payment-service.ts';
import { chromiumLaunchOptions } from '../harness/browser.ts';
import { ensureRendererBuilt } from '../harness/build-outputs.ts';
import { armPaintProbe, newSale, paintTimes, withCashierPage } from './cashier-screen.ts';
import { sample, stats, type Figure } from './reporter.ts';

/**
 * Issue 22: a cash sale, Enter in the Tunai dialog → the result with the change painted (browser,
 * the real core behind the web preview, calls as messages as over IPC), and the core's own path
 * (checks, one ledger transaction with FULL sync, the drawer hook) without a screen.
 */
const WARMUP = 10;
const SAMPLES = 100;
const CASH_RESULT = '.qr-screen.qr-state-paid [data-testid="cash-change"]';

async function cashUntilResultPainted(page: Page, amount: number): Promise<number> {
  await page.keyboard.type(String(amount));
  await page.keyboard.press('F8');
  await page.getByLabel('Uang diterima', { exact: true }).waitFor();
  await page.keyboard.press('F10'); // the first round-up: there is change
  await page.evaluate(armPaintProbe, CASH_RESULT);
  await page.keyboard.press('Enter');
  const { enterAt, paintedAt } = await paintTimes(page, 'the cash result');
  if (enterAt === null) throw new Error('cash bench: the page saw no Enter');
  return paintedAt - enterAt;
}

async function coreSamples(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-cash-bench-'));
  const ledger = Ledger.open(join(dir, 'ledger.sqlite'));
  let drawerPulses = 0;
  const service = new PaymentService({
    ledger,
    gatewayFor: () => Promise.reject(new Error('cash never asks a gateway')),
    settings: () => DEFAULT_SETTINGS,
    onCashReceived: () => void drawerPulses++,
  });
  try {
    const samples = await sample(SAMPLES * 5, WARMUP, (i) => service.payCash({ amount: 10_000 + (i % 100) * 500, tendered: '100.000' }));
    if (drawerPulses !== SAMPLES * 5 + WARMUP) throw new Error('cash bench: the drawer hook was not called once per sale');
    return samples;
  } finally {
    await service.close();
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function cashSale(): Promise<Figure[]> {
  ensureRendererBuilt();
  const core = await coreSamples();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const painted = await withCashierPage(browser, 'binding', async (page) => {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const took = await cashUntilResultPainted(page, 35_000 + i * 500);
        if (i >= WARMUP) samples.push(took);
        await newSale(page);
      }
      return samples;
    });
    return [
      {
        name: 'cash-result-painted',
        title: 'Cash sale: Enter → result with change painted (browser)',
        unit: 'ms',
        stats: stats(painted),
        targets: [{ stat: 'p95', max: 100 }],
        notes: ['Chromium 1366×768, core on loopback; Enter keydown in the Tunai dialog to the end of the frame showing the change; calls as messages, as over IPC'],
      },
      {
        name: 'cash-core-path',
        title: 'Cash sale in core: checks, ledger commit (FULL sync), drawer hook',
        unit: 'ms',
        stats: stats(core),
        targets: [{ stat: 'p95', max: 100 }],
        notes: ['PaymentService.payCash on a temp ledger; the drawer hook is called, nothing sent (the pulse is the drawer-pulse figure)'],
      },
    ];
  } finally {
    await browser.close();
  }
}
