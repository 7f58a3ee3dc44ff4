import { useEffect, useState, useSyncExternalStore } from 'react';
import { CUSTOMER_RESULT_MS, type CustomerResultView, type CustomerSaleView, type CustomerView } from '../../shared/customer-view.ts';
import { formatRupiah } from '../../shared/money.ts';
import { formatRemaining } from '../app/time.ts';
import { useNow } from '../app/useNow.ts';
import { QrCode } from '../components/QrCode.tsx';
import { currentCustomerView, subscribeCustomerView } from './feed.ts';
import { customerTranslate, type CustomerTranslate } from './messages.ts';

/**
 * The customer-facing display: idle, a sale to scan, or its outcome for a few seconds. It shows
 * only what the feed carries (no customer details, no staff controls) and can call nothing.
 */
export function CustomerDisplay() {
  const view = useSyncExternalStore(subscribeCustomerView, currentCustomerView);
  const shown = useResultTimeout(view);
  const language = view?.language ?? 'id';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  if (shown === null) return <main className="customer customer-blank" />;
  const t = customerTranslate(shown.language);
  return (
    <main className={`customer customer-${shown.kind}${shown.kind === 'result' ? ` customer-${shown.outcome}` : ''}`}>
      {shown.training ? <p className="customer-training">{t('training')}</p> : null}
      {shown.kind === 'idle' ? <Idle shopName={shown.shopName} t={t} /> : null}
      {shown.kind === 'sale' ? <Sale view={shown} t={t} /> : null}
      {shown.kind === 'result' ? <Result view={shown} t={t} /> : null}
    </main>
  );
}

/** An outcome shows for CUSTOMER_RESULT_MS after it arrived, then the display is idle again. */
function useResultTimeout(view: CustomerView | null): CustomerView | null {
  const [doneAt, setDoneAt] = useState<number | null>(null);
  const settledAt = view?.kind === 'result' ? view.settledAt : null;
  useEffect(() => {
    if (settledAt === null) return;
    const timer = setTimeout(() => setDoneAt(settledAt), CUSTOMER_RESULT_MS);
    return () => clearTimeout(timer);
  }, [settledAt]);
  if (view?.kind !== 'result' || doneAt !== view.settledAt) return view;
  return { kind: 'idle', shopName: view.shopName, language: view.language, training: view.training };
}

function Idle({ shopName, t }: { shopName: string; t: CustomerTranslate }) {
  return (
    <div className="customer-idle-box">
      {shopName ? <h1 className="customer-shop">{shopName}</h1> : null}
      <p className="customer-pay-with">{t('idle.pay_with')}</p>
    </div>
  );
}

function Sale({ view, t }: { view: CustomerSaleView; t: CustomerTranslate }) {
  const amount = formatRupiah(view.amount);
  return (
    <div className="customer-sale-box">
      <div className="customer-qr">
        {view.qr ? (
          <QrCode payload={view.qr.payload} label={t(view.qr.kind === 'qris' ? 'sale.qr_label' : 'sale.url_qr_label', { amount })} />
        ) : (
          <p className="customer-no-qr">{t('sale.no_qr')}</p>
        )}
      </div>
      <div className="customer-sale-info">
        {/* No code to scan (still being checked, or refused by the integrity check): no scan
            instruction and no countdown, only the amount and the note that the cashier helps. */}
        {view.qr ? <p className="customer-scan">{t('sale.scan')}</p> : null}
        <p className="customer-total-label">{t('sale.total')}</p>
        <p className="customer-amount">{amount}</p>
        {view.merchantName ? <p className="customer-merchant">{view.merchantName}</p> : null}
        {view.qr ? <CustomerCountdown expiresAt={view.expiresAt} t={t} /> : null}
      </div>
    </div>
  );
}

function CustomerCountdown({ expiresAt, t }: { expiresAt: number; t: CustomerTranslate }) {
  const left = expiresAt - useNow();
  return (
    <p className={`customer-countdown${left < 60_000 ? ' customer-countdown-low' : ''}`}>
      {left > 0 ? t('sale.expires_in', { time: formatRemaining(left) }) : t('sale.expired')}
    </p>
  );
}

const MARKS = { paid: '✓', partially_paid: '!', failed: '✕', expired: '✕' } as const;

function Result({ view, t }: { view: CustomerResultView; t: CustomerTranslate }) {
  return (
    <div className="customer-result-box">
      <div className="customer-mark" aria-hidden="true">
        {MARKS[view.outcome]}
      </div>
      <p className="customer-outcome" role="status">
        {t(`result.${view.outcome}`)}
      </p>
      <p className="customer-result-amount">{formatRupiah(view.amount)}</p>
      <ResultDetail view={view} t={t} />
    </div>
  );
}

function ResultDetail({ view, t }: { view: CustomerResultView; t: CustomerTranslate }) {
  switch (view.outcome) {
    case 'paid':
      return <p className="customer-result-detail">{t('result.paid_detail')}</p>;
    case 'partially_paid':
      return (
        <>
          {view.paidAmount !== null ? (
            <p className="customer-result-detail">{t('result.paid_amount', { amount: formatRupiah(view.paidAmount) })}</p>
          ) : null}
          {view.outstanding !== null ? (
            <p className="customer-outstanding">{t('result.outstanding', { amount: formatRupiah(view.outstanding) })}</p>
          ) : null}
        </>
      );
    case 'failed':
      return <p className="customer-result-detail">{t('result.failed_detail')}</p>;
    case 'expired':
      return <p className="customer-result-detail">{t('result.expired_detail')}</p>;
  }
}
