import { describe, expect, it } from 'vitest';
import { QRIS_CHARGE_PROBLEM_CODES } from '../../../shared/qris/check.ts';
import { SETTINGS_ERROR_CODES } from '../../../shared/settings.ts';
import { VALIDATION_CODES } from '../../../shared/validation.ts';
import { ALL_ERROR_CODES, GATEWAY_ERROR_CODES, MAIN_ERROR_CODES, QR_INTEGRITY_CODES } from '../../../renderer/i18n/codes.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { id } from '../../../renderer/i18n/id.ts';
import { createTranslate, errorKey, interpolate, translateCode } from '../../../renderer/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((match) => match[1]).sort();

describe('i18n', () => {
  it('both languages have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('every validation code from shared/validation.ts has a message in both languages', () => {
    for (const code of VALIDATION_CODES) {
      expect(Object.hasOwn(id, errorKey(code)), code).toBe(true);
      expect(Object.hasOwn(en, errorKey(code)), code).toBe(true);
    }
  });

  it('every QR integrity and settings code from shared/ has a message in both languages', () => {
    for (const code of [...QRIS_CHARGE_PROBLEM_CODES, ...SETTINGS_ERROR_CODES]) {
      expect(Object.hasOwn(id, errorKey(code)), code).toBe(true);
      expect(Object.hasOwn(en, errorKey(code)), code).toBe(true);
    }
  });

  it('every error code main, the gateway and the QR check can send has a message in both languages', () => {
    expect(ALL_ERROR_CODES).toEqual(expect.arrayContaining([...MAIN_ERROR_CODES, ...GATEWAY_ERROR_CODES, ...QR_INTEGRITY_CODES]));
    for (const code of ALL_ERROR_CODES) {
      expect(Object.hasOwn(id, errorKey(code)), code).toBe(true);
      expect(Object.hasOwn(en, errorKey(code)), code).toBe(true);
    }
  });

  it('the actionable mobile rule says what to do', () => {
    expect(translateCode('id', 'mobile.bad_prefix')).toMatch(/diawali 08 atau 628/);
    expect(translateCode('en', 'mobile.bad_prefix')).toMatch(/start with 08 or 628/);
  });

  it('shows amount parameters as rupiah and other numbers as they are', () => {
    expect(translateCode('id', 'amount.below_min', { min: 10000 })).toBe('Jumlah minimal Rp\u00a010.000.');
    expect(translateCode('en', 'mobile.bad_length', { min: 10, max: 13 })).toContain('10–13 digits');
  });

  it('names an unknown code instead of showing nothing', () => {
    expect(translateCode('en', 'brand.new')).toContain('brand.new');
    expect(translateCode('id', 'brand.new', undefined, 'err.local.unknown_field')).toBe('Nilai ini tidak valid (brand.new).');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Rp {a} / {b}', { a: 1 })).toBe('Rp 1 / {b}');
    expect(createTranslate('en')('sale.charge')).toBe('Charge');
    expect(createTranslate('id')('sale.charge')).toBe('Tagih');
  });
});
