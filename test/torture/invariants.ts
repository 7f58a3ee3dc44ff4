import type { PaymentRecord } from '../../electron/core/ledger/ledger.ts';
import type { PaymentLinkCalls, SimOrder } from '../../electron/core/simulator/server.ts';

/** What the checks need from the simulator (the parent's, whichever process the till ran in). */
export interface GatewaySide {
  orders(): SimOrder[];
  paymentLinkCalls(tradeNo: string): PaymentLinkCalls;
}

export interface Verdict {
  /** Payments the ledger holds. */
  payments: number;
  /** A simulator order with no ledger row, or a charge the till reported with no ledger row. */
  lost: string[];
  /** A tradeNo whose paymentLink reached the simulator more than once. */
  duplicated: string[];
  /** A payment still creating, unknown or awaiting payment. */
  unresolved: string[];
  /** A ledger state that does not match the simulator's record of the order. */
  mismatched: string[];
}

const FINAL_AT_GATEWAY = new Set(['0000', '0001', '0015']);

/**
 * The torture invariants, one for one between the tills' ledgers and the gateway's records:
 * - paid ↔ "0000" with the same paid amount; partially_paid ↔ "0001" with the same paid amount;
 * - failed ↔ a failure status, or no order at all (never created: nothing can be charged);
 * - expired / cancelled ↔ an order still "0015" (closed on the counter, never paid);
 * - no ledger row left creating / unknown / awaiting_payment;
 * - every simulator order has a ledger row, every charge the till reported has one;
 * - paymentLink received at most once per tradeNo (exactly once when an order exists).
 */
export function checkInvariants(
  ledgerRows: readonly PaymentRecord[],
  gateway: GatewaySide,
  reportedTradeNos: Iterable<string> = [],
): Verdict {
  const verdict: Verdict = { payments: ledgerRows.length, lost: [], duplicated: [], unresolved: [], mismatched: [] };
  const rows = new Map(ledgerRows.map((row) => [row.tradeNo, row]));
  const orders = new Map(gateway.orders().map((order) => [order.tradeNo, order]));

  for (const order of orders.values()) {
    if (!rows.has(order.tradeNo)) verdict.lost.push(`${order.tradeNo}: order ${order.status} has no ledger row`);
  }
  for (const tradeNo of new Set(reportedTradeNos)) {
    if (!rows.has(tradeNo)) verdict.lost.push(`${tradeNo}: charged by the till, not in its ledger`);
  }
  for (const row of rows.values()) {
    const calls = gateway.paymentLinkCalls(row.tradeNo);
    if (calls.received > 1) verdict.duplicated.push(`${row.tradeNo}: paymentLink received ${calls.received} times`);
    const order = orders.get(row.tradeNo);
    const problem = mismatch(row, order);
    if (problem === 'unresolved') verdict.unresolved.push(`${row.tradeNo}: still ${row.state}`);
    else if (problem) verdict.mismatched.push(`${row.tradeNo}: ${problem}`);
  }
  return verdict;
}

function mismatch(row: PaymentRecord, order: SimOrder | undefined): string | null {
  const status = order?.status ?? 'no order';
  switch (row.state) {
    case 'creating':
    case 'unknown':
    case 'awaiting_payment':
      return 'unresolved';
    case 'paid':
    case 'partially_paid': {
      const expected = row.state === 'paid' ? '0000' : '0001';
      if (order?.status !== expected) return `ledger ${row.state}, gateway ${status}`;
      if (row.paidAmount !== order.paidAmount) return `ledger paid ${row.paidAmount}, gateway paid ${order.paidAmount}`;
      return null;
    }
    case 'failed':
      return order === undefined || !FINAL_AT_GATEWAY.has(order.status) ? null : `ledger failed, gateway ${status}`;
    case 'expired':
    case 'cancelled':
      return order?.status === '0015' ? null : `ledger ${row.state}, gateway ${status}`;
  }
}

export function isClean(verdict: Verdict): boolean {
  return (
    verdict.lost.length + verdict.duplicated.length + verdict.unresolved.length + verdict.mismatched.length === 0
  );
}

export function summaryLine(
  suite: string,
  fields: { seed: number; runs: number; faults: number; elapsedMs: number; extra?: string },
  verdict: Verdict,
): string {
  return (
    `${suite}: seed=${fields.seed} runs=${fields.runs} payments=${verdict.payments} faults injected=${fields.faults} ` +
    `lost=${verdict.lost.length} duplicated=${verdict.duplicated.length} unresolved=${verdict.unresolved.length} ` +
    `mismatched=${verdict.mismatched.length}${fields.extra ? ` ${fields.extra}` : ''} ` +
    `(${(fields.elapsedMs / 1000).toFixed(1)} s; replay: TORTURE_SEED=${fields.seed})`
  );
}
