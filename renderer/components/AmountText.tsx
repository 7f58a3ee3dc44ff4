import { useRef } from 'react';
import { formatRupiah } from '../../shared/money.ts';
import { useFitText } from '../app/useFitText.ts';

/**
 * A rupiah amount on one line that shrinks to fit its box (never clipped, never wrapped mid-number).
 * `data-amount` marks it for the e2e overflow check.
 */
export function AmountText({ amount, className }: { amount: number; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const text = formatRupiah(amount);
  useFitText(ref, text);
  return (
    <span ref={ref} className={`amount-text${className ? ` ${className}` : ''}`} data-amount="">
      {text}
    </span>
  );
}
