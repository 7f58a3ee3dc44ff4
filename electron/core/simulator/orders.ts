import { randomBytes } from 'node:crypto';
import type { QrFlaw } from './qris.ts';

/**
 * How a simulated order behaves. `afterMs` counts from creation (or from the `script` call for an
 * existing order) and is checked lazily when the order is read, so 0 means "settled on the first
 * query" and no timers are left running. `never` stays "0015" for the client's own expiry path.
 */
export type Scenario =
  | { kind: 'paid'; afterMs?: number }
  | { kind: 'partial'; paidAmount: number; afterMs?: number }
  | { kind: 'failed'; status?: string; afterMs?: number }
  | { kind: 'never' };

export type Settlement = 'paid' | 'partial' | 'failed';

/**
 * How the gateway describes an order it creates, for tests of what the till shows. Default: a
 * sound QRIS code and a payment page in the create answer, neither in query answers.
 */
export interface Issuance {
  /** A flaw in the QRIS code issued. */
  qrFlaw?: QrFlaw;
  /** No QRIS code at all, only the hosted payment page. */
  noQrString?: boolean;
  /** Query answers carry the order's paymentUrl (and qrString) too. */
  queryShowsLinks?: boolean;
}

export interface SettleOptions {
  /** For `partial` (default: half the amount); for `paid`, a faulty gateway's other amount. */
  paidAmount?: number;
  /** For `failed`; defaults to "00029" (REJECTED_TRANSACTION). */
  status?: string;
  /** A faulty gateway's `amount` text in query answers ("10000.5"); null leaves the field out. */
  amountText?: string | null;
}

export interface SimOrder {
  tradeNo: string;
  platFormTradeNo: string;
  amount: number;
  /** Paid so far, whole rupiah. */
  paidAmount: number;
  /** What query answers send as `amount` instead of paidAmount (see SettleOptions.amountText). */
  amountText?: string | null;
  /** "0015" until settled, then "0000", "0001" or the failure status. */
  status: string;
  message: string;
  createdAt: number;
  successTime: string | null;
  remark: string | null;
  paymentUrl: string;
  qrString: string | null;
  queryShowsLinks: boolean;
  /** The accepted request body, sign included. */
  request: Readonly<Record<string, unknown>>;
}

interface Entry {
  order: SimOrder;
  scenario: Scenario;
  scenarioFrom: number;
}

export type NewOrder = Pick<SimOrder, 'tradeNo' | 'amount' | 'remark' | 'request'> & {
  describe: (platFormTradeNo: string, qrFlaw: QrFlaw | undefined) => { paymentUrl: string; qrString: string };
};

export const PROCESSING = '0015';
const PARTIAL = '0001';

/**
 * The training simulator runs for the app's lifetime: it keeps the newest orders only (Map order
 * is creation order; the oldest go first). 2,000 is several busy training days (a shop practises
 * tens to a few hundred sales a day), so a whole day's practice sales stay visible.
 */
export const MAX_SIM_ORDERS = 2_000;

export function createOrderBook(now: () => number, defaultScenario: Scenario = { kind: 'never' }, maxOrders: number = MAX_SIM_ORDERS) {
  const entries = new Map<string, Entry>();
  /** platFormTradeNo → tradeNo: the cashier page finds its order without scanning them all. */
  const byPlatform = new Map<string, string>();
  const nextScenarios: Scenario[] = [];
  const pendingScripts = new Map<string, Scenario>();
  const nextIssuances: Issuance[] = [];

  /** Applies a due scenario; reading an order is what moves it on. */
  function advance(entry: Entry): SimOrder {
    const { order, scenario } = entry;
    if (order.status !== PROCESSING || scenario.kind === 'never') return order;
    if (now() - entry.scenarioFrom < (scenario.afterMs ?? 0)) return order;
    if (scenario.kind === 'paid') settleOrder(order, 'paid', {});
    else if (scenario.kind === 'partial') settleOrder(order, 'partial', { paidAmount: scenario.paidAmount });
    else settleOrder(order, 'failed', scenario.status === undefined ? {} : { status: scenario.status });
    return order;
  }

  function settleOrder(order: SimOrder, outcome: Settlement, options: SettleOptions): void {
    if (outcome === 'paid') {
      Object.assign(order, { status: '0000', message: 'SUCCESS', paidAmount: options.paidAmount ?? order.amount });
      if (options.amountText !== undefined) order.amountText = options.amountText;
    } else if (outcome === 'partial') {
      const paidAmount = options.paidAmount ?? Math.max(1, Math.floor(order.amount / 2));
      Object.assign(order, { status: PARTIAL, message: 'PARTIAL_PAYMENT', paidAmount });
    } else {
      Object.assign(order, { status: options.status ?? '00029', message: 'REJECTED_TRANSACTION' });
    }
    if (outcome !== 'failed') order.successTime = jakartaTime(now());
  }

  return {
    has: (tradeNo: string): boolean => entries.has(tradeNo),

    create(input: NewOrder): SimOrder {
      const platFormTradeNo = randomBytes(8).toString('hex');
      const createdAt = now();
      const issuance = nextIssuances.shift() ?? {};
      const described = input.describe(platFormTradeNo, issuance.qrFlaw);
      const order: SimOrder = {
        tradeNo: input.tradeNo,
        platFormTradeNo,
        amount: input.amount,
        paidAmount: 0,
        status: PROCESSING,
        message: 'Paying',
        createdAt,
        successTime: null,
        remark: input.remark,
        request: input.request,
        paymentUrl: described.paymentUrl,
        qrString: issuance.noQrString ? null : described.qrString,
        queryShowsLinks: issuance.queryShowsLinks ?? false,
      };
      const scenario = pendingScripts.get(input.tradeNo) ?? nextScenarios.shift() ?? defaultScenario;
      pendingScripts.delete(input.tradeNo);
      entries.set(input.tradeNo, { order, scenario, scenarioFrom: createdAt });
      byPlatform.set(platFormTradeNo, input.tradeNo);
      for (const [oldest, entry] of entries) {
        if (entries.size <= maxOrders) break;
        entries.delete(oldest);
        byPlatform.delete(entry.order.platFormTradeNo);
      }
      return order;
    },

    get(tradeNo: string): SimOrder | undefined {
      const entry = entries.get(tradeNo);
      return entry && advance(entry);
    },

    byPlatformTradeNo(platFormTradeNo: string): SimOrder | undefined {
      const tradeNo = byPlatform.get(platFormTradeNo);
      const entry = tradeNo === undefined ? undefined : entries.get(tradeNo);
      return entry && advance(entry);
    },

    list: (): SimOrder[] => [...entries.values()].map((entry) => ({ ...advance(entry) })),

    scriptNext(scenario: Scenario): void {
      nextScenarios.push(scenario);
    },

    /** The next order created (by any tradeNo) is described so. */
    issueNext(issuance: Issuance): void {
      nextIssuances.push(issuance);
    },

    script(tradeNo: string, scenario: Scenario): void {
      const entry = entries.get(tradeNo);
      if (entry) Object.assign(entry, { scenario, scenarioFrom: now() });
      else pendingScripts.set(tradeNo, scenario);
    },

    settle(tradeNo: string, outcome: Settlement, options: SettleOptions = {}): SimOrder {
      const entry = entries.get(tradeNo);
      if (!entry) throw new Error(`No simulated order ${tradeNo}.`);
      // A partial payment may still be paid in full later (the gateway reports 0001, then 0000).
      const status = advance(entry).status;
      const completesPartial = status === PARTIAL && outcome === 'paid';
      if (status !== PROCESSING && !completesPartial) throw new Error(`Order ${tradeNo} is already settled.`);
      settleOrder(entry.order, outcome, options);
      return { ...entry.order };
    },

    /**
     * Drops an order, as a gateway that no longer keeps it would (the training simulator holds its
     * orders in memory only, a bounded number, and none across a restart): queries then answer
     * "order does not exist". Returns whether it was known.
     */
    forget: (tradeNo: string): boolean => entries.delete(tradeNo),

    paidTotal: (): number => [...entries.values()].reduce((sum, entry) => sum + advance(entry).paidAmount, 0),
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;

/** Paypro reports local (WIB, UTC+7) wall-clock time, e.g. "2024-07-01 18:34:31". */
function jakartaTime(epochMs: number): string {
  return new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
