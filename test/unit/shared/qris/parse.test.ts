import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQris, QRIS_ERROR_CODES, type QrisErrorCode, type QrisParseResult } from '../../../../shared/qris/parse.ts';
import { PAYPRO_SAMPLE, qris, sealed } from './fixtures.ts';

const reached = new Set<QrisErrorCode>();
function errorOf(result: QrisParseResult): QrisErrorCode | null {
  if (result.ok) return null;
  reached.add(result.error.code);
  expect(result.error.detail).not.toBe('');
  return result.error.code;
}
function parsed(payload: string) {
  const result = parseQris(payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value;
}

describe('parseQris: Paypro sample', () => {
  it('parses every field of the documented qrString', () => {
    const value = parsed(PAYPRO_SAMPLE);
    expect(value).toMatchObject({
      payloadFormat: '01',
      pointOfInitiation: 'dynamic',
      merchantCategory: '6533',
      currency: '360',
      amount: 50_000,
      amountText: '50000',
      surcharge: null,
      country: 'ID',
      merchantName: 'CF',
      merchantNameDisplay: 'CF',
      merchantCity: ' JAKARTA SELATA',
      merchantCityDisplay: 'JAKARTA SELATA',
      postalCode: '12760',
      crc: '1909',
    });
    expect(value.additionalData).toEqual({
      tag: '62',
      raw: '0525db913be449be4568b21c4b19e0703A01',
      subFields: { '05': 'db913be449be4568b21c4b19e', '07': 'A01' },
    });
  });

  it('keeps the odd tag 26 (a URL where a reverse domain belongs) raw and reads what it can', () => {
    const [account26, account51] = parsed(PAYPRO_SAMPLE).merchantAccounts;
    expect(account26?.tag).toBe('26');
    expect(account26?.raw).toBe('0021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI');
    expect(account26?.subFields).toEqual({ '00': 'ID/.HTTPS://CFSUKSESS', '01': '936009223761101002', '02': '761101002', '03': 'UMI' });
    expect(account51?.subFields?.['00']).toBe('ID.CO.QRIS.WWW');
  });

  it('accepts the CRC in lower case', () => {
    const withLetters = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => qris({ '59': `TOKO ${n}` })).find((p) => /[A-F]/.test(p.slice(-4)));
    if (!withLetters) throw new Error('no fixture with a letter in its CRC');
    const lower = withLetters.slice(0, -4) + withLetters.slice(-4).toLowerCase();
    expect(lower).not.toBe(withLetters);
    expect(parsed(lower).crc).toBe(withLetters.slice(-4).toLowerCase());
  });
});

describe('parseQris: codes as found in the field', () => {
  it('reads a static code that carries an amount', () => {
    expect(parsed(qris({ '01': '11', '54': '25000' }))).toMatchObject({ pointOfInitiation: 'static', amount: 25_000 });
  });

  it('allows a missing point of initiation and a missing amount', () => {
    expect(parsed(qris({ '01': undefined, '54': undefined }))).toMatchObject({ pointOfInitiation: null, amount: null, amountText: null });
  });

  it('reads decimal amounts: 39000.00 is 39000', () => {
    expect(parsed(qris({ '54': '39000.00' }))).toMatchObject({ amount: 39_000, amountText: '39000.00' });
    expect(parsed(qris({ '54': '39000.5' })).amount).toBe(39_000.5);
  });

  it('reports tip and fee tags 55–57', () => {
    expect(parsed(qris({ '55': '02', '56': '1000' })).surcharge).toEqual({ indicator: '02', fixed: '1000', percentage: null });
    expect(parsed(qris({ '55': '03', '57': '2.5' })).surcharge).toEqual({ indicator: '03', fixed: null, percentage: '2.5' });
    expect(parsed(qris({ '55': '01' })).surcharge).toEqual({ indicator: '01', fixed: null, percentage: null });
    expect(parsed(qris()).surcharge).toBeNull();
  });

  it('parses codes without tag 52 or without ID.CO.QRIS.WWW', () => {
    expect(parsed(qris({ '52': undefined })).merchantCategory).toBeNull();
    const noGui = parsed(qris({ '26': [{ tag: '00', value: 'COM.EXAMPLE.PAY' }, { tag: '01', value: '9360' }], '51': undefined }));
    expect(noGui.merchantAccounts).toHaveLength(1);
    expect(noGui.merchantAccounts[0]?.subFields?.['00']).toBe('COM.EXAMPLE.PAY');
  });

  it('never fails on a template that is not valid TLV inside', () => {
    const value = parsed(qris({ '26': 'ID.CO.QRIS.WWW 9360 not tlv', '62': '05' }));
    expect(value.merchantAccounts[0]).toEqual({ tag: '26', raw: 'ID.CO.QRIS.WWW 9360 not tlv', subFields: null });
    expect(value.additionalData).toEqual({ tag: '62', raw: '05', subFields: null });
  });

  it('keeps names as written and gives a display form', () => {
    const value = parsed(qris({ '59': 'TOKO  MAJU   JAYA  ', '60': '  BANDUNG ' }));
    expect(value.merchantName).toBe('TOKO  MAJU   JAYA  ');
    expect(value.merchantNameDisplay).toBe('TOKO MAJU JAYA');
    expect(value.merchantCityDisplay).toBe('BANDUNG');
    expect(parsed(qris({ '59': '   ' })).merchantNameDisplay).toBeNull();
    expect(parsed(qris({ '59': undefined })).merchantName).toBeNull();
  });

  it('lists every top-level field in order, including unnamed ones', () => {
    const value = parsed(qris({ '64': [{ tag: '00', value: 'ID' }] }));
    expect(value.fields.map((field) => field.tag)).toEqual(['00', '01', '26', '51', '52', '53', '54', '58', '59', '60', '61', '62', '64', '63']);
  });

  it('reads fields in any order after tag 00', () => {
    // The Paypro sample itself has 54 after 61 and 53 after 54.
    expect(parsed(sealed('000201' + '5802ID' + '540510000' + '5303360' + '6304')).amount).toBe(10_000);
  });
});

describe('parseQris: strict structure', () => {
  it('refuses an empty payload', () => {
    expect(errorOf(parseQris(''))).toBe('qris.empty');
  });

  it('refuses a tag that is not two digits', () => {
    expect(errorOf(parseQris(sealed('000201AB02xx6304')))).toBe('qris.bad_tlv');
    expect(errorOf(parseQris(' ' + PAYPRO_SAMPLE))).toBe('qris.bad_tlv');
  });

  it('refuses a length that is not two digits, or zero', () => {
    expect(errorOf(parseQris(sealed('00020101x2126304')))).toBe('qris.bad_length');
    expect(errorOf(parseQris(sealed('0002015900' + '6304')))).toBe('qris.bad_length');
  });

  it('refuses a truncated payload or a length past the end', () => {
    expect(errorOf(parseQris(PAYPRO_SAMPLE.slice(0, -1)))).toBe('qris.truncated');
    expect(errorOf(parseQris(PAYPRO_SAMPLE.slice(0, -6)))).toBe('qris.truncated');
    expect(errorOf(parseQris(PAYPRO_SAMPLE.slice(0, 3)))).toBe('qris.truncated');
    expect(errorOf(parseQris(sealed('0002015999CF6304')))).toBe('qris.truncated');
  });

  it('refuses a tag that appears twice', () => {
    expect(errorOf(parseQris(sealed('000201' + '5802ID' + '5802ID' + '6304')))).toBe('qris.duplicate_tag');
  });

  it('requires the CRC, last, as four hex digits that match', () => {
    expect(errorOf(parseQris('0002010102125802ID'))).toBe('qris.missing_crc');
    expect(errorOf(parseQris(qris() + '9902ab'))).toBe('qris.crc_not_last');
    expect(errorOf(parseQris('0002016303ABC'))).toBe('qris.bad_crc_format');
    expect(errorOf(parseQris('0002016304XYZ1'))).toBe('qris.bad_crc_format');
    expect(errorOf(parseQris(PAYPRO_SAMPLE.replace(/1909$/, '1908')))).toBe('qris.crc_mismatch');
  });

  it('detects a payload changed by one character', () => {
    const changed = PAYPRO_SAMPLE.replace('540550000', '540550001');
    expect(parseQris(changed)).toEqual({ ok: false, error: { code: 'qris.crc_mismatch', detail: expect.stringContaining('1909') } });
    errorOf(parseQris(changed));
  });

  it('requires tag 00 = 01, first', () => {
    expect(errorOf(parseQris(sealed('000202' + '5802ID' + '6304')))).toBe('qris.bad_format_indicator');
    expect(errorOf(parseQris(sealed('5802ID' + '000201' + '6304')))).toBe('qris.bad_format_indicator');
    expect(errorOf(parseQris(sealed('5802ID' + '6304')))).toBe('qris.bad_format_indicator');
  });

  it('refuses a point of initiation other than 11 or 12', () => {
    expect(errorOf(parseQris(qris({ '01': '13' })))).toBe('qris.bad_initiation_method');
  });

  it('refuses an amount that is not digits with up to two decimals', () => {
    for (const amount of ['39,000', '39000.000', '-39000', '3.9e4', '39000.', '.5', ' 39000']) {
      expect(errorOf(parseQris(qris({ '54': amount }))), amount).toBe('qris.bad_amount');
    }
  });

  it('reaches every error code', () => {
    expect([...reached].sort()).toEqual([...QRIS_ERROR_CODES].sort());
  });
});

describe('parseQris: never throws', () => {
  it('answers any string with a typed result', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseQris(text);
        return result.ok || QRIS_ERROR_CODES.includes(result.error.code);
      }),
      { numRuns: 1_000 },
    );
  });

  it('answers strings made of TLV-like pieces with a typed result', () => {
    const piece = fc.oneof(fc.constantFrom('00', '01', '02', '26', '54', '59', '62', '63', '04', '99', '6304'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const result = parseQris(pieces.join(''));
        return result.ok || QRIS_ERROR_CODES.includes(result.error.code);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects any one-character change to a valid payload, except the CRC digits changing case', () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.nat(PAYPRO_SAMPLE.length - 1), printable, (index, char) => {
        const mutated = PAYPRO_SAMPLE.slice(0, index) + char + PAYPRO_SAMPLE.slice(index + 1);
        const result = parseQris(mutated);
        const crcCase = index >= PAYPRO_SAMPLE.length - 4 && mutated.toUpperCase() === PAYPRO_SAMPLE.toUpperCase();
        const harmless = mutated === PAYPRO_SAMPLE || crcCase;
        return harmless ? result.ok : !result.ok;
      }),
      { numRuns: 3_000 },
    );
  });

  it('answers random insertions, deletions and cuts with a typed result', () => {
    fc.assert(
      fc.property(fc.nat(PAYPRO_SAMPLE.length), fc.nat(8), fc.string({ maxLength: 8 }), (index, removed, inserted) => {
        const mutated = PAYPRO_SAMPLE.slice(0, index) + inserted + PAYPRO_SAMPLE.slice(index + removed);
        const result = parseQris(mutated);
        return result.ok || QRIS_ERROR_CODES.includes(result.error.code);
      }),
      { numRuns: 3_000 },
    );
  });
});
