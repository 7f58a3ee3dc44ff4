import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES, type PaymentState } from '../../../../shared/payment.ts';
import {
  countOpenPayments,
  isEndOfDay,
  OPEN_PAYMENT_STATES,
  shouldCheckForUpdates,
  shouldInstallUpdate,
} from '../../../../electron/core/updates/update-policy.ts';

describe('update policy', () => {
  it('checks only in live mode with a feed', () => {
    expect(shouldCheckForUpdates({ environment: 'live', feedConfigured: true })).toEqual({ check: true });
    expect(shouldCheckForUpdates({ environment: 'training', feedConfigured: true })).toEqual({ check: false, reason: 'training' });
    expect(shouldCheckForUpdates({ environment: 'live', feedConfigured: false })).toEqual({ check: false, reason: 'no_feed' });
    expect(shouldCheckForUpdates({ environment: 'training', feedConfigured: false })).toEqual({ check: false, reason: 'no_feed' });
  });

  it('treats creating, unknown and awaiting_payment as open, and nothing else', () => {
    expect([...OPEN_PAYMENT_STATES].sort()).toEqual(['awaiting_payment', 'creating', 'unknown']);
    expect(countOpenPayments(['paid', 'failed', 'expired', 'cancelled', 'partially_paid'])).toBe(0);
    expect(countOpenPayments(['paid', 'awaiting_payment', 'unknown'])).toBe(2);
  });

  it('installs a downloaded update at quit or end of day when no payment is open', () => {
    for (const moment of ['quit', 'end_of_day'] as const) {
      expect(shouldInstallUpdate({ downloaded: true, moment, paymentStates: ['paid', 'expired'] })).toEqual({ install: true });
      expect(shouldInstallUpdate({ downloaded: true, moment, paymentStates: [] })).toEqual({ install: true });
    }
  });

  it('never installs mid-sale, outside the calm moments, or without a download', () => {
    expect(shouldInstallUpdate({ downloaded: true, moment: 'quit', paymentStates: ['awaiting_payment'] })).toEqual({ install: false, reason: 'payment_open' });
    expect(shouldInstallUpdate({ downloaded: true, moment: 'end_of_day', paymentStates: ['creating'] })).toEqual({ install: false, reason: 'payment_open' });
    expect(shouldInstallUpdate({ downloaded: true, moment: null, paymentStates: [] })).toEqual({ install: false, reason: 'not_now' });
    expect(shouldInstallUpdate({ downloaded: false, moment: 'quit', paymentStates: [] })).toEqual({ install: false, reason: 'nothing_downloaded' });
  });

  it('for any set of payments: installs if and only if none is open (property)', () => {
    const state = fc.constantFrom(...PAYMENT_STATES);
    fc.assert(
      fc.property(fc.array(state), fc.constantFrom('quit' as const, 'end_of_day' as const), (states: PaymentState[], moment) => {
        const decision = shouldInstallUpdate({ downloaded: true, moment, paymentStates: states });
        expect(decision.install).toBe(!states.some((s) => OPEN_PAYMENT_STATES.has(s)));
      }),
    );
  });

  it('the end of day runs from 22:00 to 05:00 local time', () => {
    const at = (hour: number) => new Date(2026, 2, 15, hour, 30);
    expect([21, 22, 23, 0, 4, 5, 12].map((hour) => isEndOfDay(at(hour)))).toEqual([false, true, true, true, true, false, false]);
    expect(isEndOfDay(at(20), 20)).toBe(true);
  });
});
