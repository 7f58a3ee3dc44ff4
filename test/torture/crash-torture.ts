import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { isFinishedAtCounter } from '../../shared/payment.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { createPayproClient } from '../../electron/core/paypro/client.ts';
import { createMerchantSigner } from '../../electron/core/paypro/sign.ts';
import { PaymentService } from '../../electron/core/payments/payment-service.ts';
import { startSimulator, type Scenario, type Simulator } from '../../electron/core/simulator/server.ts';
import { checkInvariants, isClean, summaryLine, type GatewaySide, type Verdict } from './invariants.ts';
import { faultFor } from './fault-torture.ts';
import { between, pick, prngFor, sleep } from './random.ts';
import { CLIENT_TIMEOUT_MS, MERCHANT_NO, SECRET, TORTURE_POLICY } from './scale.ts';
import type { TillConfig } from './till-process.ts';
import { checkShifts, tillDay } from './till-day.ts';

const TILL = fileURLToPath(new URL('./till-process.ts', import.meta.url));

export type KillPoint = 'after_record' | 'during_create' | 'after_create' | 'polling' | 'random' | 'inside_shift_close' | 'after_shift_close';
const KILL_POINTS: readonly KillPoint[] = [
  'after_record', 'during_create', 'after_create', 'polling', 'random', 'inside_shift_close', 'after_shift_close',
];

export interface CrashTortureOptions {
  runs: number;
  seed: number;
  /** Runs at once (each its own child and ledger file). */
  parallel?: number;
  /** Share of the other gateway requests that get a transport fault, as in the fault suite. */
  faultRate?: number;
}

export interface CrashTortureResult {
  verdict: Verdict;
  kills: number;
  killsByPoint: Record<string, number>;
  faults: number;
  /** Files that failed PRAGMA integrity_check after a kill or after recovery. */
  corrupt: string[];
  /** Kills that landed inside a shift close's transaction (after its UPDATE, before COMMIT). */
  insideShiftClose: number;
  elapsedMs: number;
  line: string;
}

/**
 * Crash recovery: a till runs in a child process on its own ledger file (on the real disk); the
 * simulator stays here. The child is SIGKILLed at a seeded point — right after the write-ahead
 * record, while the simulator holds its create (processed, answer withheld), right after the
 * create's answer is recorded, while it polls, or after a random delay. Then the file must pass
 * PRAGMA integrity_check, and a fresh till (here, in the parent) opens the same file, recovers,
 * and must reach the invariants of the fault suite. Two more points close the till's shift after
 * its sales: killed while the close is held inside its transaction, the shift must come back wholly
 * open (no close time, no report) and close again; killed after the commit, wholly closed with its
 * report. The close is a counted one (issue 22: cash in and out, a count off the expected cash):
 * after a kill inside it the drawer's expected cash is unchanged and nothing counted remains;
 * after the commit the count and its difference are frozen in the report. After every run the shift reports must count every rupiah the sales brought in
 * (checkShifts). Kill points take turns (run i gets point i mod 7), so a short run meets each one.
 */
export async function runCrashTorture(options: CrashTortureOptions): Promise<CrashTortureResult> {
  const started = performance.now();
  const { seed, runs, parallel = 2, faultRate = 0.1 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'paypro-pos-crash-'));
  const holdCreate = new Map<string, () => void>();
  let faults = 0;
  const simulator = await startSimulator({
    merchantNo: MERCHANT_NO,
    secret: SECRET,
    host: '127.0.0.1',
    faults: (request) => {
      const onCreate = request.endpoint === 'paymentLink' && request.tradeNo ? holdCreate.get(request.tradeNo) : undefined;
      if (onCreate) {
        // Processed (the order exists), the answer held back; the till dies waiting for it.
        setImmediate(onCreate);
        faults++;
        return { kind: 'slow', delayMs: 5_000 };
      }
      const fault = faultFor(seed, faultRate, request);
      if (fault) faults++;
      return fault;
    },
  });
  const killsByPoint: Record<string, number> = {};
  const corrupt: string[] = [];
  const total: Verdict = { payments: 0, lost: [], duplicated: [], unresolved: [], mismatched: [] };
  let kills = 0;
  let insideShiftClose = 0;

  async function oneRun(run: number): Promise<void> {
    const random = prngFor(seed, `crash|${run}`);
    const file = join(dir, `till-${run}.sqlite`);
    const prefix = `C${run}N`;
    const sales = Array.from({ length: between(random, 1, 4) }, (_, i) => ({
      tradeNo: `${prefix}${i}`,
      amount: between(random, 10, 500) * 1_000,
    }));
    for (const sale of sales) simulator.script(sale.tradeNo, scenarioFor(random, sale.amount));
    const point = KILL_POINTS[run % KILL_POINTS.length]!;
    const target = pick(random, sales).tradeNo;
    killsByPoint[point] = (killsByPoint[point] ?? 0) + 1;
    const reported = new Set<string>();

    const closeShift = point === 'inside_shift_close' ? 'pause' : point === 'after_shift_close' ? 'commit' : undefined;
    // A counted close (issue 22): cash in and out, and a count off the expected cash either way.
    const cash = { cashIn: between(random, 1, 100) * 1_000, cashOut: between(random, 1, 50) * 1_000, countedDelta: between(random, -30, 30) * 1_000 };
    const expectedCash = cash.cashIn - cash.cashOut;
    const config: TillConfig = { ledger: file, baseUrl: simulator.baseUrl, merchantNo: MERCHANT_NO, secret: SECRET, sales, ...(closeShift ? { closeShift, cash } : {}) };
    let closingShift: number | null = null;
    let closedShift: number | null = null;
    const child = spawn(process.execPath, ['--no-warnings', TILL, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    if (point === 'during_create') holdCreate.set(target, kill);
    if (point === 'random') setTimeout(kill, between(random, 0, 800));
    const pollingDelay = between(random, 0, 300);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const [word, tradeNo, state] = line.split(' ');
      if (word === 'update' && tradeNo) reported.add(tradeNo);
      if (point === 'after_record' && tradeNo === target && state === 'creating') kill();
      if (point === 'after_create' && tradeNo === target && state !== 'creating') kill();
      if (point === 'polling' && word === 'idle') setTimeout(kill, pollingDelay);
      if (word === 'shift-closing') {
        closingShift = Number(tradeNo);
        if (point === 'inside_shift_close') kill();
      }
      if (word === 'shift-closed') {
        closedShift = Number(tradeNo);
        if (point === 'after_shift_close') kill();
      }
    });
    const safety = setTimeout(kill, 10_000);
    await exited;
    clearTimeout(safety);
    holdCreate.delete(target);
    kills++;
    if (child.signalCode !== 'SIGKILL') {
      total.mismatched.push(`run ${run}: the till exited by itself (${child.exitCode}) ${stderr.join('').slice(0, 300)}`);
    }

    // The database must never be corrupt after a kill.
    if (existsSync(file)) {
      const verdict = integrityCheck(file);
      if (verdict !== 'ok') corrupt.push(`run ${run} after kill: ${verdict}`);
    }
    // Restart time: anything the dead till had written to its sockets reaches the gateway.
    await sleep(100);

    // A fresh till on the same file, its clock past the QR expiry, recovers and settles.
    const clock = () => Date.now() + DEFAULT_SETTINGS.qrExpiryMinutes * 60_000 + 1_000;
    const ledger = Ledger.open(file, { now: clock });
    const day = tillDay(ledger, { ...DEFAULT_SETTINGS, merchantNo: MERCHANT_NO }, clock);
    if (point === 'inside_shift_close') {
      // The kill landed while the close waited inside its transaction: nothing of it may remain.
      const shift = closingShift === null ? undefined : ledger.day.shift(closingShift);
      if (closedShift === null && shift?.closedAt === null && shift.report === null) insideShiftClose++;
      else total.mismatched.push(`run ${run}: killed inside shift ${closingShift}'s close, found ${shift ? `closedAt ${shift.closedAt}` : 'no shift'} (closed line ${closedShift})`);
      // Nothing of the count remains, and the drawer's expected cash is what it was before the close.
      const live = shift ? ledger.day.shiftReport(shift.id).cash : undefined;
      if (live?.expected !== expectedCash || live.counted !== null) total.mismatched.push(`run ${run}: after the kill the drawer expects ${live?.expected} (counted ${live?.counted}), not ${expectedCash}`);
    }
    if (point === 'after_shift_close') {
      const shift = closedShift === null ? undefined : ledger.day.shift(closedShift);
      if (!shift || shift.closedAt === null || shift.report === null) total.mismatched.push(`run ${run}: shift ${closedShift} said closed but is not wholly closed`);
      const frozen = shift?.report?.cash;
      if (frozen?.expected !== expectedCash || frozen.difference !== cash.countedDelta) total.mismatched.push(`run ${run}: the frozen count says expected ${frozen?.expected}, difference ${frozen?.difference}`);
    }
    const client = createPayproClient({
      baseUrl: simulator.baseUrl,
      signer: createMerchantSigner(MERCHANT_NO, SECRET),
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    const settings: Settings = { ...DEFAULT_SETTINGS, merchantNo: MERCHANT_NO };
    const service = new PaymentService({ ledger, gatewayFor: async () => client, settings: () => settings, now: clock, policy: TORTURE_POLICY });
    service.recover();
    const gateway: GatewaySide = {
      orders: () => simulator.orders().filter((order) => order.tradeNo.startsWith(prefix)),
      paymentLinkCalls: (tradeNo) => simulator.paymentLinkCalls(tradeNo),
    };
    const rows = () => ledger.listBetween(0, Number.MAX_SAFE_INTEGER);
    const deadline = performance.now() + 15_000;
    let verdict = checkInvariants(rows(), gateway, reported);
    while (!isClean(verdict) && performance.now() < deadline) {
      await sleep(50);
      if (rows().every((row) => isFinishedAtCounter(row.state))) verdict = checkInvariants(rows(), gateway, reported);
    }
    verdict = checkInvariants(rows(), gateway, reported);
    if (point === 'inside_shift_close') {
      try {
        const closed = await day.closeShift(undefined, { counted: expectedCash + cash.countedDelta, expected: expectedCash });
        if (closed.id !== closingShift || closed.report.saleCount !== sales.length) total.mismatched.push(`run ${run}: closing again gave shift ${closed.id} with ${closed.report.saleCount} sale(s)`);
        if (closed.report.cash?.difference !== cash.countedDelta) total.mismatched.push(`run ${run}: counted again, the difference is ${closed.report.cash?.difference}, not ${cash.countedDelta}`);
      } catch (error) {
        total.mismatched.push(`run ${run}: closing again after the kill failed: ${String(error)}`);
      }
    }
    for (const problem of checkShifts(ledger)) total.mismatched.push(`run ${run} (${point}): ${problem}`);
    await service.close();
    ledger.close();
    const after = integrityCheck(file);
    if (after !== 'ok') corrupt.push(`run ${run} after recovery: ${after}`);
    total.payments += verdict.payments;
    for (const key of ['lost', 'duplicated', 'unresolved', 'mismatched'] as const) {
      total[key].push(...verdict[key].map((line) => `run ${run} (${point}): ${line}`));
    }
  }

  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < runs) await oneRun(next++);
      }),
    );
  } finally {
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const elapsedMs = performance.now() - started;
  const line = summaryLine(
    'crash recovery',
    { seed, runs, faults, elapsedMs, extra: `kills=${kills} corrupt=${corrupt.length} insideShiftClose=${insideShiftClose}` },
    total,
  );
  return { verdict: total, kills, killsByPoint, faults, corrupt, insideShiftClose, elapsedMs, line };
}

function scenarioFor(random: () => number, amount: number): Scenario {
  const afterMs = between(random, 0, 100);
  const roll = random();
  if (roll < 0.4) return { kind: 'paid', afterMs };
  if (roll < 0.5) return { kind: 'partial', paidAmount: between(random, 1, amount - 1), afterMs };
  if (roll < 0.65) return { kind: 'failed', afterMs };
  return { kind: 'never' };
}

function integrityCheck(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare('PRAGMA integrity_check').all().map((row) => String(row.integrity_check)).join('; ');
  } finally {
    db.close();
  }
}

export type { Simulator, ChildProcess };
