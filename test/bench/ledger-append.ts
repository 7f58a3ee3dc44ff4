import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { sample, stats, type Figure } from './reporter.ts';
import { DAY_MS, PER_DAY, SEED_START, seededLedgerCopy } from './seed-ledger.ts';

export const MILLION = 1_000_000;

export function newPayment(tradeNo: string, at: number) {
  return { tradeNo, amount: 75_000, customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'pelanggan@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training' as const, createdAt: at, expiresAt: at + 900_000 };
}

/**
 * Durable append with 1 million rows present (synchronous=FULL: each commit waits for the disk).
 * The target is about one append — `record`, the write-ahead row of a new sale, one transaction.
 * A sale's next step (`update` to awaiting, a second commit) is measured alongside as the pair.
 */
export async function ledgerAppend(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-'));
  try {
    const ledger = Ledger.open(seededLedgerCopy(MILLION, join(dir, 'ledger.sqlite')));
    const durability = ledger.durability();
    const day = SEED_START + (MILLION / PER_DAY) * DAY_MS;
    const appends: number[] = [];
    const pairs = await sample(2_000, 200, (i) => {
      const tradeNo = `A${i}`;
      const start = performance.now();
      ledger.record(newPayment(tradeNo, day + i));
      appends.push(performance.now() - start);
      ledger.update(tradeNo, { state: 'awaiting_payment', gatewayStatus: '0015', platformTradeNo: `P${i}`, qrString: 'QR' }, 'bench');
    });
    const measuredAppends = appends.slice(200); // drop the warm-up
    const disk = await diskSyncBaseline(join(dir, 'fsync-baseline'));
    ledger.close();
    const notes = [`journal ${durability.journalMode}, synchronous ${durability.synchronous}; ${MILLION} rows + 1 event each seeded by bulk SQL`];
    return [
      { name: 'ledger-append', title: 'Ledger durable append (record) @1M rows', unit: 'ms', stats: stats(measuredAppends), targets: [{ stat: 'p99', max: 2 }], notes },
      { name: 'disk-fsync', title: 'Baseline: 4 KB append + fsync, same disk', unit: 'ms', stats: disk, notes: ['the floor under any durable append on this machine, measured in the same run'] },
      { name: 'ledger-append-update', title: 'Ledger append + update (2 commits) @1M rows', unit: 'ms', stats: stats(pairs), notes: ['a new sale recorded, then moved to awaiting: two durable commits'] },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the disk itself costs: append 4 KB to a file and fsync it, as a WAL commit does. */
async function diskSyncBaseline(path: string) {
  const fd = openSync(path, 'a');
  const block = Buffer.alloc(4096, 1);
  try {
    return stats(await sample(2_000, 200, () => {
      writeSync(fd, block);
      fsyncSync(fd);
    }));
  } finally {
    closeSync(fd);
  }
}
