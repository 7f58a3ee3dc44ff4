import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQrisPayload } from '../../../../shared/qris/build.ts';
import { parseQris } from '../../../../shared/qris/parse.ts';
import { PAYPRO_SAMPLE, qrisFields } from './fixtures.ts';

describe('buildQrisPayload', () => {
  it('rebuilds the Paypro sample byte for byte from its fields', () => {
    const parsed = parseQris(PAYPRO_SAMPLE);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(buildQrisPayload(parsed.value.fields.filter((field) => field.tag !== '63'))).toBe(PAYPRO_SAMPLE);
  });

  it('encodes nested templates and seals with the CRC', () => {
    const payload = buildQrisPayload([{ tag: '00', value: '01' }, { tag: '62', value: [{ tag: '05', value: 'AB' }] }]);
    expect(payload).toMatch(/^00020162060502AB6304[0-9A-F]{4}$/);
    expect(parseQris(payload).ok).toBe(true);
  });

  it('round-trips through the parser', () => {
    const text = fc.string({ minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), text, text, fc.constantFrom('11', '12'), (amount, name, city, initiation) => {
        const payload = buildQrisPayload(qrisFields({ '01': initiation, '54': String(amount), '59': name, '60': city }));
        const result = parseQris(payload);
        expect(result.ok && result.value).toMatchObject({
          amount,
          merchantName: name,
          merchantCity: city,
          pointOfInitiation: initiation === '11' ? 'static' : 'dynamic',
          merchantAccounts: [{ tag: '26', subFields: { '00': 'ID.CO.QRIS.WWW' } }, { tag: '51' }],
        });
      }),
      { numRuns: 500 },
    );
  });

  it('throws on fields it cannot encode', () => {
    expect(() => buildQrisPayload([{ tag: '5', value: 'x' }])).toThrow(RangeError);
    expect(() => buildQrisPayload([{ tag: '59', value: '' }])).toThrow(RangeError);
    expect(() => buildQrisPayload([{ tag: '59', value: 'x'.repeat(100) }])).toThrow(RangeError);
  });
});
