import type { PaymentView } from '../../shared/payment.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import './paid-late.css';

/**
 * What the QR screen shows for a sale paid after the counter had closed it (issue 20 #3): never a
 * plain green LUNAS, but that it needs action and how — the owner records in "Perlu tindakan"
 * whether the goods were handed over or the money returned, and prints the receipt there.
 */
export function PaidLateNotice({ payment, onOpenLate }: { payment: PaymentView; onOpenLate: () => void }) {
  const { t } = useI18n();
  const received = payment.paidAmount ?? payment.amount;
  return (
    <div className="paid-late" role="alert">
      <h2>{t(payment.paidLate === 'after_cancel' ? 'paidLate.title_after_cancel' : 'paidLate.title_after_close')}</h2>
      <p>{t('paidLate.received', { amount: formatRupiah(received) })}</p>
      <p>{t('paidLate.how')}</p>
      <button type="button" className="button button-primary" onClick={onOpenLate}>
        {t('paidLate.open')}
      </button>
    </div>
  );
}
