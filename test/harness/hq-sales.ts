import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import type { PaymentState } from '../../shared/payment.ts';
import type { Ledger } from '../../electron/core/ledger/ledger.ts';
import type { HqFixture, Till } from './hq-fixture.ts';

/** Each sale's path after `creating`: paid, partial, failed, expired, cancelled, still awaiting, late after expiry. */
const PATHS: readonly (readonly [PaymentState, number | null][])[] = [
  [['awaiting_payment', null], ['paid', null]],
  [['awaiting_payment', null], ['partially_paid', 0.4]],
  [['failed', null]],
  [['awaiting_payment', null], ['expired', null]],
  [['awaiting_payment', null], ['cancelled', null]],
  [['awaiting_payment', null]],
  [['awaiting_payment', null], ['expired', null], ['paid', 1]],
];

/** `count` sales on a till from `startMs`, one a second, through every kind of ending (several writes each). */
export function sellSales(ledger: Ledger, prefix: string, count: number, startMs: number): void {
  for (let i = 0; i < count; i++) {
    const tradeNo = `${prefix}-${i}`;
    const amount = 1_000 + ((i * 7_919) % 10_000_000);
    ledger.record({
      tradeNo, amount, customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true },
      environment: 'training', createdAt: startMs + i * 1_000, expiresAt: startMs + i * 1_000 + 900_000,
    });
    for (const [state, paidShare] of PATHS[i % PATHS.length]!) {
      ledger.update(tradeNo, paidShare === null ? { state } : { state, paidAmount: Math.round(amount * paidShare) });
    }
  }
}

/**
 * The head office holds exactly the till's rows — none lost, none doubled, every one as the till
 * has it now — and the till has nothing left to send.
 */
export async function expectHqMatchesTill(hq: HqFixture, till: Till): Promise<void> {
  const local = new DatabaseSync(till.ledgerFile, { readOnly: true });
  try {
    const payments = local.prepare('SELECT id, trade_no, state, paid_amount, late_at FROM payments ORDER BY id').all()
      .map((row) => ({ id: Number(row.id), trade_no: row.trade_no, state: row.state, paid_amount: row.paid_amount === null ? null : Number(row.paid_amount), late_at: row.late_at === null ? null : Number(row.late_at) }));
    const events = Number(local.prepare('SELECT count(*) AS n FROM payment_events').get()?.n);
    expect(Number(local.prepare('SELECT count(*) AS n FROM hq_outbox').get()?.n)).toBe(0);
    const remote = await hq.asOwner<{ id: string; trade_no: string; state: string; paid_amount: string | null; late_at: string | null }>(
      'SELECT id, trade_no, state, paid_amount, late_at FROM paypro.payments WHERE till_id = $1 ORDER BY id', [till.sync.tillId]);
    expect(remote.map((row) => ({
      id: Number(row.id), trade_no: row.trade_no, state: row.state,
      paid_amount: row.paid_amount === null ? null : Number(row.paid_amount), late_at: row.late_at === null ? null : Number(row.late_at),
    }))).toEqual(payments);
    const [remoteEvents] = await hq.asOwner<{ n: string }>('SELECT count(*) AS n FROM paypro.payment_events WHERE till_id = $1', [till.sync.tillId]);
    expect(Number(remoteEvents?.n)).toBe(events);
  } finally {
    local.close();
  }
}
