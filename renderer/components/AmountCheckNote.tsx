import { formatRupiah } from '../../shared/money.ts';
import { PAID_AMOUNT_FLAGS, type PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import './amount-check.css';

/**
 * Under a sale's status (Today, QR screen): the gateway's paid amount needs the owner's look. An
 * overpayment names its excess (never counted as received); a paid amount that differed, was
 * unreadable or missing says where to check, so the sale is not read as plainly paid.
 */
export function AmountCheckNote({ payment }: { payment: Pick<PaymentView, 'errorCode' | 'overpaidAmount'> }) {
  const { t, tc } = useI18n();
  if (payment.overpaidAmount !== null && payment.overpaidAmount > 0) {
    return <span className="amount-check-note">{t('amountCheck.overpaid_sale', { amount: formatRupiah(payment.overpaidAmount) })}</span>;
  }
  if (payment.errorCode === null || !PAID_AMOUNT_FLAGS.has(payment.errorCode)) return null;
  return (
    <span className="amount-check-note" title={tc(payment.errorCode)}>
      {t('amountCheck.today')}
    </span>
  );
}
