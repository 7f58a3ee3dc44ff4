import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { LedgerError, type PaymentChange } from '../../../../electron/core/ledger/ledger.ts';
import { PAYMENT_STATES, canTransition, type PaymentState } from '../../../../shared/payment.ts';
import { T0, newPayment, openLedger, useLedger } from './fixture.ts';

const MINUTE = 60_000;

function expectLedgerError(run: () => unknown, code: LedgerError['code']): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(LedgerError);
  expect((thrown as LedgerError).code).toBe(code);
}

describe('Ledger', () => {
  const fixture = useLedger();

  it('records a new payment in state creating, with its first event', () => {
    fixture.clock.set(T0 + 5);
    const recorded = fixture.ledger.record(newPayment('TRX-1'));
    expect(recorded).toEqual({
      ...newPayment('TRX-1'),
      platformTradeNo: null,
      paidAmount: null,
      overpaidAmount: null,
      state: 'creating',
      gatewayStatus: null,
      qrString: null,
      paymentUrl: null,
      errorCode: null,
      errorDetail: null,
      updatedAt: T0 + 5,
    });
    expect(fixture.ledger.get('TRX-1')).toEqual(recorded);
    expect(fixture.ledger.events('TRX-1')).toEqual([
      { id: expect.any(Number), tradeNo: 'TRX-1', at: T0 + 5, fromState: null, toState: 'creating', note: null, change: {} },
    ]);
  });

  it('refuses a duplicate trade number and leaves the first payment as it was', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    expectLedgerError(() => fixture.ledger.record(newPayment('TRX-1', { amount: 50_000 })), 'duplicate_trade_no');
    expect(fixture.ledger.get('TRX-1')?.amount).toBe(39_000);
    expect(fixture.ledger.events('TRX-1')).toHaveLength(1);
  });

  it.each([
    ['zero amount', { amount: 0 }],
    ['negative amount', { amount: -1 }],
    ['fractional amount', { amount: 39_000.5 }],
    ['empty trade number', { tradeNo: '' }],
    ['unknown environment', { environment: 'staging' as 'live' }],
  ])('refuses a %s as invalid_record and writes nothing', (_name, overrides) => {
    const payment = newPayment('TRX-BAD', overrides);
    expectLedgerError(() => fixture.ledger.record(payment), 'invalid_record');
    expect(fixture.ledger.listBetween(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it('applies a change and appends its event with the note and exactly the fields given', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    fixture.clock.set(T0 + 1_000);
    const change: PaymentChange = {
      state: 'awaiting_payment',
      platformTradeNo: 'PP-77',
      qrString: '000201…',
      paymentUrl: 'https://pay.example/77',
      gatewayStatus: '0015',
    };
    const updated = fixture.ledger.update('TRX-1', change, 'gateway accepted');
    expect(updated).toMatchObject({ ...change, updatedAt: T0 + 1_000, createdAt: T0 });
    expect(fixture.ledger.get('TRX-1')).toEqual(updated);

    fixture.clock.set(T0 + 2_000);
    fixture.ledger.update('TRX-1', { state: 'paid', paidAmount: 39_000, gatewayStatus: '0000', errorCode: undefined });
    const events = fixture.ledger.events('TRX-1');
    expect(events.map((event) => [event.fromState, event.toState, event.at, event.note])).toEqual([
      [null, 'creating', T0, null],
      ['creating', 'awaiting_payment', T0 + 1_000, 'gateway accepted'],
      ['awaiting_payment', 'paid', T0 + 2_000, null],
    ]);
    expect(events[1]?.change).toEqual(change);
    // `undefined` means "not given": it is neither written nor recorded.
    expect(events[2]?.change).toEqual({ state: 'paid', paidAmount: 39_000, gatewayStatus: '0000' });
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
  });

  it('keeps the state when the change names none, and can clear a field with null', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    fixture.ledger.update('TRX-1', { state: 'unknown', errorCode: 'gateway.timeout', errorDetail: 'no answer in 10 s' });
    const cleared = fixture.ledger.update('TRX-1', { errorCode: null, errorDetail: null }, 'query: still processing');
    expect(cleared).toMatchObject({ state: 'unknown', errorCode: null, errorDetail: null });
    expect(fixture.ledger.events('TRX-1').at(-1)).toMatchObject({ fromState: 'unknown', toState: 'unknown' });
  });

  it('follows canTransition for every pair of states, and writes nothing on refusal', () => {
    const reach: Record<PaymentState, PaymentState[]> = {
      creating: [],
      unknown: ['unknown'],
      awaiting_payment: ['awaiting_payment'],
      paid: ['paid'],
      partially_paid: ['partially_paid'],
      failed: ['failed'],
      expired: ['awaiting_payment', 'expired'],
      cancelled: ['awaiting_payment', 'cancelled'],
    };
    let n = 0;
    for (const from of PAYMENT_STATES) {
      for (const to of PAYMENT_STATES) {
        const tradeNo = `TRX-${n++}`;
        fixture.ledger.record(newPayment(tradeNo));
        for (const step of reach[from]) fixture.ledger.update(tradeNo, { state: step });
        expect(fixture.ledger.get(tradeNo)?.state).toBe(from);
        const before = fixture.ledger.events(tradeNo);
        if (canTransition(from, to)) {
          expect(fixture.ledger.update(tradeNo, { state: to }).state).toBe(to);
        } else {
          expectLedgerError(() => fixture.ledger.update(tradeNo, { state: to, gatewayStatus: 'X' }), 'illegal_transition');
          expect(fixture.ledger.get(tradeNo)?.state).toBe(from);
          expect(fixture.ledger.get(tradeNo)?.gatewayStatus).toBeNull();
          expect(fixture.ledger.events(tradeNo)).toEqual(before);
        }
      }
    }
  });

  it('refuses any change to a settled payment, even one that keeps its state', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    fixture.ledger.update('TRX-1', { state: 'paid', paidAmount: 39_000 });
    expectLedgerError(() => fixture.ledger.update('TRX-1', { gatewayStatus: '0000' }), 'illegal_transition');
  });

  it('answers not_found for an unknown trade number', () => {
    expectLedgerError(() => fixture.ledger.update('NOPE', { state: 'failed' }), 'not_found');
    expect(fixture.ledger.get('NOPE')).toBeUndefined();
    expect(fixture.ledger.events('NOPE')).toEqual([]);
  });

  it('refuses fields that cannot change and values the schema forbids', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    expectLedgerError(() => fixture.ledger.update('TRX-1', { amount: 1 } as PaymentChange), 'invalid_record');
    expectLedgerError(() => fixture.ledger.update('TRX-1', { paidAmount: -5 }), 'invalid_record');
    expectLedgerError(() => fixture.ledger.update('TRX-1', { state: 'bogus' as PaymentState }), 'illegal_transition');
    expect(fixture.ledger.events('TRX-1')).toHaveLength(1);
  });

  it('rolls the row back when its event cannot be written (one transaction)', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    // A second connection adds a trigger that makes only the event insert fail.
    const other = new DatabaseSync(fixture.temp.file);
    other.exec(`CREATE TRIGGER fail_event BEFORE INSERT ON payment_events WHEN NEW.note = 'boom'
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
    other.close();
    expect(() => fixture.ledger.update('TRX-1', { state: 'awaiting_payment', platformTradeNo: 'PP-1' }, 'boom')).toThrow(
      /disk on fire/,
    );
    expect(fixture.ledger.get('TRX-1')).toMatchObject({ state: 'creating', platformTradeNo: null });
    expect(fixture.ledger.events('TRX-1')).toHaveLength(1);
    // And the fixture.ledger still works afterwards: no transaction was left open.
    expect(fixture.ledger.update('TRX-1', { state: 'awaiting_payment' }).state).toBe('awaiting_payment');
  });

  it('lists every payment the gateway has not settled, oldest first', () => {
    const finalStates: Record<string, PaymentChange[]> = {
      'A-creating': [],
      'B-unknown': [{ state: 'unknown' }],
      'C-awaiting': [{ state: 'awaiting_payment' }],
      'D-expired': [{ state: 'awaiting_payment' }, { state: 'expired' }],
      'E-cancelled': [{ state: 'awaiting_payment' }, { state: 'cancelled' }],
      'F-paid': [{ state: 'paid', paidAmount: 39_000 }],
      'G-partial': [{ state: 'partially_paid', paidAmount: 10_000 }],
      'H-failed': [{ state: 'failed' }],
    };
    // Created in reverse order of name, so "oldest first" is not "inserted first".
    Object.entries(finalStates).forEach(([tradeNo, steps], index) => {
      fixture.ledger.record(newPayment(tradeNo, { createdAt: T0 - index * MINUTE }));
      for (const step of steps) fixture.ledger.update(tradeNo, step);
    });
    expect(fixture.ledger.listUnsettled().map((payment) => payment.tradeNo)).toEqual([
      'E-cancelled',
      'D-expired',
      'C-awaiting',
      'B-unknown',
      'A-creating',
    ]);
  });

  it('lists payments created in [from, to), newest first, with an optional limit', () => {
    for (let minute = 0; minute < 5; minute++) {
      fixture.ledger.record(newPayment(`TRX-${minute}`, { createdAt: T0 + minute * MINUTE }));
    }
    fixture.ledger.record(newPayment('TRX-same-time', { createdAt: T0 + 2 * MINUTE }));
    const list = fixture.ledger.listBetween(T0 + MINUTE, T0 + 4 * MINUTE);
    expect(list.map((payment) => payment.tradeNo)).toEqual(['TRX-3', 'TRX-same-time', 'TRX-2', 'TRX-1']);
    expect(fixture.ledger.listBetween(T0, T0 + 10 * MINUTE, 2).map((payment) => payment.tradeNo)).toEqual(['TRX-4', 'TRX-3']);
    expect(fixture.ledger.listBetween(T0 + 10 * MINUTE, T0 + 20 * MINUTE)).toEqual([]);
  });

  it('summarizes a period per state; received counts paid (paidAmount or amount) and partial paidAmount; outstanding what partials owe', () => {
    const sales: [string, number, PaymentChange[]][] = [
      ['P1', 10_000, [{ state: 'paid', paidAmount: 10_000 }]],
      ['P2', 20_000, [{ state: 'paid' }]], // paid without a paidAmount: the amount charged
      ['PP', 50_000, [{ state: 'partially_paid', paidAmount: 30_000 }]],
      ['F1', 70_000, [{ state: 'failed' }]],
      ['W1', 15_000, [{ state: 'awaiting_payment' }]],
      ['C1', 11_000, []],
    ];
    for (const [tradeNo, amount, steps] of sales) {
      fixture.ledger.record(newPayment(tradeNo, { amount }));
      for (const step of steps) fixture.ledger.update(tradeNo, step);
    }
    fixture.ledger.record(newPayment('OTHER-DAY', { amount: 99_000, createdAt: T0 + 86_400_000 }));
    fixture.ledger.update('OTHER-DAY', { state: 'paid' });

    const summary = fixture.ledger.summarize(T0, T0 + 86_400_000);
    expect(summary.count).toBe(6);
    expect(summary.receivedTotal).toBe(10_000 + 20_000 + 30_000);
    expect(summary.outstandingTotal).toBe(50_000 - 30_000);
    expect(summary.byState).toEqual({
      creating: { count: 1, amount: 11_000 },
      unknown: { count: 0, amount: 0 },
      awaiting_payment: { count: 1, amount: 15_000 },
      paid: { count: 2, amount: 30_000 },
      partially_paid: { count: 1, amount: 50_000 },
      failed: { count: 1, amount: 70_000 },
      expired: { count: 0, amount: 0 },
      cancelled: { count: 0, amount: 0 },
    });
    expect(fixture.ledger.summarize(0, 1)).toMatchObject({ count: 0, receivedTotal: 0, outstandingTotal: 0 });
  });

  it('keeps everything across close and re-open', () => {
    fixture.ledger.record(newPayment('TRX-1'));
    fixture.ledger.update('TRX-1', { state: 'unknown', errorCode: 'gateway.timeout' });
    fixture.ledger.close();
    fixture.ledger = openLedger(fixture.temp.file, fixture.clock.now);
    expect(fixture.ledger.get('TRX-1')).toMatchObject({ state: 'unknown', errorCode: 'gateway.timeout' });
    expect(fixture.ledger.events('TRX-1')).toHaveLength(2);
  });
});
