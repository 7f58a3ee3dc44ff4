import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import type { PaymentState, PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { pos, safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { AmountText } from '../components/AmountText.tsx';
import { CancelPaymentDialog } from '../components/CancelPaymentDialog.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ReprintButton } from '../components/ReprintButton.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';

type Today = IpcResponse<'listToday'>;

type Props = {
  /** Shows an open sale's screen again (its QR, or why it cannot be paid). */
  onOpen: (payment: PaymentView) => void;
};

export function TodayScreen({ onOpen }: Props) {
  const { t } = useI18n();
  const [cancelling, setCancelling] = useState<PaymentView | null>(null);
  const [today, setToday] = useState<Today | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [rechecking, setRechecking] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await safeCall((api) => api.listToday({}));
    if (result.ok) {
      setToday(result.value);
      setFailure(null);
    } else setFailure(result.error);
  }, []);

  useEffect(() => {
    headingRef.current?.focus();
    void load();
    // Refresh on pushed changes, at most a few times a second however many arrive.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = pos().onPaymentUpdate(() => {
      timer ??= setTimeout(() => {
        timer = null;
        void load();
      }, 250);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  const recheck = async (tradeNo: string) => {
    if (rechecking.has(tradeNo)) return;
    setRechecking((current) => new Set(current).add(tradeNo));
    const result = await safeCall((api) => api.recheckPayment({ tradeNo }));
    setRechecking((current) => {
      const next = new Set(current);
      next.delete(tradeNo);
      return next;
    });
    if (result.ok) await load();
    else setFailure(result.error);
  };


  const payments = today ? [...today.payments].sort((a, b) => b.createdAt - a.createdAt) : [];

  return (
    <section className="today" aria-labelledby="today-heading">
      <div className="today-head">
        <h1 id="today-heading" ref={headingRef} tabIndex={-1}>
          {t('today.heading')}
        </h1>
        <button type="button" className="button button-secondary" onClick={() => void load()}>
          {t('today.refresh')}
        </button>
      </div>

      {today ? (
        <div className="today-total" role="status">
          <span className="today-total-label">{t('today.received_total')}</span>
          <AmountText className="today-total-amount" amount={today.receivedTotal} />
          <span className="today-total-count">{t('today.paid_count', { count: today.paidCount })}</span>
          {today.partialCount > 0 ? (
            <span className="today-total-partial">
              {t('today.partial_count', { count: today.partialCount, amount: formatRupiah(today.outstandingTotal) })}
            </span>
          ) : null}
        </div>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}

      {failure ? <ErrorBanner error={failure} /> : null}

      {today && payments.length === 0 ? <p className="today-empty">{t('today.empty')}</p> : null}
      {payments.length > 0 ? (
        <table className="today-table">
          <thead>
            <tr>
              <th scope="col">{t('today.col.time')}</th>
              <th scope="col" className="num">
                {t('today.col.amount')}
              </th>
              <th scope="col">{t('today.col.status')}</th>
              <th scope="col">{t('today.col.trade_no')}</th>
              <th scope="col">{t('today.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr key={payment.tradeNo}>
                <td>{formatClock(payment.createdAt)}</td>
                <td className="num">
                  {formatRupiah(payment.amount)}
                  {payment.state === 'partially_paid' && payment.paidAmount !== null ? (
                    <span className="today-paid-of">
                      {t('today.paid_of', {
                        paid: formatRupiah(payment.paidAmount),
                        charged: formatRupiah(payment.amount),
                      })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <StatusBadge state={payment.counterState} />
                </td>
                <td className="mono">{payment.tradeNo}</td>
                <td className="today-actions">
                  {isOpenAtCounter(payment.state) ? (
                    <>
                      <button
                        type="button"
                        className="button button-small button-primary"
                        aria-label={t('today.open_label', { tradeNo: payment.tradeNo })}
                        onClick={() => onOpen(payment)}
                      >
                        {t('today.open')}
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('today.cancel_label', { tradeNo: payment.tradeNo })}
                        onClick={() => setCancelling(payment)}
                      >
                        {t('today.cancel')}
                      </button>
                    </>
                  ) : null}
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={t('today.recheck_label', { tradeNo: payment.tradeNo })}
                    disabled={rechecking.has(payment.tradeNo)}
                    onClick={() => void recheck(payment.tradeNo)}
                  >
                    {t('today.recheck')}
                  </button>
                  <ReprintButton payment={payment} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {cancelling ? (
        <CancelPaymentDialog
          tradeNo={cancelling.tradeNo}
          onCancelled={() => {
            setCancelling(null);
            void load();
          }}
          onFailure={(error) => {
            setCancelling(null);
            setFailure(error);
          }}
          onDismiss={() => setCancelling(null)}
        />
      ) : null}
    </section>
  );
}

/** A sale the counter can still reopen or cancel: waiting, or its create answer lost. */
function isOpenAtCounter(state: PaymentState): boolean {
  return state === 'awaiting_payment' || state === 'unknown';
}
