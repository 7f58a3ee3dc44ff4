import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { computeSign, createMerchantSigner } from '../../../../electron/core/paypro/sign.ts';

// Every expected sign below was computed by hand, outside this code base, e.g.
//   python3 -c 'import hashlib; print(hashlib.md5("Zeta=zalpha=abeta=2k3y".encode()).hexdigest())'
// The string in each comment is exactly what was hashed.
describe('computeSign', () => {
  it('orders keys by UTF-16 code unit, so an upper-case key sorts first', () => {
    // "Zeta=zalpha=abeta=2k3y"
    expect(computeSign({ alpha: 'a', Zeta: 'z', beta: '2' }, 'k3y')).toBe('13a9e73de5db9d7717cf5675585be567');
  });

  it('skips "", null and undefined but signs 0 and false', () => {
    // "amount=0flag=falsename=xs"
    const fields = { amount: 0, flag: false, empty: '', nil: null, undef: undefined, name: 'x' };
    expect(computeSign(fields, 's')).toBe('1ddc084a63f0daef9bc832b740465d14');
  });

  it('ignores the sign field itself', () => {
    // "timestamp=1700000000000tradeNo=T1secret"
    const expected = 'd011759ef1a78c1edbcd958980550c7e';
    expect(computeSign({ tradeNo: 'T1', timestamp: '1700000000000' }, 'secret')).toBe(expected);
    expect(computeSign({ tradeNo: 'T1', timestamp: '1700000000000', sign: 'abc' }, 'secret')).toBe(expected);
  });

  it('hashes unicode values as UTF-8', () => {
    // "username=Warung Bu Sri — kopi ☕s3cr3t"
    expect(computeSign({ username: 'Warung Bu Sri — kopi ☕' }, 's3cr3t')).toBe('dfe7bf269674688a94c60db148b5a3a6');
  });

  it('appends the secret at the end of a full paymentLink body', () => {
    // "amount=50000channelCode=QRISemail=budi@example.commobile=081234567890notifyUrl=https://example.com/notify"
    // + "timestamp=1700000000000tradeNo=POS-0001username=Budi" + "test-secret"
    const body = {
      tradeNo: 'POS-0001',
      amount: 50000,
      mobile: '081234567890',
      email: 'budi@example.com',
      username: 'Budi',
      notifyUrl: 'https://example.com/notify',
      channelCode: 'QRIS',
      timestamp: '1700000000000',
    };
    expect(computeSign(body, 'test-secret')).toBe('97c3c031379a9dc94aaac82a575a7319');
  });

  it('refuses numbers that are not whole, and nested values', () => {
    expect(() => computeSign({ amount: 1000.5 }, 's')).toThrow(TypeError);
    expect(() => computeSign({ amount: 1e300 }, 's')).toThrow(TypeError);
    expect(() => computeSign({ nested: { a: 1 } }, 's')).toThrow(TypeError);
  });

  it('refuses an empty secret', () => {
    expect(() => computeSign({ a: '1' }, '')).toThrow(TypeError);
  });
});

describe('createMerchantSigner', () => {
  const signer = createMerchantSigner('8729248847', 'test-secret');
  // "timestamp=1724151084278test-secret"
  const balanceSign = '860ae27f20547a5054dcc331cddc9fb9';

  it('signs with the hidden secret', () => {
    expect(signer.merchantNo).toBe('8729248847');
    expect(signer.sign({ timestamp: '1724151084278' })).toBe(balanceSign);
  });

  it('verifies a matching sign, upper-case included, and rejects anything else', () => {
    expect(signer.verify({ timestamp: '1724151084278', sign: balanceSign })).toBe(true);
    expect(signer.verify({ timestamp: '1724151084278', sign: balanceSign.toUpperCase() })).toBe(true);
    expect(signer.verify({ timestamp: '1724151084279', sign: balanceSign })).toBe(false);
    expect(signer.verify({ timestamp: '1724151084278', sign: balanceSign.slice(1) })).toBe(false);
    expect(signer.verify({ timestamp: '1724151084278' })).toBe(false);
    expect(signer.verify({ timestamp: '1724151084278', sign: 42 })).toBe(false);
  });

  it('never reveals the secret when printed or serialised', () => {
    for (const text of [JSON.stringify(signer), inspect(signer, { showHidden: true, depth: 5 }), String(Object.values(signer))]) {
      expect(text).not.toContain('test-secret');
    }
    expect(JSON.parse(JSON.stringify(signer))).toEqual({ merchantNo: '8729248847' });
  });

  it('refuses an empty secret', () => {
    expect(() => createMerchantSigner('8729248847', '')).toThrow(TypeError);
  });
});
