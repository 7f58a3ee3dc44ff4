import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clearRegisteredSecrets, redact, redactText, registerSecret, REDACTED } from '../../../../electron/core/logging/redact.ts';

afterEach(() => clearRegisteredSecrets());

const SIGN = '9f86d081884c7d659a2feaa0c55ad015';

describe('redaction of encoded and renamed values', () => {
  it.each([
    ['another key name', `requestSign=${SIGN.slice(0, 20)}`],
    ['a header', 'x-sign: 0123abcdef0123'],
    ['URL-encoded', `body=timestamp%3D1%26sign%3D${SIGN.slice(0, 20)}`],
    ['inside escaped JSON', `{"body":"{\\"amount\\":1,\\"sign\\":\\"${SIGN.slice(0, 20)}\\"}"}`],
    ['a bare MD5', `mismatch: expected ${SIGN}`],
  ])('removes a sign value under %s', (_name, line) => {
    const out = redactText(line);
    expect(out).not.toContain(SIGN.slice(0, 20));
    expect(out).not.toContain('0123abcdef0123');
    expect(out).toContain(REDACTED);
  });

  it('removes values under keys naming a secret, token or PIN, and leaves look-alike words', () => {
    expect(redact({ merchantSecret: 'abc', accessToken: 'def', PIN_CODE: '4829', x_sign: 'a1' })).toEqual({
      merchantSecret: REDACTED,
      accessToken: REDACTED,
      PIN_CODE: REDACTED,
      x_sign: REDACTED,
    });
    expect(redactText('design=flat shipping=free adminPin=4829')).toBe(`design=flat shipping=free adminPin=${REDACTED}`);
  });

  it.each([
    ['dashes', 'call 0812-3456-7890 now', 'call *********890 now'],
    ['spaces, +62', 'call +62 812 3456 7890 now', 'call **********890 now'],
    ['percent-encoded +', 'mobile=%2B6281234567890', 'mobile=**********890'],
    ['dots', 'hp 0812.3456.7890', 'hp *********890'],
  ])('masks mobiles written with %s', (_name, line, expected) => {
    expect(redactText(line)).toBe(expected);
  });

  it('masks emails written with %40 or \\u0040', () => {
    expect(redactText('email=budi.s%40toko.id')).toBe('email=b***@toko.id');
    expect(redactText('{"to":"budi.s\\u0040toko.id"}')).toBe('{"to":"b***@toko.id"}');
  });

  it('removes the secret written in base64, alone or inside a longer base64 text', () => {
    const secret = 'Sup3r-Secret_Key-2026';
    registerSecret(secret);
    for (const prefix of ['', 'm', 'me', 'merchant:']) {
      const encoded = Buffer.from(`${prefix}${secret}`).toString('base64');
      expect(redactText(`auth ${encoded}`)).toContain(REDACTED);
      expect(redactText(`auth ${encoded}`)).not.toContain(encoded);
    }
  });

  it('removes a registered secret however short (stored before the minimum length)', () => {
    registerSecret('k9');
    expect(redactText('secret k9 used')).toBe(`secret ${REDACTED} used`);
  });
});

/** Text around the values: letters, spaces and punctuation, never digits or '@' (they would blur the checks). */
const filler = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ,;:()[]-_'.split('')), maxLength: 20 });
const secretArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_'.split('')), minLength: 12, maxLength: 40 });
const mobileDigits = fc
  .tuple(fc.constantFrom('08', '628'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 10 }))
  .map(([prefix, rest]) => `${prefix}${rest.join('')}`);
const separator = fc.constantFrom('', ' ', '-', '.');
const mobileWritten = fc.tuple(mobileDigits, separator, fc.boolean()).map(([digits, sep, plus]) => {
  const national = digits.startsWith('62') && plus ? `+${digits}` : digits;
  const head = national.startsWith('+') ? 4 : national.startsWith('62') ? 3 : 4;
  return national.slice(0, head) + sep + (national.slice(head).match(/.{1,4}/g) ?? []).join(sep);
});
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{2,15}$/), fc.stringMatching(/^[a-z]{2,10}\.(?:co\.id|id|com)$/))
  .map(([local, domain]) => ({ local, email: `${local}@${domain}` }));
const encode = fc.constantFrom(
  (text: string) => text,
  (text: string) => encodeURIComponent(text),
  (text: string) => JSON.stringify(JSON.stringify({ value: text })),
  (text: string) => encodeURIComponent(encodeURIComponent(text)),
);

describe('redaction properties', () => {
  it('never lets a registered secret through, in any encoding, embedded in any text', () => {
    fc.assert(
      fc.property(secretArb, filler, filler, encode, fc.boolean(), (secret, before, after, encoding, base64) => {
        clearRegisteredSecrets();
        registerSecret(secret);
        const shown = base64 ? Buffer.from(`${before}${secret}`).toString('base64') : encoding(`${before}${secret}${after}`);
        const out = redactText(shown);
        expect(out).not.toContain(secret);
        expect(out).toContain(REDACTED);
      }),
    );
  });

  it('keeps at most the last 3 digits of a mobile, with any separators and encoding', () => {
    fc.assert(
      fc.property(mobileWritten, filler, filler, encode, (mobile, before, after, encoding) => {
        const digits = mobile.replace(/\D/g, '');
        const out = redactText(encoding(`${before} ${mobile} ${after}`));
        expect(out.replace(/\D/g, '')).toBe(digits.slice(-3));
      }),
    );
  });

  it('keeps only the first letter and the domain of an email, in any encoding', () => {
    fc.assert(
      fc.property(emailArb, filler, filler, encode, ({ local, email }, before, after, encoding) => {
        const out = redactText(encoding(`${before} ${email} ${after}`));
        expect(out).toContain(`${local[0]}***@${email.split('@')[1]}`);
        expect(out).not.toContain(`${local}@`);
      }),
    );
  });
});
