import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whatsAppLink, whatsAppNumber } from '../../../shared/whatsapp.ts';

// Issue 20: the customer's mobile as wa.me wants it (62…), from what a cashier types.
describe('whatsAppNumber', () => {
  it('normalises 08…, +62…, 62… (with spaces and dashes) to 62…', () => {
    expect(whatsAppNumber('0812-3456-7890')).toBe('6281234567890');
    expect(whatsAppNumber('+62 812 3456 7890')).toBe('6281234567890');
    expect(whatsAppNumber('6281234567890')).toBe('6281234567890');
  });

  it('refuses what is not an Indonesian mobile', () => {
    for (const text of ['', '12345678', '+1 555 0100', '0212345678', '08123']) expect(whatsAppNumber(text)).toBeNull();
  });

  it('every written form of one number gives the same 62… number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (rest) => {
        const expected = `62${rest}`;
        expect(whatsAppNumber(`0${rest}`)).toBe(expected);
        expect(whatsAppNumber(`+62${rest}`)).toBe(expected);
        expect(whatsAppNumber(`62${rest}`)).toBe(expected);
        expect(whatsAppNumber(`+62 ${rest.slice(0, 3)}-${rest.slice(3)}`)).toBe(expected);
      }),
    );
  });
});

describe('whatsAppLink', () => {
  it('puts any text safely in the query', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const url = new URL(whatsAppLink('6281234567890', text));
        expect(url.origin).toBe('https://wa.me');
        expect(url.pathname).toBe('/6281234567890');
        expect(url.searchParams.get('text')).toBe(text);
      }),
    );
  });
});
