import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { newPayment } from './ledger-append.ts';
import { sample, stats, type Figure } from './reporter.ts';
import { DAY_MS, SEED_START, seededLedgerCopy } from './seed-ledger.ts';

const ROWS = 100_000;

/** A naive durable JSON store, as a small app would write it: rewrite + fsync the file per append. */
function jsonStore(file: string, rows: number) {
  const records: object[] = Array.from({ length: rows }, (_, i) => ({ ...newPayment(`B${i}`, SEED_START + i * 8_000), state: 'paid', events: [{ to: 'paid' }] }));
  const save = () => {
    const fd = openSync(`${file}.tmp`, 'w');
    writeSync(fd, JSON.stringify(records));
    fsyncSync(fd);
    closeSync(fd);
  };
  save();
  return { append(record: object) { records.push(record); save(); } };
}

/** Ledger append vs the JSON file store at 100k rows, same run, same durability intent. */
export async function ledgerVsJson(): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-'));
  try {
    const ledger = Ledger.open(seededLedgerCopy(ROWS, join(dir, 'ledger.sqlite')));
    const at = SEED_START + 20 * DAY_MS;
    const sqlite = stats(await sample(300, 30, (i) => {
      ledger.record(newPayment(`V${i}`, at + i));
      ledger.update(`V${i}`, { state: 'awaiting_payment' }, 'bench');
    }));
    ledger.close();
    const store = jsonStore(join(dir, 'store.json'), ROWS);
    const json = stats(await sample(20, 2, (i) => store.append({ ...newPayment(`J${i}`, at + i), state: 'awaiting_payment' })));
    return {
      name: 'ledger-vs-json', title: 'Ledger append vs JSON store @100k', unit: 'ms', stats: sqlite,
      ratio: { value: json.median / sqlite.median, of: 'faster than JSON (median)' },
      notes: [`JSON rewrite+fsync per append: median ${json.median.toFixed(1)} ms, p95 ${json.p95.toFixed(1)} ms (n=${json.n}); ledger row above`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
