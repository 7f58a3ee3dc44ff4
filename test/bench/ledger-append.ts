import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { sample, stats, type Figure } from './reporter.ts';
import { DAY_MS, PER_DAY, SEED_START, seededLedgerCopy } from './seed-ledger.ts';

export const MILLION = 1_000_000;

export function newPayment(tradeNo: string, at: number) {
  return { tradeNo, amount: 75_000, customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'pelanggan@example.com', environment: 'training' as const, createdAt: at, expiresAt: at + 900_000 };
}

/** Durable append (record + update to awaiting, synchronous=FULL) with 1 million rows present. */
export async function ledgerAppend(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-'));
  try {
    const ledger = Ledger.open(seededLedgerCopy(MILLION, join(dir, 'ledger.sqlite')));
    const durability = ledger.durability();
    const day = SEED_START + (MILLION / PER_DAY) * DAY_MS;
    const samples = await sample(2_000, 200, (i) => {
      const tradeNo = `A${i}`;
      ledger.record(newPayment(tradeNo, day + i));
      ledger.update(tradeNo, { state: 'awaiting_payment', gatewayStatus: '0015', platformTradeNo: `P${i}`, qrString: 'QR' }, 'bench');
    });
    // Day report over the seeded days: summary + first page of 50, newest first.
    const report = await sample(300, 30, (i) => {
      const from = SEED_START + (i % 100) * DAY_MS;
      ledger.summarize(from, from + DAY_MS);
      ledger.listBetween(from, from + DAY_MS, 50);
    });
    ledger.close();
    const notes = [`journal ${durability.journalMode}, synchronous ${durability.synchronous}; ${MILLION} rows + 1 event each seeded by bulk SQL`];
    return [
      { name: 'ledger-append', title: 'Ledger append (record+update) @1M rows', unit: 'ms', stats: stats(samples), target: { stat: 'p99', max: 2 }, notes },
      { name: 'day-report', title: 'Day report (summarize + first 50) @1M rows', unit: 'ms', stats: stats(report), target: { stat: 'p99', max: 20 }, notes: [`${PER_DAY} payments per day`] },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
