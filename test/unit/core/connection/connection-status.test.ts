import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionMonitor } from '../../../../electron/core/connection/connection-monitor.ts';
import {
  connectionLevel,
  levelOfCall,
  observeGateway,
  SLOW_MS,
  STALE_MS,
} from '../../../../electron/core/connection/connection-status.ts';
import { GatewayError, type PayproGateway } from '../../../../electron/core/paypro/gateway.ts';
import { createPosCore } from '../../../../electron/core/pos-core.ts';
import { createAesCipher, randomKey } from '../../../harness/aes-cipher.ts';
import { closedLoopbackPort } from '../../../harness/closed-port.ts';
import { FAST_POLICY } from '../../../harness/payment-fixture.ts';

describe('levelOfCall', () => {
  it('is reachable for any answer, slow when the answer took too long', () => {
    expect(levelOfCall({ ok: true, latencyMs: 150 })).toBe('reachable');
    expect(levelOfCall({ ok: true, latencyMs: SLOW_MS + 1 })).toBe('slow');
    // A refusal or an unknown order is still an answer from Paypro.
    expect(levelOfCall({ ok: false, error: new GatewayError('rejected', 'x', { gatewayCode: '8000' }), latencyMs: 90 })).toBe('reachable');
    expect(levelOfCall({ ok: false, error: new GatewayError('not_found', 'x'), latencyMs: 90 })).toBe('reachable');
    expect(levelOfCall({ ok: false, error: new GatewayError('http', 'x', { httpStatus: 404 }), latencyMs: 90 })).toBe('reachable');
  });

  it('is unreachable without an answer or with a server failure', () => {
    expect(levelOfCall({ ok: false, error: new GatewayError('network', 'x'), latencyMs: 5 })).toBe('unreachable');
    expect(levelOfCall({ ok: false, error: new GatewayError('timeout', 'x'), latencyMs: 10_000 })).toBe('unreachable');
    expect(levelOfCall({ ok: false, error: new GatewayError('http', 'x', { httpStatus: 503 }), latencyMs: 40 })).toBe('unreachable');
    expect(levelOfCall({ ok: false, error: new Error('socket hang up'), latencyMs: 40 })).toBe('unreachable');
  });
});

describe('connectionLevel', () => {
  const seen = { level: 'reachable' as const, at: 1_000, latencyMs: 100 };
  it('is training in training mode, unknown with no or stale traffic, else the last observation', () => {
    expect(connectionLevel('training', seen, 1_000)).toBe('training');
    expect(connectionLevel('live', null, 1_000)).toBe('unknown');
    expect(connectionLevel('live', seen, 1_000 + STALE_MS + 1)).toBe('unknown');
    expect(connectionLevel('live', { ...seen, level: 'unreachable' }, 2_000)).toBe('unreachable');
  });
});

function fakeGateway(balance: () => Promise<unknown>): PayproGateway {
  return {
    createPaymentLink: vi.fn(),
    queryPayIn: vi.fn(),
    queryBalance: vi.fn(balance) as PayproGateway['queryBalance'],
    queryVoucher: vi.fn(),
  };
}

describe('observeGateway', () => {
  it('reports each call with its time and passes answers and errors through untouched', async () => {
    let clock = 0;
    const reports: unknown[] = [];
    const failure = new GatewayError('timeout', 'slow');
    const answers = [async () => ({ available: '1', frozen: '0' }), async () => Promise.reject(failure)];
    const gateway = observeGateway(
      fakeGateway(() => {
        clock += 300;
        return answers.shift()!();
      }),
      (outcome) => reports.push(outcome),
      () => clock,
    );
    await expect(gateway.queryBalance()).resolves.toEqual({ available: '1', frozen: '0' });
    await expect(gateway.queryBalance()).rejects.toBe(failure);
    expect(reports).toEqual([
      { ok: true, latencyMs: 300 },
      { ok: false, error: failure, latencyMs: 300 },
    ]);
  });
});

describe('ConnectionMonitor', () => {
  function monitor(options: { environment?: 'live' | 'training'; configured?: boolean } = {}) {
    let clock = 100_000;
    const monitorRef: { current: ConnectionMonitor | null } = { current: null };
    const raw = fakeGateway(async () => ({ available: null, frozen: null }));
    const live = observeGateway(raw, (outcome) => monitorRef.current!.record(outcome), () => clock);
    monitorRef.current = new ConnectionMonitor({
      environment: () => options.environment ?? 'live',
      configured: () => options.configured ?? true,
      liveGateway: async () => live,
      now: () => clock,
      idleCheckMs: 60_000,
    });
    return { monitor: monitorRef.current, raw, advance: (ms: number) => void (clock += ms) };
  }

  it('checks with one balance query when the till has been quiet, and not again while traffic is fresh', async () => {
    const { monitor: connection, raw, advance } = monitor();
    expect(connection.status().level).toBe('unknown');
    await connection.checkIfIdle();
    expect(raw.queryBalance).toHaveBeenCalledTimes(1);
    expect(connection.status()).toMatchObject({ level: 'reachable', checkedAt: 100_000 });
    advance(30_000);
    await connection.checkIfIdle();
    expect(raw.queryBalance).toHaveBeenCalledTimes(1);
    advance(30_000);
    await connection.checkIfIdle();
    expect(raw.queryBalance).toHaveBeenCalledTimes(2);
  });

  it('never checks in training mode or without live credentials', async () => {
    for (const options of [{ environment: 'training' as const }, { configured: false }]) {
      const { monitor: connection, raw } = monitor(options);
      await connection.checkIfIdle();
      expect(raw.queryBalance).not.toHaveBeenCalled();
    }
    expect(monitor({ environment: 'training' }).monitor.status().level).toBe('training');
  });
});

describe('the connection status through the core', () => {
  it('turns unreachable when a live charge gets no answer from Paypro', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paypro-pos-connection-'));
    const core = createPosCore({
      userDataDir: dir,
      store: new Conf({ cwd: dir, projectName: 'paypro-pos-test' }),
      cipher: createAesCipher([randomKey()]),
      secretProtection: async () => 'os',
      trackingPolicy: FAST_POLICY,
      logger: { error: () => undefined },
    });
    try {
      expect(await core.router.dispatch('getConnectionStatus', {})).toMatchObject({ ok: true, value: { level: 'training' } });
      // Live, pointed at a loopback port nothing listens on: the connection is refused.
      const saved = await core.router.dispatch('updateSettings', {
        patch: { environment: 'live', merchantNo: '1234567890', baseUrl: `https://127.0.0.1:${await closedLoopbackPort()}/` },
        secret: 'rahasia-live',
      });
      expect(saved.ok).toBe(true);
      expect(await core.router.dispatch('getConnectionStatus', {})).toMatchObject({ ok: true, value: { level: 'unknown' } });
      // Typed in full: live, a sale without customer needs the shop's contact (issue 20 #6).
      const customer = { name: 'Budi', mobile: '081234567890', email: 'budi@example.co.id' };
      await core.router.dispatch('charge', { amount: 25_000, customer });
      expect(await core.router.dispatch('getConnectionStatus', {})).toMatchObject({ ok: true, value: { level: 'unreachable' } });
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
