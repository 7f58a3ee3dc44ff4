import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { buildReport, groupSales } from '../../electron/core/day/report.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { between, prngFor } from './random.ts';

const TILL = fileURLToPath(new URL('./shift-process.ts', import.meta.url));

export interface ShiftCloseResult {
  kills: number;
  /** Kills that landed between `closing` and `closed`. */
  midClose: number;
  /** What recovery found wrong: a half-closed shift, a frozen report unlike its sales, more than one open shift, a sale without a shift. */
  problems: string[];
}

/**
 * kill -9 during shift close: one ledger file, a till process that keeps opening and closing
 * shifts, SIGKILLed again and again (often right after it says it is closing). After every kill
 * the file must pass integrity_check and every shift must be wholly open or wholly closed with
 * the report of exactly its sales; the next till takes the open one over and goes on.
 */
export async function runShiftCloseTorture(options: { runs: number; seed: number }): Promise<ShiftCloseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-pos-shift-'));
  const file = join(dir, 'ledger.sqlite');
  const random = prngFor(options.seed, 'shift-close');
  const result: ShiftCloseResult = { kills: 0, midClose: 0, problems: [] };
  try {
    for (let run = 0; run < options.runs; run++) {
      const child = spawn(process.execPath, ['--no-warnings', TILL, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const kill = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      let closing = false;
      let killedClosing = false;
      const closesBeforeKill = between(random, 0, 6);
      let closes = 0;
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('closing')) {
          closing = true;
          if (closes++ === closesBeforeKill) {
            killedClosing = true;
            // Now, or a hair later: inside the close's transaction or just after its commit.
            if (random() < 0.5) kill();
            else setImmediate(kill);
          }
        }
        if (line === 'closed') closing = false;
      });
      const safety = setTimeout(kill, 10_000);
      await exited;
      clearTimeout(safety);
      result.kills++;
      if (killedClosing && closing) result.midClose++;
      result.problems.push(...check(file, run));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

function check(file: string, run: number): string[] {
  const problems: string[] = [];
  const raw = new DatabaseSync(file);
  const verdict = raw.prepare('PRAGMA integrity_check').all().map((row) => String(row.integrity_check)).join('; ');
  if (verdict !== 'ok') problems.push(`run ${run}: integrity ${verdict}`);
  const halfClosed = raw.prepare('SELECT count(*) AS n FROM shifts WHERE (closed_at IS NULL) <> (report IS NULL)').get();
  if (Number(halfClosed?.n) > 0) problems.push(`run ${run}: ${halfClosed?.n} half-closed shift(s)`);
  const orphans = raw.prepare('SELECT count(*) AS n FROM payments WHERE shift_id IS NULL').get();
  if (Number(orphans?.n) > 0) problems.push(`run ${run}: ${orphans?.n} sale(s) without a shift`);
  raw.close();

  const ledger = Ledger.open(file);
  try {
    const shifts = ledger.day.shiftsBetween(0, Number.MAX_SAFE_INTEGER);
    if (shifts.filter((shift) => shift.closedAt === null).length > 1) problems.push(`run ${run}: more than one open shift`);
    for (const shift of shifts.filter((one) => one.report !== null)) {
      const sales = ledger.day.pageOfShift(shift.id, 1_000).sales.map((sale) => ({
        state: sale.state, amount: sale.amount, paidAmount: sale.paidAmount, createdAt: sale.createdAt,
        late: sale.lateAt !== null, voided: sale.voidedAt !== null,
      }));
      const { resolutions: _ignored, ...frozen } = shift.report!;
      if (JSON.stringify(frozen) !== JSON.stringify(buildReport(groupSales(sales)))) {
        problems.push(`run ${run}: shift ${shift.id}'s frozen report differs from its sales`);
      }
    }
  } finally {
    ledger.close();
  }
  return problems;
}
