import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPaymentFixture, type PaymentFixture } from '../../../harness/payment-fixture.ts';

let fixture: PaymentFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('PaymentService.close', () => {
  it('waits for a charge in flight only so long, then lets the ledger close (recovery settles the sale)', async () => {
    fixture = await startPaymentFixture({ clientTimeoutMs: 10_000, service: { closeWaitMs: 50 } });
    fixture.simulator.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow', delayMs: 5_000 }, { times: 1 });
    let settled = false;
    // Settles (failing: its ledger is closed) when the fixture closes the simulator after the test.
    void fixture.service.charge({ amount: 20_000 }).then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.waitFor(() => expect(fixture?.simulator.orders()).toHaveLength(1));
    await fixture.service.close();
    expect(settled).toBe(false); // the gateway still holds the create: close did not wait for it
    await expect(fixture.service.charge({ amount: 20_000 })).rejects.toMatchObject({ code: 'app_closing' });
    const [record] = fixture.ledger.listUnsettled();
    expect(record?.state).toBe('creating'); // start-up recovery turns it into `unknown`, then asks
  });
});
