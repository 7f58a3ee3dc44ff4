import { describe, expect, it } from 'vitest';
import { amountReducer, displayAmount, MAX_AMOUNT_DIGITS, type AmountAction } from '../../../renderer/app/amount.ts';

const run = (actions: AmountAction[], start = '') => actions.reduce(amountReducer, start);
const digit = (d: string): AmountAction => ({ type: 'digit', digit: d });

describe('amount reducer (keyboard and keypad)', () => {
  it('builds the amount digit by digit and shows it grouped', () => {
    const digits = run([digit('1'), digit('5'), { type: 'triple_zero' }]);
    expect(digits).toBe('15000');
    expect(displayAmount(run([digit('1'), digit('5'), digit('0'), { type: 'triple_zero' }]))).toBe('150.000');
  });

  it('ignores leading zeros and 000 on an empty amount', () => {
    expect(run([digit('0'), digit('0')])).toBe('');
    expect(run([{ type: 'triple_zero' }])).toBe('');
    expect(run([digit('0'), digit('7')])).toBe('7');
  });

  it('backspace removes the last digit, clear empties', () => {
    expect(run([{ type: 'backspace' }], '1500')).toBe('150');
    expect(run([{ type: 'backspace' }], '')).toBe('');
    expect(run([{ type: 'clear' }], '987654')).toBe('');
  });

  it('refuses non-digits and caps the length', () => {
    expect(run([digit('x')], '12')).toBe('12');
    const full = '9'.repeat(MAX_AMOUNT_DIGITS);
    expect(run([digit('1')], full)).toBe(full);
    expect(run([{ type: 'triple_zero' }], full.slice(0, -1))).toBe(full.slice(0, -1));
  });

  it('takes the text field as typed: regrouped dots, pasted text, deletions', () => {
    expect(run([{ type: 'text', text: '150.0000' }])).toBe('1500000');
    expect(run([{ type: 'text', text: '1.5' }])).toBe('15');
    expect(run([{ type: 'text', text: '' }], '150')).toBe('');
    expect(run([{ type: 'text', text: '15a' }], '15')).toBe('15');
    expect(run([{ type: 'text', text: '007' }])).toBe('7');
    expect(displayAmount('')).toBe('');
  });
});
