import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPayproClient } from '../../../../electron/core/paypro/client.ts';
import type { PayproGateway } from '../../../../electron/core/paypro/gateway.ts';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { startSimulator, type Fault, type Simulator } from '../../../../electron/core/simulator/server.ts';

// A faulted call must give its connection back: with a pool of ONE connection, a request that
// stayed "running" after its timeout (a body never cancelled, a socket never closed) would make
// every later call of that till queue behind it and time out — the "deaf till" suspect of the
// fault torture (docs/reliability.md). Each fault is followed by a plain call on the same pool.

const MERCHANT = '8729248847';
const SECRET = 'test-secret';
// Long enough that a loaded machine answers a plain call well within it (150 ms flaked under load).
const TIMEOUT_MS = 500;
const signer = createMerchantSigner(MERCHANT, SECRET);

let sim: Simulator;
let agent: Agent;
let client: PayproGateway;

interface PoolStats {
  /** A boolean for a pool of one (an undici Client), a count for larger pools. */
  connected: number | boolean;
  running: number;
  pending: number;
}
function pool(): PoolStats {
  const stats = Object.values((agent as unknown as { stats: Record<string, PoolStats> }).stats)[0];
  return stats ?? { connected: 0, running: 0, pending: 0 };
}

beforeEach(async () => {
  sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET });
  agent = new Agent({ connections: 1 });
  client = createPayproClient({
    baseUrl: sim.baseUrl,
    signer,
    timeoutMs: TIMEOUT_MS,
    fetch: ((url: string, init: RequestInit) => fetch(url, { ...init, dispatcher: agent } as RequestInit)) as typeof fetch,
  });
  await client.createPaymentLink({
    tradeNo: 'T-1',
    amount: 50_000,
    mobile: '081234567890',
    email: 'budi@example.com',
    username: 'Budi',
    notifyUrl: 'https://example.com/notify',
  });
});
afterEach(async () => {
  await agent.close();
  await sim.close();
});

const FAULTS: [string, Fault, string][] = [
  ['slow past the timeout', { kind: 'slow', delayMs: TIMEOUT_MS + 200 }, 'timeout'],
  ['slow_body past the timeout (timeout during text())', { kind: 'slow_body', delayMs: TIMEOUT_MS + 200 }, 'timeout'],
  ['http500 (body cancelled)', { kind: 'http500' }, 'http'],
  ['non_json', { kind: 'non_json' }, 'malformed'],
  ['drop_after_read', { kind: 'drop_after_read' }, 'network'],
  ['drop_before_process', { kind: 'drop_before_process' }, 'network'],
];

describe('the client releases its connection on every faulted path (pool of 1)', () => {
  it.each(FAULTS)('%s', async (_name, fault, kind) => {
    for (let round = 0; round < 3; round++) {
      sim.injectFault({ endpoint: 'queryPayInResult' }, fault, { times: 1 });
      await expect(client.queryPayIn('T-1')).rejects.toMatchObject({ kind });
      // The next call on the same single-connection pool is answered, well within its budget.
      const started = performance.now();
      await expect(client.queryPayIn('T-1')).resolves.toMatchObject({ tradeNo: 'T-1', status: '0015' });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
      expect(pool()).toMatchObject({ running: 0, pending: 0 });
      expect(Number(pool().connected)).toBeLessThanOrEqual(1);
    }
  });
});
