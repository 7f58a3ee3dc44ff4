import { afterEach, describe, expect, it } from 'vitest';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { createFaultPlan, type Fault, type FaultRequest } from '../../../../electron/core/simulator/faults.ts';
import { startSimulator, type SimulatorOptions, type Simulator } from '../../../../electron/core/simulator/server.ts';
import { MERCHANT, SECRET, saleRequest } from './gateway-calls.ts';

let sim: Simulator | undefined;
afterEach(() => sim?.close());

// Generous enough that a loaded CI machine never turns a prompt fault answer into a timeout.
const CLIENT_TIMEOUT_MS = 1_000;

async function setup(options: Partial<SimulatorOptions> = {}) {
  sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET, ...options });
  const client = createPayproClient({ baseUrl: sim.baseUrl, signer: createMerchantSigner(MERCHANT, SECRET), timeoutMs: CLIENT_TIMEOUT_MS });
  return { sim, client };
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof GatewayError ? error.kind : `not a GatewayError: ${String(error)}`;
}

describe('createFaultPlan', () => {
  const request = (over: Partial<FaultRequest> = {}): FaultRequest => ({ endpoint: 'paymentLink', tradeNo: 'A', attempt: 1, ...over });
  const drop: Fault = { kind: 'drop_after_read' };

  it('matches by endpoint, tradeNo and attempt, then falls back to the hook', () => {
    const plan = createFaultPlan((r) => (r.endpoint === 'queryBalance' ? { kind: 'http500' } : undefined));
    plan.inject({ tradeNo: 'A', attempt: 2 }, drop);
    expect(plan.pick(request())).toBeUndefined();
    expect(plan.pick(request({ attempt: 2 }))).toBe(drop);
    expect(plan.pick(request({ tradeNo: 'B', attempt: 2 }))).toBeUndefined();
    expect(plan.pick(request({ endpoint: 'queryBalance' }))).toEqual({ kind: 'http500' });
  });

  it('honours times, removal and clear', () => {
    const plan = createFaultPlan(undefined);
    plan.inject((r) => r.tradeNo === 'A', drop, { times: 1 });
    expect(plan.pick(request())).toBe(drop);
    expect(plan.pick(request())).toBeUndefined();
    const remove = plan.inject({}, drop);
    remove();
    expect(plan.pick(request())).toBeUndefined();
    plan.inject({}, drop);
    plan.clear();
    expect(plan.pick(request())).toBeUndefined();
  });
});

describe('faults on paymentLink: which ones create the order', () => {
  it.each([
    [{ kind: 'drop_after_read' }, 'network', true],
    [{ kind: 'drop_before_process' }, 'network', false],
    [{ kind: 'http500' }, 'http', false],
    [{ kind: 'non_json' }, 'malformed', true],
    [{ kind: 'slow', delayMs: CLIENT_TIMEOUT_MS + 400 }, 'timeout', true],
    [{ kind: 'slow_body', delayMs: CLIENT_TIMEOUT_MS + 400 }, 'timeout', true],
  ] satisfies [Fault, string, boolean][])('%j → client sees %s; order created: %s', async (fault, kind, created) => {
    const { sim, client } = await setup();
    sim.injectFault({ endpoint: 'paymentLink', attempt: 1 }, fault);
    expect(await kindOf(client.createPaymentLink(saleRequest('F-1')))).toBe(kind);
    expect(sim.order('F-1') !== undefined).toBe(created);
    expect(sim.paymentLinkCalls('F-1')).toEqual({ received: 1, accepted: created ? 1 : 0, rejected: 0 });
    expect(sim.requests()[0]).toMatchObject({ fault: fault.kind, code: created ? '0000' : null });
    // Resolved by query, never by creating again.
    if (created) expect((await client.queryPayIn('F-1')).status).toBe('0015');
    else expect(await kindOf(client.queryPayIn('F-1'))).toBe('not_found');
  });

  it('a slow answer arrives complete when the client waits long enough', async () => {
    const { sim } = await setup();
    sim.injectFault({ endpoint: 'paymentLink' }, { kind: 'slow_body', delayMs: 30 });
    const patient = createPayproClient({ baseUrl: sim.baseUrl, signer: createMerchantSigner(MERCHANT, SECRET), timeoutMs: 2_000 });
    expect((await patient.createPaymentLink(saleRequest('F-2'))).status).toBe('0015');
  });

  it('a retried create after drop_after_read is rejected as a duplicate', async () => {
    const { sim, client } = await setup();
    sim.injectFault({ endpoint: 'paymentLink' }, { kind: 'drop_after_read' }, { times: 1 });
    expect(await kindOf(client.createPaymentLink(saleRequest('F-3')))).toBe('network');
    expect(await kindOf(client.createPaymentLink(saleRequest('F-3')))).toBe('rejected');
    expect(sim.orders()).toHaveLength(1);
    expect(sim.paymentLinkCalls('F-3')).toEqual({ received: 2, accepted: 1, rejected: 1 });
  });
});

describe('the faults hook', () => {
  it('sees endpoint, tradeNo and attempt, and can fail only the first query', async () => {
    const seen: FaultRequest[] = [];
    const { client } = await setup({
      faults: (request) => {
        seen.push(request);
        return request.endpoint === 'queryPayInResult' && request.attempt === 1 ? { kind: 'http500' } : undefined;
      },
    });
    await client.createPaymentLink(saleRequest('H-1'));
    expect(await kindOf(client.queryPayIn('H-1'))).toBe('http');
    expect((await client.queryPayIn('H-1')).status).toBe('0015');
    await client.queryBalance();
    expect(seen).toEqual([
      { endpoint: 'paymentLink', tradeNo: 'H-1', attempt: 1 },
      { endpoint: 'queryPayInResult', tradeNo: 'H-1', attempt: 1 },
      { endpoint: 'queryPayInResult', tradeNo: 'H-1', attempt: 2 },
      { endpoint: 'queryBalance', attempt: 1 },
    ]);
  });

  it('closes cleanly while a slow answer is still pending', async () => {
    const { sim, client } = await setup();
    sim.injectFault({}, { kind: 'slow', delayMs: 10_000 });
    const pending = kindOf(client.queryBalance());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect(['network', 'timeout']).toContain(await pending);
  });
});
