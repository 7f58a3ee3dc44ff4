import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import {
  afterClockTick,
  afterCreateAnswer,
  afterCreateError,
  afterNotFound,
  afterQueryAnswer,
  afterQueryRefused,
  needsTracking,
} from '../../../../electron/core/payments/transitions.ts';
import { DEFAULT_TRACKING_POLICY } from '../../../../electron/core/payments/tracking-policy.ts';
import { waitingRecord } from './waiting-record.ts';

const record = waitingRecord;
const query = { tradeNo: 'T1', platformTradeNo: 'P1', paidAmount: null, message: null, successTime: null };

describe('afterCreateAnswer', () => {
  it.each([
    ['0015', 'awaiting_payment'],
    ['0000', 'paid'],
    ['0001', 'partially_paid'],
    ['00029', 'failed'],
  ])('maps gateway status %s to %s', (status, state) => {
    const answer = { tradeNo: 'T1', platformTradeNo: 'P1', status, desc: null, paymentUrl: null, qrString: 'QR' };
    expect(afterCreateAnswer(answer).change.state).toBe(state);
  });
});

describe('afterCreateError', () => {
  it.each([
    [new GatewayError('timeout', 't'), 'unknown', 'gateway.timeout'],
    [new GatewayError('network', 'n'), 'unknown', 'gateway.network'],
    [new GatewayError('http', 'h', { httpStatus: 502 }), 'unknown', 'gateway.http_server'],
    [new GatewayError('rejected', 'r', { gatewayCode: '5000' }), 'unknown', 'gateway.system_error'],
    [new GatewayError('http', 'h', { httpStatus: 400 }), 'failed', 'gateway.http_client'],
    [new GatewayError('rejected', 'r', { gatewayCode: '8000', gatewayMessage: 'sign error' }), 'failed', 'gateway.rejected'],
  ])('%s → %s, %s (a lost answer is never retried by a second create)', (error, state, code) => {
    const decision = afterCreateError(error);
    expect(decision.change.state).toBe(state);
    expect(decision.change.errorCode).toBe(code);
  });
});

describe('afterQueryAnswer', () => {
  it('records the amount the gateway says was paid, not the amount charged', () => {
    const decision = afterQueryAnswer(record, { ...query, status: '0001', paidAmount: 20_000 });
    expect(decision?.change).toMatchObject({ state: 'partially_paid', paidAmount: 20_000 });
  });

  it('takes the charged amount as paid when a paid answer carries no amount', () => {
    expect(afterQueryAnswer(record, { ...query, status: '0000' })?.change.paidAmount).toBe(50_000);
  });

  it('leaves a settled payment alone whatever the gateway says later', () => {
    expect(afterQueryAnswer({ ...record, state: 'paid' }, { ...query, status: '00029' })).toBeNull();
  });

  it('changes nothing while the gateway is still processing', () => {
    expect(afterQueryAnswer({ ...record, platformTradeNo: 'P1' }, { ...query, status: '0015' })).toBeNull();
  });

  it('turns an unknown payment the gateway holds into a waiting one, flagging the lost QR', () => {
    const decision = afterQueryAnswer({ ...record, state: 'unknown', qrString: null }, { ...query, status: '0015' });
    expect(decision?.change).toMatchObject({ state: 'awaiting_payment', errorCode: 'payment.qr_lost' });
  });

  it('keeps the payment page or QR a query answer carries for a payment whose create answer was lost', () => {
    const lost = { ...record, state: 'unknown' as const, qrString: null };
    const withPage = afterQueryAnswer(lost, { ...query, status: '0015', paymentUrl: 'https://pay.example/c/1' });
    expect(withPage?.change).toMatchObject({
      state: 'awaiting_payment',
      paymentUrl: 'https://pay.example/c/1',
      qrString: null,
      errorCode: null,
    });
    const withQr = afterQueryAnswer(lost, { ...query, status: '0015', qrString: 'QRIS', paymentUrl: null });
    expect(withQr?.change).toMatchObject({ state: 'awaiting_payment', qrString: 'QRIS', errorCode: null });
  });
});

describe('afterNotFound', () => {
  // The create attempt ended (and the payment became unknown) 20 s after it was recorded.
  const unknown = { ...record, state: 'unknown' as const, updatedAt: record.createdAt + 20_000 };
  it('waits out the grace period, counted from the end of the create attempt, before calling the order never created', () => {
    const grace = DEFAULT_TRACKING_POLICY.notFoundGraceMs;
    expect(afterNotFound(unknown, unknown.createdAt + grace, DEFAULT_TRACKING_POLICY)).toBeNull();
    expect(afterNotFound(unknown, unknown.updatedAt + grace - 1, DEFAULT_TRACKING_POLICY)).toBeNull();
    expect(afterNotFound(unknown, unknown.updatedAt + grace, DEFAULT_TRACKING_POLICY)?.change).toMatchObject({
      state: 'failed',
      errorCode: 'payment.not_created',
    });
  });

  it('never fails a payment the gateway once confirmed', () => {
    expect(afterNotFound(record, record.createdAt + 10 ** 9, DEFAULT_TRACKING_POLICY)).toBeNull();
  });

  it('fails a never-confirmed payment that was cancelled or expired while unknown', () => {
    const grace = DEFAULT_TRACKING_POLICY.notFoundGraceMs;
    for (const state of ['cancelled', 'expired'] as const) {
      const closed = { ...unknown, state, gatewayStatus: null };
      expect(afterNotFound(closed, closed.updatedAt + grace - 1, DEFAULT_TRACKING_POLICY)).toBeNull();
      expect(afterNotFound(closed, closed.updatedAt + grace, DEFAULT_TRACKING_POLICY)?.change).toMatchObject({
        state: 'failed',
        errorCode: 'payment.not_created',
      });
      // Confirmed once (a gateway status was recorded): a later "not found" is not believed.
      expect(afterNotFound({ ...closed, gatewayStatus: '0015' }, closed.createdAt + 10 ** 9, DEFAULT_TRACKING_POLICY)).toBeNull();
    }
  });
});

describe('afterClockTick and needsTracking', () => {
  it('expires an open payment exactly at its expiry', () => {
    expect(afterClockTick(record, record.expiresAt - 1)).toBeNull();
    expect(afterClockTick(record, record.expiresAt)?.change.state).toBe('expired');
    expect(afterClockTick({ ...record, state: 'cancelled' }, record.expiresAt)).toBeNull();
  });

  it('keeps open payments tracked forever and closed ones only through the late window', () => {
    const lateEnd = record.expiresAt + DEFAULT_TRACKING_POLICY.lateCheckWindowMs;
    expect(needsTracking(record, lateEnd + 10 ** 9, DEFAULT_TRACKING_POLICY)).toBe(true);
    expect(needsTracking({ ...record, state: 'expired' }, lateEnd - 1, DEFAULT_TRACKING_POLICY)).toBe(true);
    expect(needsTracking({ ...record, state: 'expired' }, lateEnd, DEFAULT_TRACKING_POLICY)).toBe(false);
    expect(needsTracking({ ...record, state: 'paid' }, 0, DEFAULT_TRACKING_POLICY)).toBe(false);
  });
});

describe('a settled sale the gateway may still pay (issue 20 #1, #8)', () => {
  const policy = DEFAULT_TRACKING_POLICY;
  const lateEnd = record.expiresAt + policy.lateCheckWindowMs;
  const notCreated = { ...record, state: 'failed' as const, gatewayStatus: null, errorCode: 'payment.not_created' };
  const partial = { ...record, state: 'partially_paid' as const, gatewayStatus: '0001', paidAmount: 20_000 };

  it('books a sale closed as never created as paid when the gateway turns out to have it paid', () => {
    expect(afterQueryAnswer(notCreated, { ...query, status: '0000', paidAmount: 50_000 })?.change).toMatchObject({
      state: 'paid',
      paidAmount: 50_000,
      platformTradeNo: 'P1',
    });
    expect(afterQueryAnswer(notCreated, { ...query, status: '0015' })).toBeNull();
    // A sale the gateway itself failed is not asked about again.
    const gatewayFailed = { ...notCreated, errorCode: 'gateway.status' };
    expect(afterQueryAnswer(gatewayFailed, { ...query, status: '0000' })).toBeNull();
    expect(needsTracking(gatewayFailed, record.createdAt, policy)).toBe(false);
  });

  it('moves a partial payment to paid on a later paid-in-full answer, and nothing else moves it', () => {
    expect(afterQueryAnswer(partial, { ...query, status: '0000', paidAmount: 50_000 })?.change).toMatchObject({
      state: 'paid',
      paidAmount: 50_000,
    });
    expect(afterQueryAnswer(partial, { ...query, status: '0000' })?.change.state).toBe('paid');
    expect(afterQueryAnswer(partial, { ...query, status: '0001', paidAmount: 30_000 })).toBeNull();
    expect(afterQueryAnswer(partial, { ...query, status: '0000', paidAmount: 30_000 })).toBeNull();
    expect(afterQueryAnswer(partial, { ...query, status: '00029' })).toBeNull();
    expect(afterQueryAnswer(partial, { ...query, status: '0015' })).toBeNull();
  });

  it('follows both through the late-payment window, like a sale closed on the counter', () => {
    for (const sale of [notCreated, partial]) {
      expect(needsTracking(sale, lateEnd - 1, policy)).toBe(true);
      expect(needsTracking(sale, lateEnd, policy)).toBe(false);
    }
  });

  it('records why a lost create cannot be settled when the gateway refuses the query', () => {
    const unknown = { ...record, state: 'unknown' as const, errorCode: 'gateway.timeout' };
    expect(afterQueryRefused(unknown, 'gateway.rejected')?.change).toEqual({
      state: 'unknown',
      errorCode: 'gateway.rejected',
      errorDetail: null,
    });
    expect(afterQueryRefused({ ...unknown, errorCode: 'gateway.rejected' }, 'gateway.rejected')).toBeNull();
    expect(afterQueryRefused(unknown, 'gateway.http_server')).toBeNull();
    expect(afterQueryRefused(record, 'gateway.rejected')).toBeNull();
  });
});

describe("Paypro's number (issue 20 #9)", () => {
  const lost = { ...record, platformTradeNo: null, gatewayStatus: null };

  it('is recorded from a failure answer', () => {
    expect(afterQueryAnswer({ ...lost, state: 'unknown' }, { ...query, status: '00029' })?.change).toMatchObject({
      state: 'failed',
      platformTradeNo: 'P1',
    });
  });

  it.each(['cancelled', 'expired', 'awaiting_payment'] as const)(
    'is recorded from a still-processing answer about a %s sale that lacks it, once',
    (state) => {
      const decision = afterQueryAnswer({ ...lost, state }, { ...query, status: '0015' });
      expect(decision?.change).toEqual({ state, platformTradeNo: 'P1' });
      expect(afterQueryAnswer({ ...lost, state, platformTradeNo: 'P1' }, { ...query, status: '0015' })).toBeNull();
      expect(afterQueryAnswer({ ...lost, state }, { ...query, platformTradeNo: null, status: '0015' })).toBeNull();
    },
  );
});
