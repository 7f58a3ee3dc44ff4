import { formatRupiahDigits, parseRupiahDigits } from '../../shared/money.ts';

/**
 * The amount being typed, as a string of digits ('' when empty, never a leading zero), driven by
 * the keyboard and the on-screen keypad alike. Pure: the Sale screen keeps it in useReducer.
 */
export type AmountAction =
  | { type: 'digit'; digit: string }
  | { type: 'triple_zero' }
  | { type: 'backspace' }
  | { type: 'clear' }
  | { type: 'text'; text: string };

/** 12 digits is Rp 999.999.999.999, far above any limit; more is a stuck key, not a sale. */
export const MAX_AMOUNT_DIGITS = 12;

function normalise(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  return trimmed.length > MAX_AMOUNT_DIGITS ? trimmed.slice(0, MAX_AMOUNT_DIGITS) : trimmed;
}

export function amountReducer(digits: string, action: AmountAction): string {
  switch (action.type) {
    case 'digit':
      if (!/^\d$/.test(action.digit)) return digits;
      if (digits.length >= MAX_AMOUNT_DIGITS) return digits;
      return normalise(digits + action.digit);
    case 'triple_zero':
      if (digits === '' || digits.length + 3 > MAX_AMOUNT_DIGITS) return digits;
      return digits + '000';
    case 'backspace':
      return digits.slice(0, -1);
    case 'clear':
      return '';
    case 'text': {
      // What the input field now holds (typed, pasted, deleted in the middle). Anything that is not
      // digits with `.` groups keeps the previous value, so a stray letter is simply not accepted.
      if (action.text.trim() === '') return '';
      const value = parseRupiahDigits(action.text);
      if (value === null) return digits;
      const next = normalise(action.text.replace(/\D/g, ''));
      return next.length > MAX_AMOUNT_DIGITS ? digits : next;
    }
  }
}

/** `150000` → `150.000` (shared/money), '' stays ''. */
export function displayAmount(digits: string): string {
  return digits === '' ? '' : formatRupiahDigits(digits);
}
