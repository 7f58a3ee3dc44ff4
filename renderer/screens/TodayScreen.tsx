import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { formatRupiah, groupRupiah } from '../../shared/money.ts';
import type { PaymentState, PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { pos, safeCall } from '../app/pos.ts';
import { formatBusinessDate, formatClock } from '../app/time.ts';
import { SEARCH_KEY } from '../app/routes.ts';
import { useInFlight } from '../app/useInFlight.ts';
import { useRollover } from '../app/useRollover.ts';
import { AmountText } from '../components/AmountText.tsx';
import { CancelPaymentDialog } from '../components/CancelPaymentDialog.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ReprintButton } from '../components/ReprintButton.tsx';
import { AmountCheckNote } from '../components/AmountCheckNote.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { TradeNumber } from '../components/TradeNumber.tsx';
import { WhatsAppReceiptButton } from '../components/WhatsAppReceiptButton.tsx';
import { saleRowState } from '../cash/SalePayments.tsx';
import { LateBanner, LateRowNote } from '../day/LateNotice.tsx';
import { useLateTradeNos } from '../day/useLateTradeNos.ts';
import { appendPage, firstPage, isAnotherDay, mergeRow, NO_ROWS, type TodayRows } from './today-rows.ts';
import './today.css';

type Today = IpcResponse<'listToday'>;
/** The day's totals: everything listToday answers but the rows. */
type Totals = Omit<Today, 'payments' | 'next'>;

type Props = {
  /** Shows an open sale's screen again (its QR, or why it cannot be paid). */
  onOpen: (payment: PaymentView) => void;
  /** Late payments awaiting a person (the day status): their rows say so. */
  lateCount: number;
  /** Everything in "Perlu tindakan" (late payments and overpayments): the banner's count. */
  actionCount: number;
  /** Opens "Perlu tindakan" (Laporan). */
  onOpenLate: () => void;
  /** Opens the sale search (Laporan), as F6 does. */
  onOpenSearch: () => void;
};

/**
 * Today: the business day's totals and its sales one page (25) at a time, newest first. A pushed
 * change replaces its row in place (or adds a new sale on top) and refreshes only the totals; the
 * whole list is read again only when the cashier asks (Muat ulang) or when the business day ends
 * (at the cut-off, also with the screen left open): rows and totals are always of one day.
 */
export function TodayScreen({ onOpen, lateCount, actionCount, onOpenLate, onOpenSearch }: Props) {
  const { t, language } = useI18n();
  const lateTradeNos = useLateTradeNos(lateCount);
  const [cancelling, setCancelling] = useState<PaymentView | null>(null);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [list, setList] = useState<TodayRows>(NO_ROWS);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const rechecking = useInFlight();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The business day on screen, as main listed it: later pushes of other days stay out.
  const listRef = useRef<TodayRows>(NO_ROWS);
  listRef.current = list;

  const load = useCallback(async () => {
    const result = await safeCall((api) => api.listToday({}));
    if (result.ok) {
      const { payments: _rows, next: _next, ...rest } = result.value;
      const page = firstPage(result.value);
      listRef.current = page;
      setTotals(rest);
      setList(page);
      setFailure(null);
    } else setFailure(result.error);
  }, []);

  const loadTotals = useCallback(async () => {
    const result = await safeCall((api) => api.listToday({ limit: 0 }));
    if (!result.ok) return setFailure(result.error);
    // Main's business day moved on (the cut-off passed): these totals are of the new day, so the
    // rows start over too rather than showing one day's rows under another day's totals.
    if (isAnotherDay(listRef.current, result.value)) return load();
    const { payments: _none, next: _end, ...rest } = result.value;
    setTotals(rest);
  }, [load]);

  const merge = useCallback((payment: PaymentView) => {
    setList((current) => mergeRow(current, payment));
  }, []);

  useEffect(() => {
    headingRef.current?.focus();
    void load();
    // Each pushed change patches its row at once; the totals follow, at most a few times a second.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = pos().onPaymentUpdate((payment) => {
      merge(payment);
      timer ??= setTimeout(() => {
        timer = null;
        void loadTotals();
      }, 250);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [load, loadTotals, merge]);

  // At the cut-off the next business day begins: its list, even if no sale comes in.
  useRollover(list.day?.end, loadTotals);

  const loadMore = async () => {
    if (loadingMore || list.next === null) return;
    setLoadingMore(true);
    const cursor = list.next;
    const result = await safeCall((api) => api.listToday({ cursor }));
    setLoadingMore(false);
    if (result.ok) setList((current) => (current.next === cursor ? appendPage(current, result.value) : current));
    else setFailure(result.error);
  };

  const recheck = async (tradeNo: string) => {
    const result = await rechecking.run(tradeNo, () => safeCall((api) => api.recheckPayment({ tradeNo })));
    if (result === undefined) return;
    if (result.ok) {
      merge(result.value);
      await loadTotals();
    } else setFailure(result.error);
  };


  const today = totals;
  const payments = list.rows;
  const dayCount = today ? Object.values(today.countByState).reduce((sum, count) => sum + count, 0) : 0;
  // Who took each sale, once the shop names its cashiers (a one-person shop's rows carry none).
  const showCashier = payments.some((payment) => payment.cashier !== null);

  return (
    <section className="today" aria-labelledby="today-heading">
      <LateBanner count={actionCount} onOpen={onOpenLate} />
      <div className="today-head">
        <div className="today-title">
          <h1 id="today-heading" ref={headingRef} tabIndex={-1}>
            {t('today.heading')}
          </h1>
          {/* Which business day: with a 04:00 cut-off, at 01:00 it is still yesterday's. */}
          {list.day ? <p className="today-day">{t('day.heading', { date: formatBusinessDate(list.day.date, language) })}</p> : null}
        </div>
        <div className="today-head-actions">
          <button type="button" className="button button-secondary" onClick={onOpenSearch}>
            {t('today.search')} <kbd aria-hidden="true">{SEARCH_KEY}</kbd>
          </button>
          <button type="button" className="button button-secondary" onClick={() => void load()}>
            {t('today.refresh')}
          </button>
        </div>
      </div>

      {today ? (
        <div className="today-total" role="status">
          <span className="today-total-label">{t('today.received_total')}</span>
          <AmountText className="today-total-amount" amount={today.receivedTotal} />
          <span className="today-total-count">{t('today.paid_count', { count: today.paidCount })}</span>
          {today.receivedByMethod && today.receivedByMethod.cash > 0 ? (
            <span className="today-total-count" data-testid="today-by-method">
              {t('cashSale.report_by_method', { qris: formatRupiah(today.receivedByMethod.qris), cash: formatRupiah(today.receivedByMethod.cash) })}
            </span>
          ) : null}
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
              <th scope="col" className="today-col-time">{t('today.col.time')}</th>
              <th scope="col" className="num today-col-amount">
                {t('today.col.amount')}
              </th>
              <th scope="col" className="today-col-status">{t('today.col.status')}</th>
              <th scope="col" className="today-col-number">{t('today.col.trade_no')}</th>
              {showCashier ? <th scope="col" className="today-col-cashier">{t('report.col.cashier')}</th> : null}
              <th scope="col">{t('today.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => {
              // A sale of several payments (issue 22) is one row: its state and money over all of them.
              const shown = saleRowState(payment);
              return (
              <tr key={payment.tradeNo}>
                <td>{formatClock(payment.createdAt)}</td>
                <td className="num">
                  {formatRupiah(payment.amount)}
                  {shown.paid !== null ? (
                    // Short enough for one line under the amount: the charge is the line above.
                    <span className="today-paid-of">{t('today.paid_of', { paid: groupRupiah(shown.paid) })}</span>
                  ) : null}
                  {shown.methods ? <span className="today-paid-of">{shown.methods}</span> : null}
                </td>
                <td>
                  <StatusBadge state={shown.counterState} />
                  <AmountCheckNote payment={payment} />
                  {lateTradeNos.has(payment.tradeNo) ? <LateRowNote tradeNo={payment.tradeNo} onOpen={onOpenLate} /> : null}
                </td>
                <td>
                  <TradeNumber value={payment.tradeNo} />
                </td>
                {showCashier ? (
                  <td className="today-cashier" title={payment.cashier ?? undefined}>
                    {payment.cashier ?? '–'}
                  </td>
                ) : null}
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
                  <WhatsAppReceiptButton payment={payment} onFailure={setFailure} short />
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {list.next !== null ? (
        <div className="today-more">
          <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
            {t('today.more', { shown: groupRupiah(payments.length), count: groupRupiah(dayCount) })}
          </button>
        </div>
      ) : null}

      {cancelling ? (
        <CancelPaymentDialog
          tradeNo={cancelling.tradeNo}
          onCancelled={(payment) => {
            // Only the cancelled row and the totals change: no reload of the pages shown.
            setCancelling(null);
            merge(payment);
            void loadTotals();
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
