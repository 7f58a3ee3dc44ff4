import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentView } from '../../../../shared/payment.ts';
import { PosError } from '../../../../electron/core/errors.ts';
import { CLIENT_TIMEOUT_MS, FAST_POLICY, startPaymentFixture, type PaymentFixture } from '../../../harness/payment-fixture.ts';

const sale = { amount: 75_000 };
let fixture: PaymentFixture;

afterEach(async () => {
  await fixture?.close();
});

function stateOf(tradeNo: string) {
  return fixture.ledger.get(tradeNo)?.state;
}

async function waitForState(tradeNo: string, state: PaymentView['state'], timeout = 3_000) {
  await vi.waitFor(() => expect(stateOf(tradeNo)).toBe(state), { timeout, interval: 10 });
}

describe('charge', () => {
  it('records the sale before the gateway hears of it, then shows a QR that matches the amount', async () => {
    const statesSeenByGateway: (string | undefined)[] = [];
    fixture = await startPaymentFixture({
      simulator: {
        faults: ({ endpoint, tradeNo }) => {
          if (endpoint === 'paymentLink' && tradeNo) statesSeenByGateway.push(stateOf(tradeNo));
          return undefined;
        },
      },
    });
    const payment = await fixture.service.charge(sale);

    expect(statesSeenByGateway).toEqual(['creating']);
    expect(payment.state).toBe('awaiting_payment');
    expect(payment.amount).toBe(75_000);
    expect(payment.qr).toMatchObject({ kind: 'qris', merchantName: 'TOKO LATIHAN' });
    expect(payment.qr.kind === 'qris' && payment.qr.payload).toBe(fixture.simulator.order(payment.tradeNo)?.qrString);
    // No customer typed: the view names none (the training contact went to the simulator).
    expect(payment.customer).toEqual({ name: '', mobile: '', email: '' });
    expect(fixture.ledger.events(payment.tradeNo).map((event) => event.toState)).toEqual(['creating', 'awaiting_payment']);
  });

  it.each([
    { scenario: { kind: 'paid' as const, afterMs: 30 }, state: 'paid', paidAmount: 75_000 },
    { scenario: { kind: 'partial' as const, paidAmount: 50_000, afterMs: 30 }, state: 'partially_paid', paidAmount: 50_000 },
    { scenario: { kind: 'failed' as const, status: '00029', afterMs: 30 }, state: 'failed', paidAmount: null },
  ])('follows the payment to $state and tells the listeners', async ({ scenario, state, paidAmount }) => {
    fixture = await startPaymentFixture();
    const updates: PaymentView[] = [];
    fixture.service.onUpdate((payment) => updates.push(payment));
    fixture.simulator.scriptNext(scenario);

    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, state as PaymentView['state']);

    const final = fixture.service.get(tradeNo);
    expect(final.paidAmount).toBe(paidAmount);
    expect(final.gatewayStatus).toBe(fixture.simulator.order(tradeNo)?.status);
    expect(updates.map((update) => update.state)).toEqual(['creating', 'awaiting_payment', state]);
    expect(fixture.simulator.paymentLinkCalls(tradeNo).received).toBe(1);
  });

  it('refuses bad input with every broken field, records nothing and sends nothing', async () => {
    fixture = await startPaymentFixture();
    const error = await fixture.service
      .charge({ amount: '500', customer: { mobile: '0712345678', email: 'not-an-email' } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PosError);
    expect((error as PosError).code).toBe('validation');
    expect((error as PosError).fields).toEqual({
      amount: { code: 'amount.below_min', params: { min: 1_000 } },
      mobile: { code: 'mobile.bad_prefix' },
      email: { code: 'email.invalid' },
    });
    expect(fixture.ledger.listBetween(0, Date.now() + 1e9)).toEqual([]);
    expect(fixture.simulator.requests()).toEqual([]);
  });

  it('records nothing when the gateway cannot be reached for lack of credentials', async () => {
    fixture = await startPaymentFixture({
      service: { gatewayFor: async () => Promise.reject(new PosError('not_configured')) },
    });
    await expect(fixture.service.charge(sale)).rejects.toMatchObject({ code: 'not_configured' });
    expect(fixture.ledger.listBetween(0, Date.now() + 1e9)).toEqual([]);
  });

  it('cannot create two payments from a double press', async () => {
    fixture = await startPaymentFixture();
    const [first, second] = await Promise.allSettled([fixture.service.charge(sale), fixture.service.charge(sale)]);

    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'payment.charge_in_progress' } });
    expect(fixture.simulator.orders()).toHaveLength(1);
  });

  it('fails the sale, without retrying, when the gateway refuses the order', async () => {
    fixture = await startPaymentFixture({ simulator: { secret: 'a-different-secret' } });
    const payment = await fixture.service.charge(sale);

    expect(payment.state).toBe('failed');
    expect(payment.errorCode).toBe('gateway.rejected');
    expect(payment.errorDetail).toContain('8000');
    expect(fixture.simulator.paymentLinkCalls(payment.tradeNo)).toMatchObject({ received: 1, accepted: 0 });
  });
});

describe('a create whose answer is lost', () => {
  it.each([
    { fault: { kind: 'slow' as const, delayMs: CLIENT_TIMEOUT_MS + 350 }, code: 'gateway.timeout' },
    { fault: { kind: 'non_json' as const }, code: 'gateway.malformed' },
    { fault: { kind: 'drop_after_read' as const }, code: 'gateway.network' },
  ])('($fault.kind, order created) is found by query, never sent twice, and paid', async ({ fault, code }) => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, fault, { times: 1 });
    fixture.simulator.scriptNext({ kind: 'paid', afterMs: 50 });

    const payment = await fixture.service.charge(sale);
    expect(payment.state).toBe('unknown');
    expect(payment.errorCode).toBe(code);
    expect(payment.qr).toEqual({ kind: 'none' });

    await waitForState(payment.tradeNo, 'paid');
    expect(fixture.simulator.paymentLinkCalls(payment.tradeNo).received).toBe(1);
    expect(fixture.simulator.orders()).toHaveLength(1);
    expect(fixture.service.get(payment.tradeNo).errorCode).toBeNull();
  });

  it('that the gateway turns out to hold, waiting, says its QR was lost', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
    const { tradeNo } = await fixture.service.charge(sale);

    await waitForState(tradeNo, 'awaiting_payment');
    expect(fixture.service.get(tradeNo)).toMatchObject({ errorCode: 'payment.qr_lost', qr: { kind: 'none' } });
    expect(fixture.simulator.paymentLinkCalls(tradeNo).received).toBe(1);
  });

  it('that the gateway holds with no QR, showing nothing scannable, is the counter state qr_lost', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, 'awaiting_payment');
    expect(fixture.service.get(tradeNo)).toMatchObject({ counterState: 'qr_lost', qr: { kind: 'none' } });
  });

  it('shows the payment page as the QR when the query answer carries it', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.issueNext({ noQrString: true, queryShowsLinks: true });
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, 'awaiting_payment');
    const payment = fixture.service.get(tradeNo);
    const { paymentUrl } = fixture.simulator.order(tradeNo) ?? {};
    expect(payment).toMatchObject({ counterState: 'awaiting_payment', errorCode: null, paymentUrl });
    expect(payment.qr).toEqual({ kind: 'payment_url', payload: paymentUrl });
    expect(fixture.simulator.paymentLinkCalls(tradeNo).received).toBe(1);
  });

  it.each([{ kind: 'http500' as const }, { kind: 'drop_before_process' as const }])(
    '($kind, nothing created) fails as never created once the grace period is over',
    async (fault) => {
      fixture = await startPaymentFixture();
      fixture.simulator.injectFault({ endpoint: 'paymentLink' }, fault, { times: 1 });

      const payment = await fixture.service.charge(sale);
      expect(payment.state).toBe('unknown');
      await waitForState(payment.tradeNo, 'failed');
      expect(fixture.service.get(payment.tradeNo).errorCode).toBe('payment.not_created');
      expect(fixture.simulator.orders()).toEqual([]);
      expect(fixture.simulator.paymentLinkCalls(payment.tradeNo).received).toBe(1);
    },
  );
});

describe('a create whose answer is lost, queried while the gateway refuses the merchant', () => {
  // Issue 20 #1: the gateway had the order but answered "merchant not found" (the merchant
  // number edited meanwhile); that was read as "order does not exist" and the sale, paid by the
  // customer, was booked failed as never created.
  it('is never booked as not created: it stays unknown, says why, and is paid once the gateway answers again', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
    const refuse = fixture.simulator.injectFault({ endpoint: 'queryPayInResult' }, { kind: 'reject', msg: 'merchant not found' });
    const { tradeNo } = await fixture.service.charge(sale);
    const queries = () => fixture.simulator.requests().filter((request) => request.endpoint === 'queryPayInResult').length;

    fixture.clock.advance(FAST_POLICY.notFoundGraceMs * 2);
    const before = queries();
    await vi.waitFor(() => expect(queries()).toBeGreaterThan(before + 2), { timeout: 3_000, interval: 10 });
    expect(fixture.service.get(tradeNo)).toMatchObject({ state: 'unknown', errorCode: 'gateway.rejected' });

    refuse();
    fixture.simulator.settle(tradeNo, 'paid');
    await waitForState(tradeNo, 'paid');
  });
});

describe('a create that never reached the gateway (issue 20 #10)', () => {
  it('is called never created as the grace ends, not a backoff later', async () => {
    // Off screen, checks back off to 5 s; the grace is 300 ms: the verdict must not wait 5 s.
    const policy = { ...FAST_POLICY, backoffStartMs: 5_000, backoffMaxMs: 5_000, notFoundGraceMs: 300 };
    fixture = await startPaymentFixture({ service: { policy } });
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'http500' }, { times: 1 });
    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, 'failed', 2_000);
    expect(fixture.service.get(tradeNo).errorCode).toBe('payment.not_created');
  });
});

describe('a create whose answer is lost, then closed on the counter', () => {
  it('is failed as never created once the grace is over, so it leaves the unsettled list', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_before_process' }, { times: 1 });
    const payment = await fixture.service.charge(sale);
    expect(payment.state).toBe('unknown');
    expect(fixture.service.cancel(payment.tradeNo).state).toBe('cancelled');

    await waitForState(payment.tradeNo, 'failed');
    expect(fixture.service.get(payment.tradeNo).errorCode).toBe('payment.not_created');
    expect(fixture.ledger.listUnsettled()).toEqual([]);
    expect(fixture.simulator.paymentLinkCalls(payment.tradeNo).received).toBe(1);
  });
});

describe('tracking', () => {
  describe('when the first check comes', () => {
    // Checks off screen start far away, so any early query here came from the schedule under test.
    const policy = { ...FAST_POLICY, watchedIntervalMs: 400, backoffStartMs: 10_000, backoffMaxMs: 10_000 };
    const queries = (tradeNo: string) =>
      fixture.simulator.requests().filter((request) => request.endpoint === 'queryPayInResult' && request.tradeNo === tradeNo).length;

    it('does not ask about a QR just issued at once, and checks the one on screen within the watched interval', async () => {
      fixture = await startPaymentFixture({ service: { policy } });
      const { tradeNo } = await fixture.service.charge(sale);
      // The screen says so as it opens, more than once if it renders again: still no query at once.
      for (let i = 0; i < 3; i++) fixture.service.watch(tradeNo);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(queries(tradeNo)).toBe(0);
      await vi.waitFor(() => expect(queries(tradeNo)).toBe(1), { timeout: 2_000, interval: 10 });
    });

    it('lets a watch lapse when the screen stops renewing it (window reloaded or closed): the sale backs off', async () => {
      const lease = { ...FAST_POLICY, watchedIntervalMs: 20, watchLeaseMs: 300, backoffStartMs: 10_000, backoffMaxMs: 10_000 };
      fixture = await startPaymentFixture({ service: { policy: lease } });
      const { tradeNo } = await fixture.service.charge(sale);
      fixture.service.watch(tradeNo);
      await vi.waitFor(() => expect(queries(tradeNo)).toBeGreaterThanOrEqual(3), { timeout: 2_000, interval: 10 });
      // Nobody renews the watch: once the lease is over, no more checks every 20 ms.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const afterLease = queries(tradeNo);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(queries(tradeNo)).toBe(afterLease);
      // Renewed, it is watched again.
      fixture.service.watch(tradeNo);
      await vi.waitFor(() => expect(queries(tradeNo)).toBeGreaterThan(afterLease + 2), { timeout: 2_000, interval: 10 });
    });

    it('asks about a lost answer at once, watched or not', async () => {
      fixture = await startPaymentFixture({ service: { policy } });
      fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
      const { tradeNo, state } = await fixture.service.charge(sale);
      expect(state).toBe('unknown');
      await vi.waitFor(() => expect(queries(tradeNo)).toBeGreaterThan(0), { timeout: 300, interval: 5 });
    });
  });

  it('rides out failing queries and still sees the payment through', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.injectFault({ endpoint: 'queryPayInResult' }, { kind: 'http500' }, { times: 3 });
    fixture.simulator.injectFault({ endpoint: 'queryPayInResult' }, { kind: 'non_json' }, { times: 2 });
    fixture.simulator.scriptNext({ kind: 'paid' });

    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, 'paid');
    expect(fixture.errors.length).toBeGreaterThanOrEqual(5);
  });

  it('expires a payment nobody paid, then still catches a late payment', async () => {
    fixture = await startPaymentFixture();
    const { tradeNo, expiresAt, createdAt } = await fixture.service.charge(sale);
    expect(expiresAt - createdAt).toBe(fixture.settings.qrExpiryMinutes * 60_000);

    fixture.clock.advance(expiresAt - createdAt);
    fixture.service.watch(tradeNo);
    await waitForState(tradeNo, 'expired');

    fixture.simulator.settle(tradeNo, 'paid');
    await waitForState(tradeNo, 'paid');
    expect(fixture.ledger.events(tradeNo).at(-1)?.note).toContain('after it was closed on the counter');
  });

  it('stops asking once the late-payment window is over', async () => {
    fixture = await startPaymentFixture();
    const { tradeNo, expiresAt, createdAt } = await fixture.service.charge(sale);
    fixture.clock.advance(expiresAt - createdAt + 10 * 60_000);
    await waitForState(tradeNo, 'expired');
    const queries = () => fixture.simulator.requests().filter((request) => request.endpoint === 'queryPayInResult').length;
    const before = queries();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queries()).toBe(before);
  });

  it('cancels on the counter but keeps checking, so a customer who paid anyway is not lost', async () => {
    fixture = await startPaymentFixture();
    const { tradeNo } = await fixture.service.charge(sale);

    expect(fixture.service.cancel(tradeNo).state).toBe('cancelled');
    fixture.simulator.settle(tradeNo, 'paid');
    await waitForState(tradeNo, 'paid');
  });

  it('refuses to cancel a settled payment', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.scriptNext({ kind: 'paid' });
    const { tradeNo } = await fixture.service.charge(sale);
    await waitForState(tradeNo, 'paid');
    expect(() => fixture.service.cancel(tradeNo)).toThrow(expect.objectContaining({ code: 'payment.not_cancellable' }));
  });

  it('rechecks on demand', async () => {
    fixture = await startPaymentFixture();
    const { tradeNo } = await fixture.service.charge(sale);
    fixture.simulator.settle(tradeNo, 'partial', { paidAmount: 20_000 });
    const payment = await fixture.service.recheck(tradeNo);
    expect(payment).toMatchObject({ state: 'partially_paid', paidAmount: 20_000 });
  });

  it("asks the gateway on the cashier's re-check and answers what it said, or that it did not answer", async () => {
    let down = false;
    fixture = await startPaymentFixture({
      simulator: { faults: ({ endpoint }) => (down && endpoint === 'queryPayInResult' ? { kind: 'http500' } : undefined) },
    });
    const { tradeNo } = await fixture.service.charge(sale);
    const waiting = await fixture.service.ask(tradeNo);
    expect(waiting.answer).toMatchObject({ kind: 'answered', status: '0015', outcome: 'processing' });
    expect(waiting.payment.state).toBe('awaiting_payment');
    down = true;
    const unanswered = await fixture.service.ask(tradeNo);
    expect(unanswered.answer).toMatchObject({ kind: 'no_answer', code: 'gateway.http_server' });
    expect(unanswered.payment.state).toBe('awaiting_payment');
    down = false;
    // A settled sale is asked too (recheck() would not): the gateway's word, the state unchanged.
    fixture.simulator.settle(tradeNo, 'paid');
    expect((await fixture.service.ask(tradeNo)).answer).toMatchObject({ kind: 'answered', status: '0000', outcome: 'paid' });
    expect((await fixture.service.ask(tradeNo)).payment.state).toBe('paid');
    await expect(fixture.service.ask('nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  // Issue 20 #8: a partial payment was final, so a later "paid in full" changed nothing.
  it('keeps following a partial payment and books the later paid-in-full answer', async () => {
    fixture = await startPaymentFixture();
    const { tradeNo } = await fixture.service.charge(sale);
    fixture.simulator.settle(tradeNo, 'partial', { paidAmount: 20_000 });
    await waitForState(tradeNo, 'partially_paid');
    fixture.simulator.settle(tradeNo, 'paid');
    await waitForState(tradeNo, 'paid');
    expect(fixture.service.get(tradeNo).paidAmount).toBe(sale.amount);
    expect(fixture.ledger.events(tradeNo).at(-1)?.note).toContain('after a partial payment');
  });

  it("applies a paid answer to a partial payment on the cashier's re-check (Periksa ulang)", async () => {
    fixture = await startPaymentFixture();
    const { tradeNo, expiresAt, createdAt } = await fixture.service.charge(sale);
    fixture.simulator.settle(tradeNo, 'partial', { paidAmount: 20_000 });
    await waitForState(tradeNo, 'partially_paid');
    // Past the late-payment window nothing asks on its own; the cashier's re-check still does.
    fixture.clock.advance(expiresAt - createdAt + FAST_POLICY.lateCheckWindowMs);
    fixture.simulator.settle(tradeNo, 'paid');
    const { payment, answer } = await fixture.service.ask(tradeNo);
    expect(answer).toMatchObject({ kind: 'answered', status: '0000' });
    expect(payment).toMatchObject({ state: 'paid', paidAmount: sale.amount });
  });

  it('follows a partial payment again after a restart', async () => {
    const policy = { ...FAST_POLICY, lateCheckIntervalMs: 60_000 };
    fixture = await startPaymentFixture({ service: { policy } });
    const { tradeNo } = await fixture.service.charge(sale);
    fixture.simulator.settle(tradeNo, 'partial', { paidAmount: 20_000 });
    await fixture.service.recheck(tradeNo);
    expect(stateOf(tradeNo)).toBe('partially_paid');
    const restarted = await fixture.restart();
    expect(restarted.recover()).toBe(1);
    fixture.simulator.settle(tradeNo, 'paid');
    await waitForState(tradeNo, 'paid');
  });

  it('throws not_found for a trade number it does not hold', async () => {
    fixture = await startPaymentFixture();
    expect(() => fixture.service.get('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(fixture.service.recheck('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('QR integrity', () => {
  it('shows no scannable code when the gateway QR asks for another amount', async () => {
    fixture = await startPaymentFixture({
      wrapGateway: (gateway) => ({
        ...gateway,
        createPaymentLink: async (request) => gateway.createPaymentLink({ ...request, amount: request.amount + 1_000 }),
      }),
    });
    const payment = await fixture.service.charge(sale);
    expect(payment.state).toBe('awaiting_payment');
    expect(payment.qr).toMatchObject({ kind: 'integrity_error', code: 'qris.amount_mismatch' });
  });

  it('shows no scannable code when the QR checksum is broken', async () => {
    fixture = await startPaymentFixture({
      wrapGateway: (gateway) => ({
        ...gateway,
        createPaymentLink: async (request) => {
          const answer = await gateway.createPaymentLink(request);
          return { ...answer, qrString: `${answer.qrString?.slice(0, -4)}0000` };
        },
      }),
    });
    const payment = await fixture.service.charge(sale);
    expect(payment.qr).toMatchObject({ kind: 'integrity_error', code: 'qris.crc_mismatch' });
  });

  it.each([
    ['broken_crc', 'qris.crc_mismatch'],
    ['other_amount', 'qris.amount_mismatch'],
    ['surcharge', 'qris.surcharge'],
  ] as const)('a QR with %s is refused (%s): counter state qr_refused, still followed, and a late payment is found', async (qrFlaw, code) => {
    fixture = await startPaymentFixture();
    fixture.simulator.issueNext({ qrFlaw });
    const payment = await fixture.service.charge(sale);
    expect(payment).toMatchObject({ state: 'awaiting_payment', counterState: 'qr_refused', qr: { kind: 'integrity_error', code } });

    fixture.simulator.settle(payment.tradeNo, 'paid');
    await waitForState(payment.tradeNo, 'paid');
    expect(fixture.service.get(payment.tradeNo).counterState).toBe('paid');
  });

  it('falls back to the payment page URL when the gateway sends no QRIS code', async () => {
    fixture = await startPaymentFixture({
      wrapGateway: (gateway) => ({
        ...gateway,
        createPaymentLink: async (request) => ({ ...(await gateway.createPaymentLink(request)), qrString: null }),
      }),
    });
    const payment = await fixture.service.charge(sale);
    expect(payment.qr).toEqual({ kind: 'payment_url', payload: payment.paymentUrl });
  });
});

describe('start-up recovery', () => {
  it('resolves a payment that was being created when the app stopped, without creating it again', async () => {
    fixture = await startPaymentFixture();
    // The app died after the gateway created the order and before the answer was recorded.
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow', delayMs: 5_000 }, { times: 1 });
    const charging = fixture.service.charge(sale).catch(() => undefined);
    const tradeNo = await vi.waitFor(() => {
      const [record] = fixture.ledger.listUnsettled();
      expect(fixture.simulator.order(record?.tradeNo ?? '')).toBeDefined();
      return record!.tradeNo;
    });
    expect(stateOf(tradeNo)).toBe('creating');
    fixture.simulator.settle(tradeNo, 'paid');
    await fixture.restart();
    await charging;
    // The old service's late answer must not have moved the ledger on after the restart.
    expect(fixture.service.recover()).toBe(1);

    await waitForState(tradeNo, 'paid');
    expect(fixture.ledger.events(tradeNo).map((event) => event.toState)).toContain('unknown');
    expect(fixture.simulator.paymentLinkCalls(tradeNo).received).toBe(1);
  });

  it('resumes following waiting payments after a restart', async () => {
    fixture = await startPaymentFixture();
    const first = await fixture.service.charge(sale);
    const second = await fixture.service.charge({ amount: 20_000 });
    await fixture.restart();
    fixture.simulator.settle(first.tradeNo, 'paid');
    fixture.simulator.settle(second.tradeNo, 'failed');

    expect(fixture.service.recover()).toBe(2);
    await waitForState(first.tradeNo, 'paid');
    await waitForState(second.tradeNo, 'failed');
  });

  it('settles or expires payments left open while the app was off for a day', async () => {
    fixture = await startPaymentFixture();
    const paidMeanwhile = await fixture.service.charge(sale);
    const neverPaid = await fixture.service.charge({ amount: 20_000 });
    await fixture.restart();
    fixture.simulator.settle(paidMeanwhile.tradeNo, 'paid');
    fixture.clock.advance(24 * 60 * 60_000);

    expect(fixture.service.recover()).toBe(2);
    await waitForState(paidMeanwhile.tradeNo, 'paid');
    await waitForState(neverPaid.tradeNo, 'expired');
  });
});

describe('the day list', () => {
  it('lists the day newest first; a partial payment is received money but not counted as paid', async () => {
    fixture = await startPaymentFixture();
    fixture.simulator.scriptNext({ kind: 'paid' });
    const paid = await fixture.service.charge({ amount: 30_000 });
    fixture.simulator.scriptNext({ kind: 'partial', paidAmount: 5_000 });
    const partial = await fixture.service.charge({ amount: 20_000 });
    const waiting = await fixture.service.charge({ amount: 15_000 });
    await waitForState(paid.tradeNo, 'paid');
    await waitForState(partial.tradeNo, 'partially_paid');

    const day = fixture.service.listDay();
    expect(day.payments.map((payment) => payment.tradeNo)).toEqual([waiting.tradeNo, partial.tradeNo, paid.tradeNo]);
    expect(day.receivedTotal).toBe(35_000);
    expect(day.paidCount).toBe(1);
    expect(day.partialCount).toBe(1);
    expect(day.outstandingTotal).toBe(15_000);
    expect(day.countByState.awaiting_payment).toBe(1);
    expect(fixture.service.listDay({}, Date.now() + 86_400_000).payments).toEqual([]);
  });
});
