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
  const { status, failure, busy, print } = usePrintStatus(tradeNo, { fromStart: false });
  return (
    <span className="reprint">
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={t('receipt.reprint_label', { tradeNo })}
        disabled={busy}
        onClick={() => void print()}
      >
        {t('receipt.reprint')}
      </button>
      <PrintStatus status={status} failure={failure} compact />
    </span>
  );
}
