import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s: fine for a PIN typed rarely.
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

export const storedPinSchema = z.object({
  salt: z.string().min(1),
  hash: z.string().min(1),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
export type StoredPin = z.infer<typeof storedPinSchema>;

/** A salted scrypt hash of `pin`; `N` lets tests lower the cost (stored hashes carry their own). */
export async function hashPin(pin: string, N: number): Promise<StoredPin> {
  const salt = randomBytes(16);
  const params = { ...SCRYPT_PARAMS, N };
  const hash = await derive(pin, salt, params);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), N: params.N, r: params.r, p: params.p };
}

export async function pinMatches(pin: string, stored: StoredPin): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    maxmem: SCRYPT_PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(pin: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, params, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
