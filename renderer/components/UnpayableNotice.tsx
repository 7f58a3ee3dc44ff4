import type { PaymentView } from '../../shared/payment.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { TechnicalDetails } from './TechnicalDetails.tsx';

/**
 * What the QR screen shows instead of a code when the customer cannot pay this sale: why, in the
 * cashier's words first, and the one thing to do. The sale stays open in main, which keeps
 * checking it, so a payment that arrives anyway is still recorded.
 */
export function UnpayableNotice({ payment }: { payment: PaymentView }) {
  const { t, tc } = useI18n();
  const { qr } = payment;
  if (payment.counterState === 'qr_refused' && qr.kind === 'integrity_error') {
    return (
      <div className="qr-integrity" role="alert">
        <h2>{t('qr.refused_title')}</h2>
        <p className="qr-integrity-reason">{tc(qr.code, { amount: formatRupiah(payment.amount) })}</p>
        <p className="qr-integrity-action">{t('qr.refused_action')}</p>
        <p className="qr-integrity-note">{t('qr.still_watched')}</p>
        <TechnicalDetails code={qr.code} detail={qr.detail} className="qr-integrity-detail" />
      </div>
    );
  }
  if (payment.counterState === 'qr_lost') {
    return (
      <div className="qr-integrity" role="alert">
        <h2>{t('qr.lost_title')}</h2>
        <p className="qr-integrity-reason">{t('qr.lost_reason')}</p>
        <p className="qr-integrity-action">{t('qr.lost_action')}</p>
        <p className="qr-integrity-note">{t('qr.still_watched')}</p>
      </div>
    );
  }
  // unknown: the create's answer was lost; main is asking the gateway.
  return (
    <div className="qr-integrity qr-checking" role="alert">
      <h2>{t('qr.checking_title')}</h2>
      <p className="qr-integrity-reason">{t('qr.checking_body')}</p>
      {payment.errorCode === 'gateway.rejected' ? (
        // Paypro refuses to be asked (merchant number, key or sign): the cashier must know that
        // waiting will not help until the settings are right; the sale is still followed.
        <>
          <p className="qr-integrity-action">{tc(payment.errorCode)}</p>
          <p className="qr-integrity-note">{t('qr.still_watched')}</p>
        </>
      ) : null}
      {payment.errorCode ? (
        <TechnicalDetails code={payment.errorCode} detail={payment.errorDetail ?? ''} className="qr-integrity-detail" />
      ) : null}
    </div>
  );
}
