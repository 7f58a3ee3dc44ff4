import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainingSimulator, type TrainingGateway } from '../../../../electron/core/gateways.ts';
import { createPosCore, type PosCore } from '../../../../electron/core/pos-core.ts';
import { createAesCipher, randomKey } from '../../../harness/aes-cipher.ts';

// "Tes koneksi" tells the owner what is wrong: a wrong address (4xx) is a setting to fix, a
// server error (5xx) is not. Both used to read "server error, try again shortly".
let dir: string;
let core: PosCore;
let training: TrainingGateway;

afterEach(async () => {
  await core.close();
  await training.simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

async function coreWith(gateway: (real: TrainingGateway) => TrainingGateway): Promise<PosCore> {
  dir = mkdtempSync(join(tmpdir(), 'paypro-pos-test-connection-'));
  training = await startTrainingSimulator();
  return createPosCore({
    userDataDir: dir,
    store: new Conf({ cwd: dir, projectName: 'paypro-pos-test' }),
    cipher: createAesCipher([randomKey()]),
    secretProtection: async () => 'os',
    logger: { error: () => undefined },
    trainingGateway: gateway(training),
  });
}

describe('testConnection', () => {
  it('calls a 404 (wrong base URL or endpoint) a wrong address', async () => {
    core = await coreWith((real) => ({ ...real, simulator: { ...real.simulator, baseUrl: `${real.simulator.baseUrl}/wrong` } }));
    const result = await core.router.dispatch('testConnection', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'gateway.http_client' } });
    expect(JSON.stringify(result)).toContain('HTTP 404');
  });

  it('calls a 500 a server error', async () => {
    core = await coreWith((real) => real);
    training.simulator.injectFault({ endpoint: 'queryBalance' }, { kind: 'http500' });
    expect(await core.router.dispatch('testConnection', {})).toMatchObject({ ok: false, error: { code: 'gateway.http_server' } });
  });
});
