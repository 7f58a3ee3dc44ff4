import { describe, expect, it } from 'vitest';
import { encodeTlv, readTlv } from '../../../../shared/qris/tlv.ts';

describe('readTlv', () => {
  it('reads consecutive fields', () => {
    expect(readTlv('0002015802ID')).toEqual({ ok: true, value: [{ tag: '00', value: '01' }, { tag: '58', value: 'ID' }] });
    expect(readTlv('')).toEqual({ ok: true, value: [] });
  });

  it('reports each structural fault with its code', () => {
    expect(readTlv('000')).toMatchObject({ ok: false, error: { code: 'qris.truncated' } });
    expect(readTlv('0005abc')).toMatchObject({ ok: false, error: { code: 'qris.truncated' } });
    expect(readTlv('x00201')).toMatchObject({ ok: false, error: { code: 'qris.bad_tlv' } });
    expect(readTlv('00a101')).toMatchObject({ ok: false, error: { code: 'qris.bad_length' } });
    expect(readTlv('00-101')).toMatchObject({ ok: false, error: { code: 'qris.bad_length' } });
    expect(readTlv('0000')).toMatchObject({ ok: false, error: { code: 'qris.bad_length' } });
    expect(readTlv('000201000201')).toMatchObject({ ok: false, error: { code: 'qris.duplicate_tag' } });
  });
});

describe('encodeTlv', () => {
  it('writes a two-digit length', () => {
    expect(encodeTlv('59', 'CF')).toBe('5902CF');
    expect(encodeTlv('26', 'x'.repeat(99))).toBe(`2699${'x'.repeat(99)}`);
  });
});
