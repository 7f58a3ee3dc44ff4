import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayProvider, startTrainingSimulator, TRAINING_MERCHANT_NO } from '../../../electron/core/gateways.ts';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/server.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { createAesCipher, randomKey } from '../../harness/aes-cipher.ts';
import { TEST_MERCHANT_NO, TEST_SECRET } from '../../harness/payment-fixture.ts';

let dir: string;
let vault: Vault;
let provider: GatewayProvider;
let liveGateway: Simulator;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-pos-gateways-'));
  vault = new Vault(new Conf({ cwd: dir, projectName: 'paypro-pos-test' }), createAesCipher([randomKey()]));
  provider = new GatewayProvider(vault, { timeoutMs: 500 });
  // Stands in for Paypro: the "live" base URL points at a second simulator on loopback.
  liveGateway = await startSimulator({ merchantNo: TEST_MERCHANT_NO, secret: TEST_SECRET });
  vault.updateSettings({ merchantNo: TEST_MERCHANT_NO, baseUrl: liveGateway.baseUrl });
});

afterEach(async () => {
  await provider.close();
  await liveGateway.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GatewayProvider', () => {
  it('refuses live payments until the secret is stored', async () => {
    await expect(provider.gatewayFor('live')).rejects.toMatchObject({ code: 'not_configured' });
  });

  it('signs live requests with the vault secret and sends them to the configured base URL', async () => {
    await vault.setSecret(TEST_SECRET);
    const gateway = await provider.gatewayFor('live');
    await expect(gateway.queryBalance()).resolves.toMatchObject({ available: expect.any(String) });
    expect(liveGateway.requests().map((request) => request.endpoint)).toEqual(['queryBalance']);
  });

  it('builds a new live client after the credentials change', async () => {
    await vault.setSecret('an-old-wrong-secret');
    await expect((await provider.gatewayFor('live')).queryBalance()).rejects.toMatchObject({ kind: 'rejected' });
    await vault.setSecret(TEST_SECRET);
    provider.invalidate();
    await expect((await provider.gatewayFor('live')).queryBalance()).resolves.toBeDefined();
  });

  it('refuses unsigned live answers once the owner requires signed answers (the simulator signs none)', async () => {
    await vault.setSecret(TEST_SECRET);
    vault.updateSettings({ requireSignedAnswers: true });
    await expect((await provider.gatewayFor('live')).queryBalance()).rejects.toMatchObject({ kind: 'bad_signature' });
    vault.updateSettings({ requireSignedAnswers: false });
    provider.invalidate();
    await expect((await provider.gatewayFor('live')).queryBalance()).resolves.toBeDefined();
  });

  it('keeps training on its own loopback gateway with its own credentials, never the live one', async () => {
    const { simulator, gateway } = await provider.trainingSimulator();
    expect(new URL(simulator.baseUrl).hostname).toBe('127.0.0.1');
    expect(await provider.gatewayFor('training')).toBe(gateway);
    await gateway.queryBalance();
    expect(liveGateway.requests()).toEqual([]);
    expect(simulator.requests()).toHaveLength(1);
  });

  it('uses a supplied training simulator, and leaves it running when it closes', async () => {
    const supplied = await startTrainingSimulator();
    try {
      expect(supplied.merchantNo).toBe(TRAINING_MERCHANT_NO);
      const first = new GatewayProvider(vault, { trainingGateway: supplied });
      expect((await first.trainingSimulator()).simulator).toBe(supplied.simulator);
      await (await first.gatewayFor('training')).queryBalance();
      await first.close();
      // A second provider (a core restarted on the same data) reaches the same, still-running gateway.
      const second = new GatewayProvider(vault, { trainingGateway: supplied });
      await expect((await second.gatewayFor('training')).queryBalance()).resolves.toBeDefined();
      await second.close();
      expect(supplied.simulator.requests().map((request) => request.code)).toEqual(['0000', '0000']);
    } finally {
      await supplied.simulator.close();
    }
  });

  it('starts its own training simulator on first use and closes it with itself', async () => {
    const { simulator } = await provider.trainingSimulator();
    await provider.close();
    await expect(fetch(`${simulator.baseUrl}/v1/paypro/queryBalance`, { method: 'POST' })).rejects.toThrow();
  });
});
