import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentView } from '../../../../shared/payment.ts';
import { PosError } from '../../../../electron/core/errors.ts';
import { startPaymentFixture, type PaymentFixture } from '../../../harness/payment-fixture.ts';

let fixture: PaymentFixture;

afterEach(async () => {
  await fixture?.close();
});

async function waitForState(tradeNo: string, state: PaymentView['state']) {
  await vi.waitFor(() => expect(fixture.ledger.get(tradeNo)?.state).toBe(state), { timeout: 3_000, interval: 10 });
}

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(PosError);
  return (error as PosError).code;
}

/** A QRIS sale of Rp 100.000 the customer paid Rp 25.000 of. */
async function partialSale(): Promise<string> {
  fixture.simulator.scriptNext({ kind: 'partial', paidAmount: 25_000, afterMs: 20 });
  const { tradeNo } = await fixture.service.charge({ amount: 100_000 });
  await waitForState(tradeNo, 'partially_paid');
  return tradeNo;
}

describe('a sale of several payments (issues 20 item 2 and 22)', () => {
  it('a cash sale is recorded paid with tender and change, opens the drawer hook once, and never reaches Paypro', async () => {
    const drawer: string[] = [];
    fixture = await startPaymentFixture({ service: { onCashReceived: (tradeNo) => drawer.push(tradeNo) } });
    const payment = await fixture.service.payCash({ amount: '35.000', tendered: '50.000' });

    expect(payment).toMatchObject({ state: 'paid', paidAmount: 35_000 });
    expect(payment.sale).toEqual({
      tradeNo: payment.tradeNo, amount: 35_000, received: 35_000, outstanding: 0,
      payments: [expect.objectContaining({ method: 'cash', cashTendered: 50_000, cashChange: 15_000 })],
    });
    expect(drawer).toEqual([payment.tradeNo]);
    expect(fixture.simulator.orders()).toEqual([]);
  });

  it('refuses a tender below the amount, records nothing and opens no drawer', async () => {
    const drawer: string[] = [];
    fixture = await startPaymentFixture({ service: { onCashReceived: (tradeNo) => drawer.push(tradeNo) } });
    expect(await codeOf(fixture.service.payCash({ amount: 35_000, tendered: 34_999 }))).toBe('cashSale.tender_short');
    expect(await codeOf(fixture.service.payCash({ amount: 35_000, tendered: '35.000,5' }))).toBe('cashSale.tender_invalid');
    expect(fixture.service.listDay().payments).toEqual([]);
    expect(drawer).toEqual([]);
  });

  it('Tagih sisa: a new QR for exactly the outstanding amount, linked to the sale; paid, the sale is one row paid in full with both Paypro numbers', async () => {
    fixture = await startPaymentFixture();
    const first = await partialSale();
    fixture.simulator.scriptNext({ kind: 'paid', afterMs: 20 });
    const rest = await fixture.service.chargeRest(first);

    expect(rest.amount).toBe(75_000);
    expect(rest.qr).toMatchObject({ kind: 'qris' });
    expect(rest.sale).toMatchObject({ tradeNo: first, received: 25_000, outstanding: 75_000 });
    await waitForState(rest.tradeNo, 'paid');

    const day = fixture.service.listDay();
    expect(day).toMatchObject({ receivedTotal: 100_000, paidCount: 1, partialCount: 0, outstandingTotal: 0 });
    expect(day.payments.map((payment) => payment.tradeNo)).toEqual([first]);
    const numbers = day.payments[0]!.sale!.payments.map((payment) => payment.platformTradeNo);
    expect(numbers).toEqual([fixture.simulator.order(first)!.platFormTradeNo, fixture.simulator.order(rest.tradeNo)!.platFormTradeNo]);
    expect(numbers.every((number) => number !== null)).toBe(true);
    // Nothing is left to charge.
    expect(await codeOf(fixture.service.chargeRest(first))).toBe('cashSale.nothing_outstanding');
  });

  it('the rest of a partial payment in cash: one sale fully paid, QRIS and cash apart', async () => {
    fixture = await startPaymentFixture();
    const first = await partialSale();
    const cash = await fixture.service.payCash({ saleTradeNo: first, tendered: 100_000 });

    expect(cash.sale).toMatchObject({ tradeNo: first, received: 100_000, outstanding: 0 });
    expect(cash.sale!.payments.map((payment) => [payment.method, payment.amount, payment.cashChange])).toEqual([
      ['qris', 100_000, null],
      ['cash', 75_000, 25_000],
    ]);
    expect(fixture.service.listDay()).toMatchObject({ receivedTotal: 100_000, paidCount: 1, partialCount: 0 });
  });

  it('a partial QR that Paypro later reports paid in full after the rest was paid in cash: the sale receives its amount, the excess is overpaid', async () => {
    fixture = await startPaymentFixture();
    const first = await partialSale();
    await fixture.service.payCash({ saleTradeNo: first, tendered: 75_000 });

    // The customer paid the rest on the QR too: Paypro now has Rp 100.000 for it.
    fixture.simulator.settle(first, 'paid');
    await waitForState(first, 'paid');
    expect(fixture.ledger.get(first)).toMatchObject({ paidAmount: 25_000, overpaidAmount: 75_000 });
    expect(fixture.service.listDay()).toMatchObject({ receivedTotal: 100_000, paidCount: 1 });
  });

  it('a QR the customer cannot scan is cancelled before the cash; Paypro saying later it was paid is a late payment, never silent', async () => {
    fixture = await startPaymentFixture();
    const qr = await fixture.service.charge({ amount: 39_000 });
    expect(qr.state).toBe('awaiting_payment');
    const cash = await fixture.service.payCash({ saleTradeNo: qr.tradeNo, tendered: 50_000 });

    expect(fixture.ledger.get(qr.tradeNo)?.state).toBe('cancelled');
    expect(cash.sale).toMatchObject({ tradeNo: qr.tradeNo, received: 39_000, outstanding: 0 });
    expect(fixture.service.listDay()).toMatchObject({ receivedTotal: 39_000, paidCount: 1 });

    // The customer had paid after all: main keeps checking the cancelled QR.
    fixture.simulator.settle(qr.tradeNo, 'paid');
    await waitForState(qr.tradeNo, 'paid');
    expect(fixture.ledger.day.lateUnresolved().map((sale) => sale.tradeNo)).toEqual([qr.tradeNo]);
    expect(fixture.service.listDay()).toMatchObject({ receivedTotal: 78_000, paidCount: 1 });
  });

  it('refuses Tagih sisa while a payment of the sale is still open', async () => {
    fixture = await startPaymentFixture();
    const qr = await fixture.service.charge({ amount: 39_000 });
    expect(await codeOf(fixture.service.chargeRest(qr.tradeNo))).toBe('cashSale.payment_open');
  });
});
