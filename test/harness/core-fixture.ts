import Conf from 'conf';
import { createPosCore, type PosCore, type PosCoreOptions } from '../../electron/core/pos-core.ts';
import { createAesCipher, randomKey } from './aes-cipher.ts';
import { FAST_POLICY } from './payment-fixture.ts';

/** The settings store a test core in `dir` uses (reopen it to look at what was written). */
export function testStore(dir: string): Conf<Record<string, unknown>> {
  return new Conf({ cwd: dir, projectName: 'paypro-pos-test' });
}

/**
 * The whole core in `dir`: its ledger, a settings store there, a real AES cipher, the OS key
 * store ready and fast payment tracking; `options` replace any of these or add to them.
 */
export function createTestCore(dir: string, options: Partial<PosCoreOptions> = {}): PosCore {
  return createPosCore({
    userDataDir: dir,
    store: testStore(dir),
    cipher: createAesCipher([randomKey()]),
    secretProtection: async () => 'os',
    trackingPolicy: FAST_POLICY,
    ...options,
  });
}

/** The value of a router call that must succeed; its error, whole, when it does not. */
export async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value;
}
