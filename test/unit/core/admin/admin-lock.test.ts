import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminLock } from '../../../../electron/core/admin/admin-lock.ts';

let dir: string;
let store: Conf<Record<string, unknown>>;
let clock: number;
const lockFor = () => new AdminLock(store, { now: () => clock, maxAttempts: 3, lockoutMs: 30_000, scryptN: 2 ** 10 });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paypro-pos-admin-'));
  store = new Conf({ cwd: dir, projectName: 'paypro-pos-test' });
  clock = 1_000_000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('AdminLock', () => {
  it('is open until a PIN is set (first run)', () => {
    const lock = lockFor();
    expect(lock.pinSet).toBe(false);
    expect(lock.unlocked).toBe(true);
    expect(() => lock.requireUnlocked()).not.toThrow();
  });

  it('stores only a salted scrypt hash of the PIN', async () => {
    await new AdminLock(store).setPin('482913');
    const file = readFileSync(store.path, 'utf8');
    expect(file).not.toContain('482913');
    expect(JSON.parse(file).adminPin).toMatchObject({ N: 2 ** 17, r: 8, p: 1, salt: expect.any(String), hash: expect.any(String) });
  });

  it('locks a new session and opens only with the right PIN', async () => {
    await lockFor().setPin('482913');
    const lock = lockFor();
    expect(lock.unlocked).toBe(false);
    expect(() => lock.requireUnlocked()).toThrow(expect.objectContaining({ code: 'locked' }));
    await expect(lock.unlock('000000')).rejects.toMatchObject({ code: 'wrong_pin' });
    await lock.unlock('482913');
    expect(lock.unlocked).toBe(true);
    lock.lock();
    expect(lock.unlocked).toBe(false);
  });

  it('refuses PINs that are not 4 to 8 digits', async () => {
    for (const pin of ['123', '123456789', '12a4', '']) {
      await expect(lockFor().setPin(pin)).rejects.toMatchObject({
        code: 'validation',
        fields: { newPin: { code: 'pin.format' } },
      });
    }
  });

  it('changes the PIN only with the current one', async () => {
    await lockFor().setPin('4829');
    await expect(lockFor().setPin('5555', '1111')).rejects.toMatchObject({ code: 'wrong_pin' });
    await lockFor().setPin('5555', '4829');
    await expect(lockFor().unlock('4829')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(lockFor().unlock('5555')).resolves.toBeUndefined();
  });

  it('locks out guessing after repeated wrong PINs, then lets the owner in again', async () => {
    await lockFor().setPin('4829');
    const lock = lockFor();
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(lock.unlock('0000')).rejects.toMatchObject({ code: 'wrong_pin' });
    }
    await expect(lock.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '30' });
    clock += 30_000;
    await lock.unlock('4829');
    expect(lock.unlocked).toBe(true);
  });
});
