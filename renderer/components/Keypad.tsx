import type { AmountAction } from '../app/amount.ts';
import { useI18n } from '../app/i18n.tsx';
import './keypad.css';

const DIGIT_ROWS = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
] as const;

/**
 * The on-screen keypad. Its keys are out of the Tab order and keep the focus where it is (the
 * amount field): a cashier with a keyboard never lands on them, a touch or mouse user just taps.
 */
export function Keypad({ onKey, disabled }: { onKey: (action: AmountAction) => void; disabled: boolean }) {
  const { t } = useI18n();
  const key = (label: string, action: AmountAction, extra: { className?: string; name?: string } = {}) => (
    <button
      type="button"
      key={label}
      className={`keypad-key${extra.className ? ` ${extra.className}` : ''}`}
      tabIndex={-1}
      disabled={disabled}
      aria-label={extra.name}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onKey(action)}
    >
      {label}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('sale.keypad.label')}>
      {DIGIT_ROWS.flat().map((digit) => key(digit, { type: 'digit', digit }))}
      {key('0', { type: 'digit', digit: '0' })}
      {key(t('sale.keypad.triple_zero'), { type: 'triple_zero' })}
      {key(t('sale.keypad.backspace_short'), { type: 'backspace' }, { className: 'keypad-key-muted', name: t('sale.keypad.backspace') })}
      {key(t('sale.keypad.clear_short'), { type: 'clear' }, { className: 'keypad-key-muted keypad-key-wide', name: t('sale.keypad.clear') })}
    </div>
  );
}
