import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Agent } from 'undici';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { isFinishedAtCounter } from '../../shared/payment.ts';
import { Ledger, type PaymentRecord } from '../../electron/core/ledger/ledger.ts';
import { createPayproClient } from '../../electron/core/paypro/client.ts';
import { createMerchantSigner } from '../../electron/core/paypro/sign.ts';
import { PaymentService } from '../../electron/core/payments/payment-service.ts';
import { startSimulator, type Fault, type FaultRequest, type Scenario, type Simulator } from '../../electron/core/simulator/server.ts';
import { checkInvariants, isClean, summaryLine, type GatewaySide, type Verdict } from './invariants.ts';
import { between, pick, prngFor, sleep } from './random.ts';
import { CLIENT_TIMEOUT_MS, MERCHANT_NO, SECRET, TORTURE_POLICY } from './scale.ts';

export interface FaultTortureOptions {
  payments: number;
  /** Tills charging at once, each with its own PaymentService and its own ledger file. */
  tills: number;
  seed: number;
  /** Share of gateway requests (creates and queries) that get a transport fault. */
  faultRate?: number;
  /** Sales each till makes per batch (default 10: 20 tills → 200 sales in flight per batch). */
  perTillBatch?: number;
  /** How long the ledgers get to agree with the simulator before the verdict is taken. */
  settleTimeoutMs?: number;
}

export interface FaultTortureResult {
  verdict: Verdict;
  /** Batches that did not agree with the simulator within `settleTimeoutMs` (before the restart). */
  batchFailures: string[];
  faults: number;
  faultsByKind: Record<string, number>;
  outcomes: Record<string, number>;
  chargeErrors: string[];
  integrity: string[];
  /** Errors the tills reported while tracking, by till and message. */
  errors: Record<string, number>;
  /** Gateway requests the simulator received (creates and queries). */
  requests: number;
  elapsedMs: number;
  line: string;
}

// Transport faults only: a refusal ('reject') is an answer, not a fault of the wire.
const FAULT_KINDS: readonly Exclude<Fault['kind'], 'reject'>[] = ['slow', 'http500', 'non_json', 'drop_after_read', 'drop_before_process', 'slow_body'];

/**
 * A request's fault, decided by the seed and the request's identity (endpoint, tradeNo, attempt),
 * not by arrival order: concurrent tills interleave differently on every run, the decisions do not.
 */
export function faultFor(seed: number, rate: number, request: FaultRequest): Fault | undefined {
  const random = prngFor(seed, `fault|${request.endpoint}|${request.tradeNo ?? ''}|${request.attempt}`);
  if (random() >= rate) return undefined;
  const kind = pick(random, FAULT_KINDS);
  switch (kind) {
    case 'slow':
      return { kind, delayMs: CLIENT_TIMEOUT_MS + between(random, 30, 250) };
    case 'slow_body':
      // Half arrive late but within the client's budget, half trickle past it.
      return { kind, delayMs: random() < 0.5 ? between(random, 5, 60) : CLIENT_TIMEOUT_MS + between(random, 30, 250) };
    default:
      return { kind };
  }
}

interface Plan {
  tradeNo: string;
  amount: number;
  scenario: Scenario;
  /** The cashier closes the sale this long after the QR appears (null: never). */
  cancelAfterMs: number | null;
  thinkMs: number;
}

/** Outcomes: paid 40 %, partial 10 %, failed 15 %, never paid (expires) 35 %; 15 % cancelled. */
export function planPayment(seed: number, label: string, tradeNo: string): Plan {
  const random = prngFor(seed, `plan|${label}`);
  const amount = between(random, 10, 500) * 1_000;
  const afterMs = between(random, 0, 150);
  const roll = random();
  const scenario: Scenario =
    roll < 0.4
      ? { kind: 'paid', afterMs }
      : roll < 0.5
        ? { kind: 'partial', paidAmount: between(random, 1, amount - 1), afterMs }
        : roll < 0.65
          ? { kind: 'failed', status: pick(random, ['00029', '0002', '0010']), afterMs }
          : { kind: 'never' };
  const cancelAfterMs = random() < 0.15 ? between(random, 0, 40) : null;
  return { tradeNo, amount, scenario, cancelAfterMs, thinkMs: between(random, 0, 10) };
}

interface Till {
  index: number;
  file: string;
  clock: { offset: number; now: () => number };
  ledger: Ledger;
  service: PaymentService;
  nextTradeNo: string;
}

/**
 * N tills, each a PaymentService with its own SQLite ledger (one ledger per till is the design),
 * against ONE simulator over loopback HTTP. A till sells one sale at a time (`charge` refuses a
 * second concurrent one by design) while its tracker follows all earlier sales, so creates and
 * queries of all tills overlap. Afterwards every till restarts on its ledger and recovers.
 */
export async function runFaultTorture(options: FaultTortureOptions): Promise<FaultTortureResult> {
  const started = performance.now();
  const { seed, payments, tills: tillCount, faultRate = 0.25, settleTimeoutMs = 30_000 } = options;
  const dir = mkdtempSync(join(ledgerBase(), 'paypro-pos-torture-'));
  const faultsByKind: Record<string, number> = {};
  let faults = 0;
  const simulator = await startSimulator({
    merchantNo: MERCHANT_NO,
    secret: SECRET,
    host: '127.0.0.1',
    faults: (request) => {
      const fault = faultFor(seed, faultRate, request);
      if (fault) {
        faults++;
        faultsByKind[fault.kind] = (faultsByKind[fault.kind] ?? 0) + 1;
      }
      return fault;
    },
  });
  const settings: Settings = { ...DEFAULT_SETTINGS, merchantNo: MERCHANT_NO };
  const outcomes: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const chargeErrors: string[] = [];
  const integrity: string[] = [];
  const reported: string[] = [];
  const tills: Till[] = [];
  const agents: Agent[] = [];

  const openTill = (index: number, file: string, clock: Till['clock']): Till => {
    const ledger = Ledger.open(file, { now: clock.now });
    // Each till is its own machine: its own connection pool (6 sockets, as a browser per host),
    // not one shared process-wide pool that 20 tills' polling turns into a connection storm.
    const agent = new Agent({ connections: 6 });
    agents.push(agent);
    const client = createPayproClient({
      baseUrl: simulator.baseUrl,
      signer: createMerchantSigner(MERCHANT_NO, SECRET),
      timeoutMs: CLIENT_TIMEOUT_MS,
      fetch: ((url: string, init: RequestInit) => fetch(url, { ...init, dispatcher: agent } as RequestInit)) as typeof fetch,
    });
    const till: Till = {
      index,
      file,
      clock,
      ledger,
      nextTradeNo: '',
      service: undefined as unknown as PaymentService,
    };
    till.service = new PaymentService({
      ledger,
      gatewayFor: async () => client,
      settings: () => settings,
      now: clock.now,
      policy: TORTURE_POLICY,
      newTradeNo: () => till.nextTradeNo,
      // Faulted queries are expected; the invariants judge the outcome. Kept for diagnosis.
      onError: (error) => {
        const key = `till ${index}: ${String((error as Error)?.message ?? error).replace(/\d+/g, '#').slice(0, 70)}`;
        errors[key] = (errors[key] ?? 0) + 1;
      },
    });
    return till;
  };

  const diag = process.env.TORTURE_DIAG ? startDiagnostics(() => agents.slice(-tillCount), errors, simulator) : null;

  try {
    for (let index = 0; index < tillCount; index++) {
      const clock = { offset: 0, now: () => Date.now() + clock.offset };
      tills.push(openTill(index, join(dir, `till-${index}.sqlite`), clock));
    }

    // Batches: every till sells `perTillBatch` sales one after another (all tills at once), then
    // the batch is let settle, the tills' clocks jump past the QR expiry (15 min) so the
    // never-paid sales expire, and the batch must agree with the simulator before the next one.
    const allRows = () => tills.flatMap((till) => till.ledger.listBetween(0, Number.MAX_SAFE_INTEGER));
    const perTillBatch = options.perTillBatch ?? 10;
    let next = 0;
    const batchFailures: string[] = [];
    while (next < payments) {
      const batchStart = next;
      const batchSize = Math.min(payments - batchStart, perTillBatch * tillCount);
      next += batchSize;
      const inBatch = new Set<string>();
      await Promise.all(
        tills.map(async (till) => {
          for (let n = batchStart + till.index; n < batchStart + batchSize; n += tillCount) {
            const tradeNo = `TT${String(n).padStart(6, '0')}`;
            inBatch.add(tradeNo);
            const plan = planPayment(seed, String(n), tradeNo);
            outcomes[plan.scenario.kind] = (outcomes[plan.scenario.kind] ?? 0) + 1;
            simulator.script(tradeNo, plan.scenario);
            till.nextTradeNo = tradeNo;
            try {
              const payment = await till.service.charge({ amount: String(plan.amount) });
              reported.push(payment.tradeNo);
              till.service.watch(payment.tradeNo);
              if (plan.cancelAfterMs !== null) {
                outcomes.cancel = (outcomes.cancel ?? 0) + 1;
                await sleep(plan.cancelAfterMs);
                const state = till.service.get(tradeNo).state;
                if (state === 'awaiting_payment' || state === 'unknown') till.service.cancel(tradeNo);
              }
            } catch (error) {
              chargeErrors.push(`${tradeNo}: ${String(error)}`);
            }
            await sleep(plan.thinkMs);
          }
          till.service.watch(null);
        }),
      );
      // Every scripted outcome is due 150 ms after its order was created.
      await sleep(200);
      for (const till of tills) till.clock.offset += settings.qrExpiryMinutes * 60_000 + 1_000;
      const batchRows = () => allRows().filter((row) => inBatch.has(row.tradeNo));
      const settleStarted = performance.now();
      // The batch is judged against the batch's own orders: the simulator holds every earlier
      // batch's orders too, which are not in `batchRows` and would all read as "lost".
      const batchGateway: GatewaySide = {
        orders: () => simulator.orders().filter((order) => inBatch.has(order.tradeNo)),
        paymentLinkCalls: (tradeNo) => simulator.paymentLinkCalls(tradeNo),
      };
      const verdict = await settle(batchRows, batchGateway, [], settleTimeoutMs);
      diag?.batch(batchStart, performance.now() - settleStarted, isClean(verdict));
      if (!isClean(verdict)) {
        explain(verdict, tills, simulator);
        const counts = (['lost', 'duplicated', 'unresolved', 'mismatched'] as const).map((key) => `${key}=${verdict[key].length}`);
        const first = [...verdict.lost, ...verdict.duplicated, ...verdict.unresolved, ...verdict.mismatched][0];
        batchFailures.push(`batch at ${batchStart}: ${counts.join(' ')}; first: ${first}`);
      }
    }

    // Restart every till on its ledger, as after an app restart, check the file, and recover.
    for (const [position, till] of tills.entries()) {
      await till.service.close();
      till.ledger.close();
      const check = integrityCheck(till.file);
      if (check !== 'ok') integrity.push(`${till.file}: ${check}`);
      const reopened = openTill(till.index, till.file, till.clock);
      reopened.service.recover();
      tills[position] = reopened;
    }
    const verdict = await settle(allRows, simulator, reported, settleTimeoutMs);
    explain(verdict, tills, simulator);
    const requests = simulator.requests().length;
    const elapsedMs = performance.now() - started;
    const line = summaryLine('fault torture', { seed, runs: payments, faults, elapsedMs, extra: `tills=${tillCount} requests=${requests}` }, verdict);
    return { verdict, batchFailures, faults, faultsByKind, outcomes, chargeErrors, integrity, requests, errors, elapsedMs, line };
  } finally {
    diag?.stop();
    for (const till of tills) {
      await till.service.close().catch(() => undefined);
      try {
        till.ledger.close();
      } catch {
        // already closed
      }
    }
    await Promise.all(agents.map((agent) => agent.close().catch(() => undefined)));
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type PoolStats = { connected: number | boolean; free?: number; pending: number; running: number };

/**
 * TORTURE_DIAG=1: every 2 s one line with the simulator's request count, the event-loop delay
 * (p99 and max over the interval), each till's undici pool (connected/free/pending/running) and
 * each till's client timeouts so far; and one line per batch with its settle time. This is how a
 * "deaf" till (a pool stuck full of aborted requests) or a starved loop would show.
 */
function startDiagnostics(pools: () => Agent[], errors: Record<string, number>, simulator: Simulator) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  const timer = setInterval(() => {
    const stats = pools().map((agent) => {
      const pool = Object.values((agent as unknown as { stats: Record<string, PoolStats> }).stats)[0];
      return pool ? `${Number(pool.connected)}/${pool.free ?? '-'}/${pool.pending}/${pool.running}` : '-';
    });
    const timeouts = Object.entries(errors)
      .filter(([key]) => key.includes('no complete answer'))
      .map(([key, count]) => `${key.split(':')[0]}=${count}`);
    console.log(
      `[diag ${((performance.now() - started) / 1000).toFixed(0)} s] requests=${simulator.requests().length} ` +
        `loop p99=${ms(delay.percentile(99))} ms max=${ms(delay.max)} ms ` +
        `pools(conn/free/pending/running)=${stats.join(' ')} | timeouts ${timeouts.join(', ')}`,
    );
    delay.reset();
  }, 2_000);
  return {
    batch(start: number, settleMs: number, clean: boolean) {
      console.log(`[diag batch at ${start}] settled in ${settleMs.toFixed(0)} ms, clean=${clean}`);
    },
    stop() {
      clearInterval(timer);
      delay.disable();
    },
  };
}

/** Waits until the ledgers agree with the simulator (or the time is up) and returns the verdict. */
async function settle(
  rows: () => PaymentRecord[],
  simulator: GatewaySide,
  reported: readonly string[],
  timeoutMs: number,
): Promise<Verdict> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const current = rows();
    // Cheap test first: nothing open any more; then the one-for-one comparison.
    if (current.every((row) => isFinishedAtCounter(row.state))) {
      const verdict = checkInvariants(current, simulator, reported);
      if (isClean(verdict) || performance.now() > deadline) return verdict;
    } else if (performance.now() > deadline) {
      return checkInvariants(current, simulator, reported);
    }
    await sleep(50);
  }
}

/** Adds each problem payment's history (ledger events and gateway requests) to its line. */
function explain(verdict: Verdict, tills: readonly Till[], simulator: Simulator): void {
  for (const key of ['mismatched', 'unresolved', 'duplicated'] as const) {
    verdict[key] = verdict[key].map((line) => {
      const tradeNo = line.split(':')[0] ?? '';
      const till = tills.find((candidate) => candidate.ledger.get(tradeNo));
      const events = till?.ledger.events(tradeNo).map((event) => `${event.toState} (${event.note ?? ''})`) ?? [];
      const requests = simulator
        .requests()
        .filter((request) => request.tradeNo === tradeNo)
        .map((request) => `${request.endpoint}#${request.attempt} ${request.fault ?? 'ok'} ${request.code ?? '-'}`);
      return `${line} | ledger: ${events.join(' → ')} | gateway: ${requests.join(', ')}`;
    });
  }
}

/**
 * Where the tills' ledgers live: TORTURE_LEDGER_DIR, else tmpfs (/dev/shm) when there is one.
 * Twenty tills share ONE event loop here (in a shop each is its own machine with its own disk):
 * on this VM's disk their fsyncs (synchronous=FULL, kept) stalled the loop for up to 1.7 s,
 * every client call timed out and the run measured the disk, not the lifecycle. The crash suite
 * keeps its ledgers on the real disk, where durability is what is being tested.
 */
function ledgerBase(): string {
  if (process.env.TORTURE_LEDGER_DIR) return process.env.TORTURE_LEDGER_DIR;
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** PRAGMA integrity_check on a closed ledger file, as a separate connection. */
export function integrityCheck(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare('PRAGMA integrity_check').all().map((row) => String(row.integrity_check)).join('; ');
  } finally {
    db.close();
  }
}
