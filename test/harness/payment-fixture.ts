import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { createPayproClient } from '../../electron/core/paypro/client.ts';
import type { PayproGateway } from '../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../electron/core/paypro/sign.ts';
import { PaymentService, type PaymentServiceOptions } from '../../electron/core/payments/payment-service.ts';
import type { TrackingPolicy } from '../../electron/core/payments/tracking-policy.ts';
import { startSimulator, type SimulatorOptions } from '../../electron/core/simulator/server.ts';

export const TEST_MERCHANT_NO = '8729248847';
export const TEST_SECRET = 'test-secret-3f9a';
/**
 * The fixture client's timeout: short enough for fast tests, long enough that a loopback answer
 * on a loaded 2-core CI machine is never mistaken for a lost one.
 */
export const CLIENT_TIMEOUT_MS = 1_000;

/** Tracking compressed from seconds to tens of milliseconds, same shape as production. */
export const FAST_POLICY: TrackingPolicy = {
  watchedIntervalMs: 15,
  watchLeaseMs: 5_000,
  backoffStartMs: 15,
  backoffMaxMs: 60,
  lateCheckIntervalMs: 30,
  lateCheckWindowMs: 5 * 60_000,
  // Longer than the client's timeout, as in production: a slow create is never judged not created.
  notFoundGraceMs: 1_200,
};

/**
 * A payment service wired to a real simulator over loopback HTTP and a real SQLite ledger in a
 * temp folder. `clock.advance(ms)` moves the service's time (for expiry) without waiting.
 */
export async function startPaymentFixture(
  options: {
    simulator?: Partial<SimulatorOptions>;
    settings?: Partial<Settings>;
    clientTimeoutMs?: number;
    wrapGateway?: (gateway: PayproGateway) => PayproGateway;
    service?: Partial<PaymentServiceOptions>;
    dir?: string;
  } = {},
) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'paypro-pos-payments-'));
  const clock = { offset: 0, now: () => Date.now() + clock.offset, advance: (ms: number) => (clock.offset += ms) };
  const simulator = await startSimulator({ merchantNo: TEST_MERCHANT_NO, secret: TEST_SECRET, ...options.simulator });
  const client = createPayproClient({
    baseUrl: simulator.baseUrl,
    signer: createMerchantSigner(TEST_MERCHANT_NO, TEST_SECRET),
    timeoutMs: options.clientTimeoutMs ?? CLIENT_TIMEOUT_MS,
  });
  const gateway = options.wrapGateway ? options.wrapGateway(client) : client;
  const settings: Settings = { ...DEFAULT_SETTINGS, merchantNo: TEST_MERCHANT_NO, ...options.settings };
  const errors: unknown[] = [];

  let ledger = Ledger.open(join(dir, 'ledger.sqlite'), { now: clock.now });
  const makeService = () =>
    new PaymentService({
      ledger,
      gatewayFor: async () => gateway,
      settings: () => settings,
      now: clock.now,
      policy: FAST_POLICY,
      onError: (error) => errors.push(error),
      ...options.service,
    });
  let service = makeService();

  return {
    dir,
    clock,
    simulator,
    settings,
    errors,
    get ledger() {
      return ledger;
    },
    get service() {
      return service;
    },
    /** Stops the service and closes the ledger as a quitting app would, then starts afresh. */
    async restart() {
      await service.close();
      ledger.close();
      ledger = Ledger.open(join(dir, 'ledger.sqlite'), { now: clock.now });
      service = makeService();
      return service;
    },
    async close() {
      await service.close();
      ledger.close();
      await simulator.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PaymentFixture = Awaited<ReturnType<typeof startPaymentFixture>>;

