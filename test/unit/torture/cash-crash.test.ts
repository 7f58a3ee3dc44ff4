import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { buildReport, type ReportGroup } from '../../../electron/core/day/report.ts';
import { DAY_QUERIES } from '../../../electron/core/ledger/day-queries.ts';
import { Ledger } from '../../../electron/core/ledger/ledger.ts';
import { between, prng, tortureSeed } from '../../torture/random.ts';

const TILL = join(import.meta.dirname, '../../torture/cash-till-process.ts');
const KILLS = 6;

/** Runs the cash till until it has committed `after` cash payments (plus a random few ms), then SIGKILLs it. */
function killAfter(ledger: string, prefix: string, after: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', TILL, JSON.stringify({ ledger, prefix, sales: 200 })], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, tradeNo] = line.split(' ');
        if (word === 'cash' && tradeNo) acknowledged.push(tradeNo);
        if ((acknowledged.length >= after || word === 'idle') && !killing) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(acknowledged));
  });
}

/** The report's groups read straight from the payments, not from the hourly rollup the triggers keep. */
function reportFromRows(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  const rows = db.prepare(DAY_QUERIES.reportBetween).all(0, Number.MAX_SAFE_INTEGER);
  db.close();
  return buildReport(rows.map((row): ReportGroup => ({
    state: row.state as ReportGroup['state'], late: Number(row.late) === 1, voided: Number(row.voided) === 1,
    method: row.method as 'qris' | 'cash', followUp: Number(row.follow_up) === 1, completed: Number(row.completed) === 1,
    count: Number(row.count), amount: Number(row.amount), paid: Number(row.paid), paidOrCharged: Number(row.paid_or_charged),
    firstAt: Number(row.first_at), lastAt: Number(row.last_at),
  })));
}

// Issue 22: kill -9 during a stream of cash sales (and partial QRIS sales finished in cash): every
// acknowledged cash payment survives, none is half recorded, and the reports still add up.
it(`cash crash: ${KILLS} kills during cash sales leave no half-recorded sale`, { timeout: 120_000 }, async () => {
  const seed = tortureSeed();
  const random = prng(seed);
  const dir = mkdtempSync(join(tmpdir(), 'paypro-cash-crash-'));
  const file = join(dir, 'ledger.sqlite');
  try {
    const acknowledged: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      acknowledged.push(...(await killAfter(file, `K${kill}`, between(random, 1, 20), between(random, 0, 15))));
    }
    const ledger = Ledger.open(file);
    try {
      const db = new DatabaseSync(file, { readOnly: true });
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      // Every cash payment is whole: paid, its change = tendered − amount, exactly one event.
      const broken = db.prepare(`SELECT p.trade_no FROM payments p WHERE p.method = 'cash' AND (p.state <> 'paid'
        OR p.paid_amount <> p.amount OR p.cash_change <> p.cash_tendered - p.amount
        OR (SELECT count(*) FROM payment_events e WHERE e.payment_id = p.id) <> 1)`).all();
      expect(broken, `seed ${seed}`).toEqual([]);
      // A sale its cash finished is completed; one without its cash is still just partial (never both halves missing one).
      const sales = db.prepare(`SELECT s.trade_no, s.completed_at IS NOT NULL AS completed,
        (SELECT count(*) FROM payments f WHERE f.sale_id = s.id) AS follow_ups FROM payments s WHERE s.method = 'qris'`).all();
      for (const sale of sales) expect(Number(sale.completed), `seed ${seed} ${String(sale.trade_no)}`).toBe(Number(sale.follow_ups));
      db.close();
      // Acknowledged means durable.
      for (const tradeNo of acknowledged) expect(ledger.get(tradeNo), `seed ${seed} ${tradeNo}`).toMatchObject({ state: 'paid' });
      // The hourly rollup moved with every committed write and with nothing else.
      const { firstSaleAt: _f, lastSaleAt: _l, ...fromRollup } = ledger.day.reportBetween(0, Date.now() + 7_200_000);
      const { firstSaleAt: _a, lastSaleAt: _b, ...fromRows } = reportFromRows(file);
      expect(fromRollup).toMatchObject(fromRows);
      expect(fromRows.received).toBe(fromRows.receivedByMethod.qris + fromRows.receivedByMethod.cash);
      console.log(`cash crash: seed ${seed}, ${KILLS} kills, ${acknowledged.length} cash payments acknowledged, ${sales.length} partial sales`);
    } finally {
      ledger.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
