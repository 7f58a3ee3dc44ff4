import { describe, expect, it } from 'vitest';
import { validateCashierInput } from '../../../../shared/day/cashier-rules.ts';

describe('cashier input', () => {
  it('accepts a name and a 4–6 digit PIN, tidying the name', () => {
    expect(validateCashierInput({ name: '  Siti   Aminah ', pin: '1234' })).toEqual({
      ok: true,
      value: { name: 'Siti Aminah', pin: '1234' },
    });
    expect(validateCashierInput({ name: 'Budi', pin: '123456' }).ok).toBe(true);
  });

  it('names every broken field with a translatable code', () => {
    expect(validateCashierInput({ name: '', pin: '12' })).toEqual({
      ok: false,
      fields: { name: { code: 'name.empty' }, pin: { code: 'pin.format', params: { min: 4, max: 6 } } },
    });
    for (const pin of ['1234567', '12a4', ' 1234', '١٢٣٤']) {
      expect(validateCashierInput({ name: 'Budi', pin })).toMatchObject({ ok: false, fields: { pin: { code: 'pin.format' } } });
    }
    expect(validateCashierInput({ name: '=cmd|x', pin: '1234' })).toMatchObject({ ok: false, fields: { name: { code: 'name.bad_characters' } } });
  });
});
