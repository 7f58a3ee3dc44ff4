import { describe, expect, it } from 'vitest';
import { formatRupiah, formatRupiahDigits, parseRupiahDigits } from '../../../shared/money.ts';

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

describe('formatRupiahDigits', () => {
  it('groups typed digits with dots', () => {
    expect(formatRupiahDigits('150000')).toBe('150.000');
    expect(formatRupiahDigits('1500')).toBe('1.500');
    expect(formatRupiahDigits('150')).toBe('150');
    expect(formatRupiahDigits('1234567')).toBe('1.234.567');
  });

  it('regroups text that already has dots in the wrong place while typing', () => {
    expect(formatRupiahDigits('1.5000')).toBe('15.000');
    expect(formatRupiahDigits('15.0000')).toBe('150.000');
  });

  it('drops non-digits and leading zeros but keeps a lone zero', () => {
    expect(formatRupiahDigits('Rp 12a3,4')).toBe('1.234');
    expect(formatRupiahDigits('000150')).toBe('150');
    expect(formatRupiahDigits('000')).toBe('0');
    expect(formatRupiahDigits('')).toBe('');
  });

  it('keeps digits beyond MAX_SAFE_INTEGER exactly as typed', () => {
    expect(formatRupiahDigits('12345678901234567890')).toBe('12.345.678.901.234.567.890');
  });
});

describe('parseRupiahDigits', () => {
  it('reads digits with dots and spaces', () => {
    expect(parseRupiahDigits('150.000')).toBe(150_000);
    expect(parseRupiahDigits('150000')).toBe(150_000);
    expect(parseRupiahDigits(' 150 000 ')).toBe(150_000);
  });

  it('round-trips with formatRupiahDigits', () => {
    expect(parseRupiahDigits(formatRupiahDigits('9876543'))).toBe(9_876_543);
  });

  it('returns null for non-digits, decimals, negatives and empty text', () => {
    for (const text of ['', ' ', '.', 'abc', '150.000,50', '-5', '1e5']) {
      expect(parseRupiahDigits(text)).toBeNull();
    }
  });

  it('returns null past MAX_SAFE_INTEGER', () => {
    expect(parseRupiahDigits(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseRupiahDigits('9007199254740992')).toBeNull();
  });
});
