import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Ledger, type NewPayment } from '../../../../electron/core/ledger/ledger.ts';

export const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);

/** A temp folder per test, removed afterwards even when the test fails. */
export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-ledger-'));
  return { dir, file: join(dir, 'data', 'ledger.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A settable clock, so that times in assertions are exact. */
export function manualClock(start = T0): { now: () => number; set: (ms: number) => void } {
  let current = start;
  return { now: () => current, set: (ms) => (current = ms) };
}

/** Every customer field typed by the cashier (schema 11). */
export const TYPED = { name: true, mobile: true, email: true } as const;

export function newPayment(tradeNo: string, overrides: Partial<NewPayment> = {}): NewPayment {
  return {
    tradeNo,
    amount: 39_000,
    customerName: 'Sari Wulandari',
    customerMobile: '081298765432',
    customerEmail: 'sari@example.co.id',
    customerTyped: TYPED,
    environment: 'training',
    createdAt: T0,
    expiresAt: T0 + 15 * 60_000,
    ...overrides,
  };
}

export function openLedger(file: string, now?: () => number): Ledger {
  return Ledger.open(file, now ? { now } : {});
}

/**
 * A ledger on a fresh file and a settable clock for every test of the calling describe block,
 * closed and removed after each. A test may reopen `ledger` (say, on a migrated file): whatever it
 * holds at the end is closed.
 */
export function useLedger(): { temp: ReturnType<typeof tempDir>; clock: ReturnType<typeof manualClock>; ledger: Ledger } {
  const state = {} as ReturnType<typeof useLedger>;
  beforeEach(() => {
    state.temp = tempDir();
    state.clock = manualClock();
    state.ledger = openLedger(state.temp.file, state.clock.now);
  });
  afterEach(() => {
    state.ledger.close();
    state.temp.cleanup();
  });
  return state;
}
