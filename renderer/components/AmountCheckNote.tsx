import { PAID_AMOUNT_FLAGS, type PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import './amount-check.css';

/**
 * Under a sale's status on Today: the gateway's paid amount needs the owner's look (it differed
 * from the charge, was unreadable or missing), so the sale is not read as plainly paid.
 */
export function AmountCheckNote({ payment }: { payment: Pick<PaymentView, 'errorCode'> }) {
  const { t, tc } = useI18n();
  if (payment.errorCode === null || !PAID_AMOUNT_FLAGS.has(payment.errorCode)) return null;
  return (
    <span className="amount-check-note" title={tc(payment.errorCode)}>
      {t('amountCheck.today')}
    </span>
  );
}
