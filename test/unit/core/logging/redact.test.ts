import { afterEach, describe, expect, it } from 'vitest';
import { createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';
import { clearRegisteredSecrets, maskEmail, maskMobile, redact, redactText, registerSecret, REDACTED } from '../../../../electron/core/logging/redact.ts';

afterEach(() => clearRegisteredSecrets());

describe('redact', () => {
  it('masks mobiles to their last 3 digits and emails to first letter + domain', () => {
    expect(maskMobile('081234567890')).toBe('*********890');
    expect(maskMobile('+62 812-3456-7890')).toBe('**********890');
    expect(maskEmail('budi.santoso@example.co.id')).toBe('b***@example.co.id');
    expect(redactText('call 081234567890 or +6281234567891, mail Budi.S@toko.id')).toBe(
      'call *********890 or **********891, mail B***@toko.id',
    );
  });

  it('leaves trade numbers, amounts and times alone', () => {
    const line = 'tradeNo 20260315101500A1B2C3D4 amount 150000 at 2026-03-15T10:15:00Z merchant 8729248847';
    expect(redactText(line)).toBe(line);
  });

  it('removes every registered secret, including one a signer was made with', () => {
    registerSecret('s3cr3t-app-key');
    createMerchantSigner('8729248847', 'another-secret-value');
    expect(redactText('key=s3cr3t-app-key; other another-secret-value!')).toBe(`key=${REDACTED}; other ${REDACTED}!`);
  });

  it('removes sign values from keys and from text bodies', () => {
    expect(redact({ body: { amount: 1, sign: 'ABCDEF0123456789' } })).toEqual({ body: { amount: 1, sign: REDACTED } });
    expect(redactText('{"amount":1000,"sign":"9F86D081884C7D65"}')).toBe(`{"amount":1000,"sign":"${REDACTED}"}`);
    expect(redactText('timestamp=1&sign=9f86d081884c7d65&x=1')).toBe(`timestamp=1&sign=${REDACTED}&x=1`);
  });

  it('walks nested objects, arrays, errors with causes, and survives cycles without touching the input', () => {
    registerSecret('top-secret-value');
    const cause = Object.assign(new Error('socket sent top-secret-value'), { code: 'ECONNRESET' });
    const error = Object.assign(new Error('charge for 081234567890 failed', { cause }), { customer: { email: 'siti@mail.com' } });
    const context: Record<string, unknown> = { list: [{ mobile: '081299998888' }], error, appSecret: 'whatever' };
    context.self = context;
    const out = redact(context) as any;
    expect(out.list[0].mobile).toBe('*********888');
    expect(out.appSecret).toBe(REDACTED);
    expect(out.error.message).toBe('charge for *********890 failed');
    expect(out.error.stack).not.toContain('081234567890');
    expect(out.error.customer.email).toBe('s***@mail.com');
    expect(out.error.cause.message).toBe(`socket sent ${REDACTED}`);
    expect(out.error.cause.code).toBe('ECONNRESET');
    expect(out.self).toBe(out);
    expect(error.message).toBe('charge for 081234567890 failed');
    expect(JSON.stringify(out, (k, v) => (k === 'self' ? undefined : v))).not.toMatch(/top-secret-value|081234567890|siti@/);
  });
});
