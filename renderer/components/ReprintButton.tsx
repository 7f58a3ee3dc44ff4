import type { PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { usePrintStatus } from '../app/usePrintStatus.ts';
import { PrintStatus } from './PrintStatus.tsx';

/** "Cetak ulang" on a paid or partly paid row of the day's list, with its print status. */
export function ReprintButton({ payment }: { payment: PaymentView }) {
  if (payment.state !== 'paid' && payment.state !== 'partially_paid') return null;
  return <Reprint tradeNo={payment.tradeNo} />;
}

function Reprint({ tradeNo }: { tradeNo: string }) {
  const { t } = useI18n();
  return <PrintReceiptButton tradeNo={tradeNo} text={t('receipt.reprint')} label={t('receipt.reprint_label', { tradeNo })} />;
}

/** A sale's print button with its print status (a day-list row, a late payment to resolve). */
export function PrintReceiptButton({ tradeNo, text, label }: { tradeNo: string; text: string; label: string }) {
  const { status, failure, busy, print } = usePrintStatus(tradeNo, { fromStart: false });
  return (
    <span className="reprint">
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={label}
        disabled={busy}
        onClick={() => void print()}
      >
        {text}
      </button>
      <PrintStatus status={status} failure={failure} compact />
    </span>
  );
}
