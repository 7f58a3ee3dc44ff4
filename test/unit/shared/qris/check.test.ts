import { describe, expect, it } from 'vitest';
import { checkQrisForCharge, QRIS_CHARGE_PROBLEM_CODES } from '../../../../shared/qris/check.ts';
import { PAYPRO_SAMPLE, qris } from './fixtures.ts';

function problemOf(payload: string, amount: number): string | null {
  const result = checkQrisForCharge(payload, amount);
  if (result.ok) return null;
  expect(QRIS_CHARGE_PROBLEM_CODES).toContain(result.error.code);
  expect(result.error.detail).not.toBe('');
  return result.error.code;
}

describe('checkQrisForCharge', () => {
  it('passes the Paypro sample for its own amount', () => {
    const result = checkQrisForCharge(PAYPRO_SAMPLE, 50_000);
    expect(result.ok && result.value.merchantNameDisplay).toBe('CF');
  });

  it('compares amounts as numbers: tag 54 39000.00 matches a charge of 39000', () => {
    expect(problemOf(qris({ '54': '39000.00' }), 39_000)).toBeNull();
    expect(problemOf(qris({ '54': '39000.0' }), 39_000)).toBeNull();
    expect(problemOf(qris({ '54': '039000' }), 39_000)).toBeNull();
    expect(problemOf(qris({ '54': '39000' }), 39_000)).toBeNull();
  });

  it('refuses an amount that differs, even by a fraction or a digit', () => {
    expect(problemOf(qris({ '54': '39000.50' }), 39_000)).toBe('qris.amount_mismatch');
    expect(problemOf(qris({ '54': '390000' }), 39_000)).toBe('qris.amount_mismatch');
    expect(problemOf(qris({ '54': '3900' }), 39_000)).toBe('qris.amount_mismatch');
    expect(problemOf(PAYPRO_SAMPLE, 1_000_000)).toBe('qris.amount_mismatch');
    const detail = checkQrisForCharge(qris({ '54': '39001' }), 39_000);
    expect(detail).toEqual({ ok: false, error: { code: 'qris.amount_mismatch', detail: 'tag 54 is 39001, the charge is 39000' } });
  });

  it('stays exact past MAX_SAFE_INTEGER', () => {
    expect(problemOf(qris({ '54': '9007199254740993' }), 2 ** 53)).toBe('qris.amount_mismatch');
  });

  it('accepts a static code that carries the right amount', () => {
    expect(problemOf(qris({ '01': '11', '54': '39000' }), 39_000)).toBeNull();
  });

  it('requires an amount on dynamic and static codes alike', () => {
    expect(problemOf(qris({ '54': undefined }), 39_000)).toBe('qris.amount_missing');
    expect(problemOf(qris({ '01': '11', '54': undefined }), 39_000)).toBe('qris.amount_missing');
  });

  it('refuses tip or fee tags 55–57, naming them', () => {
    expect(problemOf(qris({ '55': '01' }), 39_000)).toBe('qris.surcharge');
    expect(problemOf(qris({ '56': '1000' }), 39_000)).toBe('qris.surcharge');
    expect(checkQrisForCharge(qris({ '55': '03', '57': '2.5' }), 39_000)).toEqual({
      ok: false,
      error: { code: 'qris.surcharge', detail: 'tip or fee tags present: 55, 57' },
    });
  });

  it('refuses a currency other than IDR, or none', () => {
    expect(problemOf(qris({ '53': '840' }), 39_000)).toBe('qris.currency_not_idr');
    expect(problemOf(qris({ '53': undefined }), 39_000)).toBe('qris.currency_not_idr');
  });

  it('passes on structure and CRC errors from the parser', () => {
    expect(problemOf(PAYPRO_SAMPLE.replace(/1909$/, '1908'), 50_000)).toBe('qris.crc_mismatch');
    expect(problemOf('', 50_000)).toBe('qris.empty');
    expect(problemOf(PAYPRO_SAMPLE.slice(0, 100), 50_000)).toBe('qris.truncated');
  });

  it('passes codes without tag 52 or without ID.CO.QRIS.WWW', () => {
    expect(problemOf(qris({ '52': undefined }), 39_000)).toBeNull();
    expect(problemOf(qris({ '26': [{ tag: '00', value: 'COM.EXAMPLE' }], '51': undefined }), 39_000)).toBeNull();
  });
});

/** A valid QRIS code for Rp 39.000 of exactly `length` characters, padded with templates 80, 81…. */
function qrisOfLength(length: number, char = 'X'): string {
  const padding: Record<string, string> = {};
  let missing = length - qris().length;
  for (let tag = 80; missing > 0; tag++) {
    // Each template costs 4 characters of tag and length on top of its 1–99 characters of value.
    const value = Math.min(99, missing - 4);
    padding[String(tag)] = char.repeat(value);
    missing -= value + 4;
  }
  return qris(padding);
}

describe('checkQrisForCharge: length', () => {
  it('accepts a payload of exactly 512 bytes and refuses 513 (EMV QRCPS §4.1)', () => {
    const at512 = qrisOfLength(512);
    expect(at512).toHaveLength(512);
    expect(problemOf(at512, 39_000)).toBeNull();
    const at513 = qrisOfLength(513);
    expect(at513).toHaveLength(513);
    expect(problemOf(at513, 39_000)).toBe('qris.too_long');
  });

  it('counts multi-byte characters by their UTF-8 bytes', () => {
    const text = qrisOfLength(400, 'é');
    expect(text).toHaveLength(400);
    expect(problemOf(text, 39_000)).toBe('qris.too_long');
  });
});
