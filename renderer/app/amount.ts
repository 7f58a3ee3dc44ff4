import { groupRupiah, parseRupiahText } from '../../shared/money.ts';

/**
 * The amount field's text, driven by the keyboard, a paste and the on-screen keypad alike. The
 * field shows exactly this text, and a sale charges it only when `parseRupiahText` reads it as a
 * whole amount; every such text is kept in its grouped form (`25.000`), so what is charged is
 * always what is on screen. A text that is not an amount (`15.000,50`, `1.5`) stays as typed
 * with its error, rather than falling back to an older value the next key would extend.
 * Pure: the Sale screen keeps it in useReducer.
 */
export type AmountAction =
  | { type: 'digit'; digit: string }
  | { type: 'triple_zero' }
  | { type: 'backspace' }
  | { type: 'clear' }
  | { type: 'text'; text: string };

/** 12 digits is Rp 999.999.999.999, far above any limit; more is a stuck key, not a sale. */
export const MAX_AMOUNT_DIGITS = 12;

export function amountReducer(text: string, action: AmountAction): string {
  switch (action.type) {
    case 'digit':
      return /^\d$/.test(action.digit) ? edit(text, text + action.digit) : text;
    case 'triple_zero':
      return text === '' ? text : edit(text, text + '000');
    case 'backspace':
      return edit(text, text.slice(0, -1));
    case 'clear':
      return '';
    case 'text':
      return edit(text, action.text);
  }
}

/**
 * True while the text may still become an amount by typing more digits at its end (`25.`,
 * `25.00` on the way to `25.000`): its refusal waits until the cashier leaves the field or
 * presses Enter, instead of flashing red mid-typing.
 */
export function amountMayBeUnfinished(text: string): boolean {
  return /^\d{1,3}(\.\d{3})*\.\d{0,2}$/.test(text.replace(/\s/g, ''));
}

/** The grouped form of a whole amount; 0 is shown as an empty field. */
function canonical(value: number): string {
  return value === 0 ? '' : groupRupiah(value);
}

function isCanonical(text: string): boolean {
  if (text === '') return true;
  const parsed = parseRupiahText(text);
  return parsed.ok && canonical(parsed.value) === text;
}

function edit(previous: string, next: string): string {
  if (next.trim() === '') return '';
  // The dots of a grouped amount are the field's own: typing or deleting digits in `1.250`
  // (`1.2500`, `1.25`) is regrouped, not read as a misplaced separator or a decimal part.
  if (isCanonical(previous) && onlyDigitsChanged(previous, next)) {
    const digits = next.replaceAll('.', '').replace(/^0+/, '');
    if (digits.length > MAX_AMOUNT_DIGITS) return previous;
    return canonical(Number(digits));
  }
  const parsed = parseRupiahText(next);
  return parsed.ok ? canonical(parsed.value) : next;
}

/** The edit from `previous` to `next` inserted only digits and removed only digits and dots. */
function onlyDigitsChanged(previous: string, next: string): boolean {
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start += 1;
  let end = 0;
  while (
    end < previous.length - start &&
    end < next.length - start &&
    previous[previous.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end += 1;
  }
  const removed = previous.slice(start, previous.length - end);
  const inserted = next.slice(start, next.length - end);
  return /^\d*$/.test(inserted) && /^[\d.]*$/.test(removed);
}
