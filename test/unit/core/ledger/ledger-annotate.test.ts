import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError, type Ledger } from '../../../../electron/core/ledger/ledger.ts';
import { manualClock, newPayment, openLedger, T0, tempDir } from './fixture.ts';

let temp: ReturnType<typeof tempDir>;
let ledger: Ledger;
const clock = manualClock();

beforeEach(() => {
  temp = tempDir();
  clock.set(T0);
  ledger = openLedger(temp.file, clock.now);
});
afterEach(() => {
  ledger.close();
  temp.cleanup();
});

describe('Ledger.annotate', () => {
  it('appends an event in the payment\'s current state and changes nothing else', () => {
    ledger.record(newPayment('TRX-1'));
    ledger.update('TRX-1', { state: 'paid', paidAmount: 39_000 });
    const before = ledger.get('TRX-1');
    clock.set(T0 + 10);
    ledger.annotate('TRX-1', 'receipt.printed via 127.0.0.1:9100 x1');
    expect(ledger.get('TRX-1')).toEqual(before);
    expect(ledger.events('TRX-1').at(-1)).toEqual({
      id: expect.any(Number),
      tradeNo: 'TRX-1',
      at: T0 + 10,
      fromState: 'paid',
      toState: 'paid',
      note: 'receipt.printed via 127.0.0.1:9100 x1',
      change: {},
    });
  });

  it('refuses a trade number it does not hold', () => {
    expect(() => ledger.annotate('NOPE', 'receipt.printed')).toThrow(LedgerError);
    expect(ledger.events('NOPE')).toEqual([]);
  });
});
