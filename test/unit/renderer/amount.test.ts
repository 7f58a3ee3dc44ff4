import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountMayBeUnfinished, amountReducer, MAX_AMOUNT_DIGITS, type AmountAction } from '../../../renderer/app/amount.ts';
import { groupRupiah, parseRupiahText } from '../../../shared/money.ts';
import { validateAmount } from '../../../shared/validation.ts';

const run = (actions: AmountAction[], start = '') => actions.reduce(amountReducer, start);
const digit = (d: string): AmountAction => ({ type: 'digit', digit: d });
const typed = (keys: string, start = ''): string =>
  // A key typed at the end of the field, as the browser hands the new text to onChange.
  [...keys].reduce((text, key) => amountReducer(text, { type: 'text', text: text + key }), start);
const LIMITS = { minAmount: 1, maxAmount: Number.MAX_SAFE_INTEGER };

describe('amount field (keyboard, paste and keypad)', () => {
  it('builds the amount digit by digit and shows it grouped', () => {
    expect(run([digit('1'), digit('5'), { type: 'triple_zero' }])).toBe('15.000');
    expect(run([digit('1'), digit('5'), digit('0'), { type: 'triple_zero' }])).toBe('150.000');
    expect(typed('1250000')).toBe('1.250.000');
  });

  it('ignores leading zeros and 000 on an empty amount', () => {
    expect(run([digit('0'), digit('0')])).toBe('');
    expect(run([{ type: 'triple_zero' }])).toBe('');
    expect(run([digit('0'), digit('7')])).toBe('7');
  });

  it('backspace removes the last digit and regroups, clear empties', () => {
    expect(run([{ type: 'backspace' }], '1.500')).toBe('150');
    expect(amountReducer('1.500', { type: 'text', text: '1.50' })).toBe('150');
    expect(run([{ type: 'backspace' }], '')).toBe('');
    expect(run([{ type: 'clear' }], '987.654')).toBe('');
  });

  it('caps typed digits (a stuck key) and ignores a keypad non-digit', () => {
    expect(run([digit('x')], '12')).toBe('12');
    const full = groupRupiah(Number('9'.repeat(MAX_AMOUNT_DIGITS)));
    expect(run([digit('1')], full)).toBe(full);
    expect(typed('1', full)).toBe(full);
  });

  it('reads pasted text with Rp and thousands dots', () => {
    for (const text of ['Rp 25.000', 'Rp25.000', '25.000', '25000', ' 25 000 ']) {
      expect(run([{ type: 'text', text }]), text).toBe('25.000');
    }
    expect(run([{ type: 'text', text: '1.250.000' }])).toBe('1.250.000');
    expect(run([{ type: 'text', text: '007' }])).toBe('7');
  });

  it('keeps a decimal or misplaced dot as typed, never as more digits (issue 11: 15000,50 charged 1.500.050)', () => {
    expect(typed('15000,50')).toBe('15.000,50');
    expect(typed('1.5')).toBe('1.5');
    expect(typed('25.000.00')).toBe('25.000.00');
    for (const text of ['15000,50', '25.000.00', '1.5', '1.50.000']) {
      expect(run([{ type: 'text', text }]), text).toBe(text);
      expect(validateAmount(run([{ type: 'text', text }]), LIMITS).ok, text).toBe(false);
    }
    // Keys after a refused text are added to that text, not to the last good amount.
    expect(run([digit('5')], '15.000,')).toBe('15.000,5');
  });

  it('a dot typed by the cashier in a thousands place is taken', () => {
    expect(typed('25.000')).toBe('25.000');
    expect(typed('1.250.000')).toBe('1.250.000');
    expect(amountMayBeUnfinished('25.')).toBe(true);
    expect(amountMayBeUnfinished('25.00')).toBe(true);
    expect(amountMayBeUnfinished('15.000,5')).toBe(false);
    expect(amountMayBeUnfinished('1.50.000')).toBe(false);
  });

  const anyAction: fc.Arbitrary<AmountAction> = fc.oneof(
    fc.constantFrom('0', '1', '5', '9', 'x').map((d): AmountAction => ({ type: 'digit', digit: d })),
    fc.constantFrom<AmountAction>({ type: 'triple_zero' }, { type: 'backspace' }, { type: 'clear' }),
    fc
      .oneof(fc.string(), fc.array(fc.constantFrom('0', '1', '25', '000', '.', ',', ' ', 'Rp', '-'), { maxLength: 10 }).map((p) => p.join('')))
      .map((text): AmountAction => ({ type: 'text', text })),
  );

  it('what the field shows is either refused or exactly the amount charged (property)', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 20 }), (actions) => {
        const shown = run(actions);
        const charged = validateAmount(shown, LIMITS);
        if (!charged.ok) return;
        expect(shown).toBe(groupRupiah(charged.value));
      }),
    );
  });

  it('any pasted text becomes a refusal or exactly its own whole-rupiah value (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const shown = run([{ type: 'text', text }]);
        const read = parseRupiahText(text);
        if (read.ok && read.value > 0) expect(shown).toBe(groupRupiah(read.value));
        else if (shown !== '') expect(validateAmount(shown, LIMITS).ok).toBe(false);
      }),
    );
  });
});
