import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRupiah, groupRupiah, parseRupiahText } from '../../../shared/money.ts';

const NBSP = '\u00a0';

describe('formatRupiah', () => {
  it('formats the Indonesian way with a no-break space after Rp', () => {
    expect(formatRupiah(150_000)).toBe(`Rp${NBSP}150.000`);
    expect(formatRupiah(150_000)).not.toBe('Rp 150.000');
  });

  it('groups millions and shows no decimals', () => {
    expect(formatRupiah(10_000_000)).toBe(`Rp${NBSP}10.000.000`);
    expect(formatRupiah(999)).toBe(`Rp${NBSP}999`);
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
  });
});

describe('groupRupiah', () => {
  it('groups thousands with dots, without Rp', () => {
    expect(groupRupiah(150_000)).toBe('150.000');
    expect(groupRupiah(10_000_000)).toBe('10.000.000');
    expect(groupRupiah(999)).toBe('999');
    expect(groupRupiah(Number.MAX_SAFE_INTEGER)).toBe('9.007.199.254.740.991');
  });
});

describe('parseRupiahText', () => {
  const valueOf = (text: string) => {
    const parsed = parseRupiahText(text);
    return parsed.ok ? parsed.value : parsed.refusal;
  };

  it('reads plain digits, dots in thousands places, spaces and an Rp prefix', () => {
    expect(valueOf('25000')).toBe(25_000);
    expect(valueOf('25.000')).toBe(25_000);
    expect(valueOf('1.250.000')).toBe(1_250_000);
    expect(valueOf('Rp 25.000')).toBe(25_000);
    expect(valueOf('Rp25.000')).toBe(25_000);
    expect(valueOf('rp. 25.000')).toBe(25_000);
    expect(valueOf(`Rp${NBSP}25.000`)).toBe(25_000);
    expect(valueOf(' 150 000 ')).toBe(150_000);
  });

  it('refuses a decimal part instead of reading it as more digits', () => {
    for (const text of ['15000,50', '15.000,50', '1,5', '150.000,', '1.5', '25.000.00', '39000.00', 'Rp 1.5']) {
      expect(valueOf(text), text).toBe('decimal');
    }
  });

  it('refuses a dot outside the thousands places', () => {
    for (const text of ['1.50.000', '15.0000', '1.2500', '25.', '.5', '1..000', '15.00.00']) {
      expect(valueOf(text), text).toBe('grouping');
    }
  });

  it('names empty, negative, too large and non-numbers', () => {
    expect(valueOf('')).toBe('empty');
    expect(valueOf(' Rp ')).toBe('empty');
    expect(valueOf('-5')).toBe('negative');
    expect(valueOf('-1,5')).toBe('negative');
    expect(valueOf('-0')).toBe(0);
    expect(valueOf(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(valueOf('9007199254740992')).toBe('too_large');
    for (const text of ['abc', '1e5', '0x10', '+5', '-', '.', '15o000', 'Rp Rp 5']) {
      expect(valueOf(text), text).toBe('not_a_number');
    }
  });

  it('reads every grouped amount back to itself, with or without Rp (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(parseRupiahText(groupRupiah(amount))).toEqual({ ok: true, value: amount });
        expect(parseRupiahText(formatRupiah(amount))).toEqual({ ok: true, value: amount });
        expect(parseRupiahText(String(amount))).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('accepts a text only when its digits, without the separators, are the value (property)', () => {
    const piece = fc.constantFrom('0', '1', '5', '9', '000', '.', ',', ' ', 'Rp', '-', 'a');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))), (text) => {
        const parsed = parseRupiahText(text);
        if (!parsed.ok) return;
        expect(text).not.toContain(',');
        const digits = text.replace(/^\s*rp\.?/i, '').replace(/[\s.-]/g, '');
        expect(Number(digits)).toBe(parsed.value);
      }),
    );
  });
});
