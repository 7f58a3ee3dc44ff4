import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings.ts';
import {
  VALIDATION_CODES,
  validateAmount,
  validateEmail,
  validateMobile,
  validateName,
  validateSale,
  type ValidationCode,
  type ValidationResult,
} from '../../../shared/validation.ts';

const LIMITS = { minAmount: 10_000, maxAmount: 10_000_000 };
/** The shop's contact from Settings, sent for what the cashier leaves blank. */
const DEFAULTS = { name: 'Warung Sari', mobile: '081298765432', email: 'warung@example.co.id' };
const NONE_TYPED = { name: false, mobile: false, email: false };

const reached = new Set<ValidationCode>();
function codeOf<T>(result: ValidationResult<T>): ValidationCode | null {
  if (result.ok) return null;
  reached.add(result.error.code);
  return result.error.code;
}
function expectError<T>(result: ValidationResult<T>, code: ValidationCode, params?: Record<string, number>): void {
  codeOf(result);
  expect(result).toEqual({ ok: false, error: params ? { code, params } : { code } });
}
function valueOf<T>(result: ValidationResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

describe('validateAmount', () => {
  it('reads Indonesian thousands separators: 150.000 is 150000', () => {
    expect(valueOf(validateAmount('150.000', LIMITS))).toBe(150_000);
    expect(valueOf(validateAmount('1.500.000', LIMITS))).toBe(1_500_000);
    expect(valueOf(validateAmount('150000', LIMITS))).toBe(150_000);
    expect(valueOf(validateAmount(' 150 000 ', LIMITS))).toBe(150_000);
    expect(valueOf(validateAmount('Rp 150.000', LIMITS))).toBe(150_000);
    expect(valueOf(validateAmount('Rp\u00a0150.000', LIMITS))).toBe(150_000);
    expect(valueOf(validateAmount(150_000, LIMITS))).toBe(150_000);
  });

  it('refuses empty text', () => {
    expect(codeOf(validateAmount('', LIMITS))).toBe('amount.empty');
    expect(codeOf(validateAmount('   ', LIMITS))).toBe('amount.empty');
  });

  it('refuses decimals, Indonesian and English', () => {
    for (const text of ['150.000,50', '150.000,00', '1,5', '1.5', '39000.00', '150.000,', '15000,50', '25.000.00']) {
      expect(codeOf(validateAmount(text, LIMITS)), text).toBe('amount.not_whole');
    }
    expect(codeOf(validateAmount(15_000.5, LIMITS))).toBe('amount.not_whole');
  });

  it('refuses zero and negatives', () => {
    for (const input of ['0', '-150.000', '-0', '-1,5', 0, -15_000, -0]) {
      expect(codeOf(validateAmount(input, LIMITS)), String(input)).toBe('amount.not_positive');
    }
  });

  it('refuses text that is not a number, and NaN or infinities', () => {
    for (const input of ['abc', '15o000', '1e5', '0x10', '-', '+5', NaN, Infinity, -Infinity]) {
      expect(codeOf(validateAmount(input, LIMITS)), String(input)).toBe('amount.not_a_number');
    }
  });

  it('refuses a dot that is not a thousands separator', () => {
    for (const text of ['1.50.000', '15.00.00', '150.0000', '25.']) {
      expect(codeOf(validateAmount(text, LIMITS)), text).toBe('amount.bad_grouping');
    }
  });

  it('applies the limits exactly at their edges', () => {
    expect(valueOf(validateAmount(10_000, LIMITS))).toBe(10_000);
    expectError(validateAmount(9_999, LIMITS), 'amount.below_min', { min: 10_000 });
    expect(codeOf(validateAmount('9.999', LIMITS))).toBe('amount.below_min');
    expect(valueOf(validateAmount('10.000.000', LIMITS))).toBe(10_000_000);
    expectError(validateAmount(10_000_001, LIMITS), 'amount.above_max', { max: 10_000_000 });
  });

  it('reports amounts past MAX_SAFE_INTEGER as above the maximum it can hold', () => {
    const unbounded = { minAmount: 1, maxAmount: Number.MAX_SAFE_INTEGER * 4 };
    expect(valueOf(validateAmount(Number.MAX_SAFE_INTEGER, unbounded))).toBe(Number.MAX_SAFE_INTEGER);
    expect(valueOf(validateAmount(String(Number.MAX_SAFE_INTEGER), unbounded))).toBe(Number.MAX_SAFE_INTEGER);
    const max = { max: Number.MAX_SAFE_INTEGER };
    expectError(validateAmount('9007199254740992', unbounded), 'amount.above_max', max);
    expectError(validateAmount('9.007.199.254.740.993', unbounded), 'amount.above_max', max);
    expectError(validateAmount(2 ** 53, unbounded), 'amount.above_max', max);
    expect(codeOf(validateAmount('99999999999999999999999', LIMITS))).toBe('amount.above_max');
  });
});

describe('validateMobile', () => {
  it('normalises every accepted spelling to the national 08… digits', () => {
    for (const input of [
      '+62 812-3456-7890',
      '0812 3456 7890',
      '(0812) 3456-7890',
      '6281234567890',
      '+6281234567890',
      '0812.3456.7890',
      ' 081234567890 ',
    ]) {
      expect(valueOf(validateMobile(input)), input).toBe('081234567890');
    }
  });

  it('refuses empty input', () => {
    expect(codeOf(validateMobile(''))).toBe('mobile.empty');
    expect(codeOf(validateMobile('  '))).toBe('mobile.empty');
  });

  it('refuses letters and stray symbols', () => {
    for (const input of ['0812abc4567', '0812/3456/7890', '0812+3456', '0812_3456_7890', '++6281234567890']) {
      expect(codeOf(validateMobile(input)), input).toBe('mobile.bad_characters');
    }
  });

  it('refuses numbers that are not Indonesian mobiles', () => {
    for (const input of ['021 5551234', '+1 415 555 0100', '812-3456-7890', '+62 0812 3456 7890', '62 21 5551234', '0']) {
      expect(codeOf(validateMobile(input)), input).toBe('mobile.bad_prefix');
    }
  });

  it('checks 10–13 digits on the normalised form', () => {
    expectError(validateMobile('081234567'), 'mobile.bad_length', { min: 10, max: 13 });
    expect(valueOf(validateMobile('0812345678'))).toBe('0812345678');
    expect(valueOf(validateMobile('0812345678901'))).toBe('0812345678901');
    expect(codeOf(validateMobile('08123456789012'))).toBe('mobile.bad_length');
    // 628 spellings are one digit longer than the form sent.
    expect(codeOf(validateMobile('6281234567'))).toBe('mobile.bad_length');
    expect(valueOf(validateMobile('62812345678'))).toBe('0812345678');
    expect(valueOf(validateMobile('+62 812 3456 78901'))).toBe('0812345678901');
    expect(codeOf(validateMobile('+62 812 3456 789012'))).toBe('mobile.bad_length');
  });
});

describe('validateEmail', () => {
  it('accepts real addresses, trims, and lower-cases only the domain', () => {
    expect(valueOf(validateEmail('  Budi.Santoso+toko@Example.CO.ID '))).toBe('Budi.Santoso+toko@example.co.id');
    expect(valueOf(validateEmail('a@b.id'))).toBe('a@b.id');
    expect(valueOf(validateEmail('x_y@mail-server.example.com'))).toBe('x_y@mail-server.example.com');
  });

  it('refuses empty input', () => {
    expect(codeOf(validateEmail(' '))).toBe('email.empty');
  });

  it('refuses malformed addresses', () => {
    for (const input of [
      'budi',
      'budi@',
      '@example.com',
      'budi@@example.com',
      'budi@toko@example.com',
      'budi@example',
      'budi@example.c',
      'budi@example.c0m',
      'budi santoso@example.com',
      'budi@exa mple.com',
      '.budi@example.com',
      'budi.@example.com',
      'bu..di@example.com',
      'budi@-example.com',
      'budi@example-.com',
      'budi@example..com',
      'budi@example.com.',
      '"budi"@example.com',
    ]) {
      expect(codeOf(validateEmail(input)), input).toBe('email.invalid');
    }
  });

  it('enforces RFC 5321 lengths exactly: 64 for the local part, 254 in all', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(60)}.id`; // 191 characters
    expect(valueOf(validateEmail(`${'x'.repeat(62)}@${domain}`))).toHaveLength(254);
    expectError(validateEmail(`${'x'.repeat(63)}@${domain}`), 'email.too_long', { max: 254 });
    expect(valueOf(validateEmail(`${'x'.repeat(64)}@example.com`))).toContain('@');
    expectError(validateEmail(`${'x'.repeat(65)}@example.com`), 'email.local_too_long', { max: 64 });
    expect(codeOf(validateEmail(`budi@${'a'.repeat(64)}.com`))).toBe('email.invalid');
  });
});

describe('validateName', () => {
  it('trims and collapses inner spaces', () => {
    expect(valueOf(validateName('  Budi   Santoso  '))).toBe('Budi Santoso');
    expect(valueOf(validateName('Budi\u00a0\u00a0Santoso'))).toBe('Budi Santoso');
  });

  it('accepts letters of any script, marks, digits and name punctuation', () => {
    for (const name of ["Nguyễn Văn A", "O'Brien", 'Jean-Luc', 'Ir. Soekarno', 'Toko 88', 'محمد', '王小明', 'Nguye\u0302\u0303n']) {
      expect(valueOf(validateName(name)), name).toBe(name);
    }
  });

  it('refuses empty names', () => {
    expect(codeOf(validateName('   '))).toBe('name.empty');
  });

  it('allows 64 characters, counted in code points, and no more', () => {
    expect(valueOf(validateName('a'.repeat(64)))).toHaveLength(64);
    expectError(validateName('a'.repeat(65)), 'name.too_long', { max: 64 });
    expect(valueOf(validateName('𝒜'.repeat(64)))).toBe('𝒜'.repeat(64));
  });

  it('refuses control characters and symbols', () => {
    for (const name of ['Budi\u0000', 'Budi\tSantoso', 'Budi\nSantoso', 'Budi\u200bSantoso', '<script>', 'Budi@', 'Budi 😀']) {
      expect(codeOf(validateName(name)), JSON.stringify(name)).toBe('name.bad_characters');
    }
  });
});

describe('validateSale', () => {
  it("fills blank customer fields with the shop's contact, and says which fields the cashier typed", () => {
    expect(validateSale({ amount: '150.000' }, DEFAULTS, LIMITS)).toEqual({
      ok: true,
      value: { amount: 150_000, customer: DEFAULTS, typed: NONE_TYPED },
    });
    expect(validateSale({ amount: 150_000, customer: { mobile: '0812 1111 2222' } }, DEFAULTS, LIMITS)).toEqual({
      ok: true,
      value: { amount: 150_000, customer: { ...DEFAULTS, mobile: '081211112222' }, typed: { ...NONE_TYPED, mobile: true } },
    });
    expect(validateSale({ amount: 150_000, customer: { name: '  ', mobile: '', email: undefined } }, DEFAULTS, LIMITS)).toEqual(
      validateSale({ amount: 150_000 }, DEFAULTS, LIMITS),
    );
  });

  it('normalises what the cashier typed', () => {
    const result = validateSale(
      { amount: 'Rp 25.000', customer: { name: ' Siti  Aminah ', mobile: '+62 812-3456-7890', email: 'Siti@Mail.COM' } },
      DEFAULTS,
      LIMITS,
    );
    expect(result).toEqual({
      ok: true,
      value: { amount: 25_000, customer: { name: 'Siti Aminah', mobile: '081234567890', email: 'Siti@mail.com' }, typed: { name: true, mobile: true, email: true } },
    });
  });

  it('reports every broken field at once, keyed by field', () => {
    const result = validateSale(
      { amount: '1,5', customer: { name: 'Budi\u0007', mobile: '021 555', email: 'budi@' } },
      DEFAULTS,
      LIMITS,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        amount: { code: 'amount.not_whole' },
        name: { code: 'name.bad_characters' },
        mobile: { code: 'mobile.bad_prefix' },
        email: { code: 'email.invalid' },
      },
    });
  });

  it('reports only the broken fields', () => {
    expect(validateSale({ amount: 5_000 }, DEFAULTS, LIMITS)).toEqual({
      ok: false,
      errors: { amount: { code: 'amount.below_min', params: { min: 10_000 } } },
    });
  });

  it('checks defaults with the same rules', () => {
    const result = validateSale({ amount: 50_000 }, { ...DEFAULTS, mobile: '12345' }, LIMITS);
    expect(result).toEqual({ ok: false, errors: { mobile: { code: 'mobile.bad_prefix' } } });
  });

  it('leaves a field empty, not refused, when neither the cashier nor the contact fills it (the caller decides)', () => {
    const empty = { name: '', mobile: '', email: '' };
    expect(validateSale({ amount: 50_000, customer: { name: 'Budi' } }, empty, LIMITS)).toEqual({
      ok: true,
      value: { amount: 50_000, customer: { ...empty, name: 'Budi' }, typed: { ...NONE_TYPED, name: true } },
    });
  });
});

describe('VALIDATION_CODES', () => {
  it('lists unique codes, each reached by a test above', () => {
    expect(new Set(VALIDATION_CODES).size).toBe(VALIDATION_CODES.length);
    expect([...reached].sort()).toEqual([...VALIDATION_CODES].sort());
  });
});

describe('small sales (issue 20 #7)', () => {
  it('charges Rp 1.000 with the default limits, and the owner may allow down to Rp 1', () => {
    expect(DEFAULT_SETTINGS.limits.minAmount).toBe(1_000);
    expect(validateAmount(1_000, DEFAULT_SETTINGS.limits)).toEqual({ ok: true, value: 1_000 });
    expect(codeOf(validateAmount(999, DEFAULT_SETTINGS.limits))).toBe('amount.below_min');
    const lowest = { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, minAmount: 1 } };
    expect(settingsSchema.safeParse(lowest).success).toBe(true);
    expect(validateAmount(1, lowest.limits)).toEqual({ ok: true, value: 1 });
    expect(settingsSchema.safeParse({ ...lowest, limits: { ...lowest.limits, minAmount: 0 } }).success).toBe(false);
  });
});
