import type { InputHTMLAttributes, Ref } from 'react';
import { useI18n } from '../app/i18n.tsx';

type Props = {
  id: string;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  /** Extra class on the box (its size where it stands). */
  className?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'readOnly' | 'onChange' | 'onBlur' | 'aria-invalid' | 'aria-describedby'>;

/**
 * The big rupiah box where an amount is typed: the sale's amount and the cash handed over. Digits
 * from the keyboard (no spinner, no autofill); the text is parsed by the caller (shared/money.ts).
 */
export function AmountBox({ id, inputRef, value, className, ...input }: Props) {
  const { t } = useI18n();
  return (
    <div className={className ? `amount-box ${className}` : 'amount-box'}>
      <span className="amount-currency" aria-hidden="true">
        {t('sale.amount.currency')}
      </span>
      <input
        id={id}
        ref={inputRef}
        className="amount-input"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder="0"
        {...input}
      />
    </div>
  );
}
