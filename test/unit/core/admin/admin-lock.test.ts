import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminLock } from '../../../../electron/core/admin/admin-lock.ts';
import { createAesCipher, randomKey } from '../../../harness/aes-cipher.ts';

let dir: string;
let store: Conf<Record<string, unknown>>;
let clock: number;
const cipher = createAesCipher([randomKey()]);
const SCHEDULE = [30_000, 300_000, 900_000];
const lockFor = () =>
  new AdminLock(store, { now: () => clock, maxAttempts: 3, lockoutScheduleMs: SCHEDULE, scryptN: 2 ** 10, cipher });

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

describe('AdminLock against guessing', () => {
  it('counts guesses sent in parallel: the right PIN after them is locked out', async () => {
    await lockFor().setPin('4829');
    const lock = lockFor();
    const guesses = Array.from({ length: 20 }, (_, index) => lock.unlock(String(1000 + index)));
    const results = await Promise.allSettled([...guesses, lock.unlock('4829')]);
    const codes = results.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'unlocked'));
    expect(codes.filter((code) => code === 'wrong_pin')).toHaveLength(3);
    expect(codes.at(-1)).toBe('pin_locked_out');
    expect(lock.unlocked).toBe(false);
  });

  it('keeps the count and the lockout across a restart', async () => {
    await lockFor().setPin('4829');
    const first = lockFor();
    await expect(first.unlock('0000')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(first.unlock('0001')).rejects.toMatchObject({ code: 'wrong_pin' });
    // Restart: a new lock over the same store. The third wrong try still triggers the lockout.
    await expect(lockFor().unlock('0002')).rejects.toMatchObject({ code: 'wrong_pin' });
    const afterRestart = new AdminLock(new Conf({ cwd: dir, projectName: 'paypro-pos-test' }), {
      now: () => clock,
      maxAttempts: 3,
      lockoutScheduleMs: SCHEDULE,
      scryptN: 2 ** 10,
      cipher,
    });
    await expect(afterRestart.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '30' });
  });

  it('locks out for longer after each lockout in a row, and starts over after the right PIN', async () => {
    await lockFor().setPin('4829');
    const lock = lockFor();
    const wrongThrice = async () => {
      for (let attempt = 0; attempt < 3; attempt++) await expect(lock.unlock('0000')).rejects.toMatchObject({ code: 'wrong_pin' });
    };
    await wrongThrice();
    await expect(lock.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '30' });
    clock += 30_000;
    await wrongThrice();
    await expect(lock.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '300' });
    clock += 300_000;
    await wrongThrice();
    clock += 899_000;
    await expect(lock.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '1' });
    clock += 1_000;
    await lock.unlock('4829');
    lock.lock();
    await wrongThrice();
    await expect(lock.unlock('4829')).rejects.toMatchObject({ code: 'pin_locked_out', detail: '30' });
  });
});

describe('AdminLock against an edited settings file', () => {
  it('stays locked when adminPin is deleted from the file, and the PIN still opens it', async () => {
    await lockFor().setPin('4829');
    store.delete('adminPin');
    const lock = lockFor();
    expect(lock.pinSet).toBe(true);
    expect(() => lock.requireUnlocked()).toThrow(expect.objectContaining({ code: 'locked' }));
    await expect(lock.unlock('1111')).rejects.toMatchObject({ code: 'wrong_pin' });
    await lock.unlock('4829');
    expect(lock.unlocked).toBe(true);
  });

  it('ignores an adminPin replaced with the hash of a PIN the editor knows', async () => {
    await lockFor().setPin('4829');
    const other = mkdtempSync(join(tmpdir(), 'paypro-pos-admin-other-'));
    try {
      const otherStore = new Conf<Record<string, unknown>>({ cwd: other, projectName: 'paypro-pos-test' });
      await new AdminLock(otherStore, { scryptN: 2 ** 10 }).setPin('1111');
      store.set('adminPin', otherStore.get('adminPin'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    await expect(lockFor().unlock('1111')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(lockFor().unlock('4829')).resolves.toBeUndefined();
  });

  it('gives an existing PIN (set before the guard) its guard at the next right unlock', async () => {
    await new AdminLock(store, { scryptN: 2 ** 10 }).setPin('4829');
    expect(store.get('adminPinGuard')).toBeUndefined();
    await lockFor().unlock('4829');
    store.delete('adminPin');
    await expect(lockFor().unlock('4829')).resolves.toBeUndefined();
    await expect(lockFor().unlock('0000')).rejects.toMatchObject({ code: 'wrong_pin' });
  });

  it('answers pin_unreadable when the guard cannot be decrypted (another machine\'s key)', async () => {
    await lockFor().setPin('4829');
    const foreign = new AdminLock(store, { now: () => clock, scryptN: 2 ** 10, cipher: createAesCipher([randomKey()]) });
    await expect(foreign.unlock('4829')).rejects.toMatchObject({ code: 'pin_unreadable' });
    expect(foreign.unlocked).toBe(false);
  });
});
