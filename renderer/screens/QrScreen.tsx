import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError, IpcResult } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { isFinishedAtCounter, PAID_AMOUNT_FLAGS, type PaymentState, type PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { pos, safeCall } from '../app/pos.ts';
import { playOutcomeSound } from '../app/sound.ts';
import { AmountText } from '../components/AmountText.tsx';
import { CancelPaymentDialog } from '../components/CancelPaymentDialog.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { UnpayableNotice } from '../components/UnpayableNotice.tsx';
import { ReceiptActions } from '../components/ReceiptActions.tsx';
import './qr.css';
import { restIsMainAction, SaleFollowUpActions, SalePaymentList } from '../cash/SalePayments.tsx';
import { PaidLateNotice } from '../components/PaidLateNotice.tsx';

type Props = {
  payment: PaymentView;
  onPaymentChange: (payment: PaymentView) => void;
  onNewSale: () => void;
  /** To "Perlu tindakan", where a late payment is resolved and its receipt printed. */
  onOpenLate: () => void;
};

const TRAINING_OUTCOMES = ['paid', 'partial', 'failed'] as const;
/** Main forgets a watch not renewed within its lease (tracking-policy.ts watchLeaseMs, 15 s). */
const WATCH_RENEW_MS = 5_000;
type TrainingOutcome = (typeof TRAINING_OUTCOMES)[number];

export function QrScreen({ payment, onPaymentChange, onNewSale, onOpenLate }: Props) {
  const { t, tc } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const busyRef = useRef(false);
  const latest = useRef(payment);
  const screenRef = useRef<HTMLElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  const finished = isFinishedAtCounter(payment.state);
  const { tradeNo, counterState } = payment;
  // Paid after the counter closed it: the screen says it needs action, never a plain LUNAS.
  const paidLate = payment.paidLate !== null;
  // The customer has nothing to scan: no countdown, no "waiting", no simulated customer. When the
  // gateway holds a sale nobody can pay, cancelling it is the one thing to do; while a lost
  // answer is being checked, waiting is (cancel stays at hand, as it is not the suggestion).
  const cannotBePaid = counterState === 'qr_refused' || counterState === 'qr_lost';
  const unpayable = cannotBePaid || counterState === 'unknown';
  // After a partial payment the main action is Tagih sisa, not a new sale (issue 20 item 2).
  const restFirst = finished && restIsMainAction(payment);

  /** Keeps the newest view of this payment; a late push of an older state is ignored. */
  const accept = useCallback(
    (next: PaymentView) => {
      if (next.tradeNo !== latest.current.tradeNo || next.updatedAt < latest.current.updatedAt) return;
      latest.current = next;
      onPaymentChange(next);
    },
    [onPaymentChange],
  );

  useEffect(() => {
    latest.current = payment;
  }, [payment]);

  /**
   * Shows another payment of the sale (its cash payment, a Tagih sisa QR). The newest view is
   * switched at once: a push for the previous payment (its sale just changed) arriving before
   * React re-renders would otherwise pass `accept` and bring the previous payment back on screen.
   */
  const show = useCallback(
    (next: PaymentView) => {
      latest.current = next;
      onPaymentChange(next);
    },
    [onPaymentChange],
  );

  // Follow this payment while it is on screen: push updates, main polls it about every second
  // for as long as the watch is renewed (a reloaded or closed window stops renewing it).
  useEffect(() => {
    const unsubscribe = pos().onPaymentUpdate(accept);
    const renew = () => void safeCall((api) => api.watchPayment({ tradeNo }));
    renew();
    const renewal = setInterval(renew, WATCH_RENEW_MS);
    void safeCall((api) => api.getPayment({ tradeNo })).then((result) => {
      if (result.ok) accept(result.value);
    });
    return () => {
      clearInterval(renewal);
      unsubscribe();
      void safeCall((api) => api.watchPayment({ tradeNo: null }));
    };
  }, [tradeNo, accept]);

  // A sound when the outcome arrives (not when the screen opens on an old outcome).
  const previousState = useRef<PaymentState>(payment.state);
  useEffect(() => {
    if (previousState.current === payment.state) return;
    previousState.current = payment.state;
    playOutcomeSound(payment.state);
  }, [payment.state]);

  useEffect(() => {
    if (restFirst) return; // Tagih sisa has the focus
    if (finished) newSaleRef.current?.focus();
    else screenRef.current?.focus();
  }, [finished, restFirst]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (confirming || event.defaultPrevented) return;
      if (event.key === 'Escape' && !finished) {
        event.preventDefault();
        setConfirming(true);
      } else if (event.key === 'Enter' && finished) {
        // A focused button answers Enter itself; this covers the rest of the screen.
        if (event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        onNewSale();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirming, finished, onNewSale]);

  const run = async (call: () => Promise<IpcResult<PaymentView>>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    const result = await call();
    busyRef.current = false;
    setBusy(false);
    if (result.ok) accept(result.value);
    else setFailure(result.error);
  };

  const settle = (outcome: TrainingOutcome) =>
    void run(() => safeCall((api) => api.settleTraining({ tradeNo, outcome })));

  const amount = formatRupiah(payment.amount);
  const merchantName = payment.qr.kind === 'qris' ? payment.qr.merchantName?.trim() || null : null;

  return (
    <section
      ref={screenRef}
      tabIndex={-1}
      className={`qr-screen ${paidLate ? 'qr-state-paid-late' : `qr-state-${counterState}`}`}
      aria-label={t('qr.heading')}
    >
      <div className="qr-stage">
        {paidLate ? <PaidLateNotice payment={payment} onOpenLate={onOpenLate} /> : null}
        {paidLate ? null : finished ? <FinalMark state={payment.state} /> : <Stage payment={payment} />}
        {finished && !paidLate ? <ReceiptActions payment={payment} /> : null}
      </div>
      <div className="qr-info">
        <p className="qr-amount-label">{t('qr.amount')}</p>
        <p className="qr-amount">
          <AmountText amount={payment.amount} />
        </p>
        {merchantName ? <p className="qr-merchant">{merchantName}</p> : null}
        <div className="qr-status-box">
          <p className="qr-status" role="status" aria-live="polite" aria-atomic="true">
            {paidLate ? t('paidLate.status') : t(`status.${counterState}`)}
          </p>
          {payment.state === 'partially_paid' && payment.paidAmount !== null ? (
            <>
              <p className="qr-status-detail">
                {t('qr.paid_of_charged', { paid: formatRupiah(payment.paidAmount), charged: amount })}
              </p>
              <p className="qr-outstanding">
                {t('qr.outstanding', { amount: formatRupiah(Math.max(0, payment.amount - payment.paidAmount)) })}
              </p>
            </>
          ) : null}
          <SalePaymentList payment={payment} />
          {payment.errorCode && (payment.state === 'failed' || PAID_AMOUNT_FLAGS.has(payment.errorCode)) ? (
            <p className="qr-status-detail">{t('qr.reason', { reason: tc(payment.errorCode) })}</p>
          ) : null}
          {payment.overpaidAmount ? (
            <p className="qr-status-detail">{t('amountCheck.overpaid_sale', { amount: formatRupiah(payment.overpaidAmount) })}</p>
          ) : null}
        </div>
        {finished || unpayable ? null : <Countdown expiresAt={payment.expiresAt} />}
        <p className="qr-trade-no">{t('qr.trade_no', { tradeNo })}</p>

        {failure ? <ErrorBanner error={failure} /> : null}

        <div className="qr-actions">
          <SaleFollowUpActions payment={payment} onShow={show} />
          {finished ? (
            <button type="button" ref={newSaleRef} className={`button ${restFirst ? 'button-secondary' : 'button-primary'}`} onClick={onNewSale}>
              {t('qr.new_sale')}
              <kbd aria-hidden="true">{t('qr.new_sale_key')}</kbd>
            </button>
          ) : (
            <button
              type="button"
              className={`button ${cannotBePaid ? 'button-primary' : 'button-secondary'}`}
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t(cannotBePaid ? 'qr.cancel_sale' : 'qr.cancel')}
              <kbd aria-hidden="true">{t('qr.cancel_key')}</kbd>
            </button>
          )}
        </div>

        {payment.environment === 'training' && counterState === 'awaiting_payment' ? (
          <div className="training-controls" role="group" aria-label={t('training.heading')}>
            <p className="training-controls-title">{t('training.heading')}</p>
            {TRAINING_OUTCOMES.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className={`button button-small training-${outcome}`}
                disabled={busy}
                onClick={() => settle(outcome)}
              >
                {t(`training.${outcome}`)}
              </button>
            ))}
          </div>
        ) : null}
      </div>

      {confirming ? (
        <CancelPaymentDialog
          tradeNo={tradeNo}
          onCancelled={(view) => {
            setConfirming(false);
            accept(view);
          }}
          onFailure={(error) => {
            setConfirming(false);
            setFailure(error);
          }}
          onDismiss={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

/** What the customer scans, or why there is nothing to scan. */
function Stage({ payment }: { payment: PaymentView }) {
  const { t } = useI18n();
  const amount = formatRupiah(payment.amount);
  const { qr } = payment;
  if (payment.counterState !== 'awaiting_payment' && payment.counterState !== 'creating') {
    return <UnpayableNotice payment={payment} />;
  }
  switch (qr.kind) {
    case 'qris':
      return (
        <div className="qr-frame">
          <QrCode payload={qr.payload} label={t('qr.image_label', { amount })} />
        </div>
      );
    case 'payment_url':
      return (
        <div className="qr-frame-with-note">
          <div className="qr-frame">
            <QrCode payload={qr.payload} label={t('qr.url_image_label', { amount })} />
          </div>
          <p className="qr-note">{t('qr.payment_url_note')}</p>
        </div>
      );
    case 'integrity_error': // counter state qr_refused, above
    case 'none':
      return <p className="qr-none">{t('qr.no_code')}</p>;
  }
}

function FinalMark({ state }: { state: PaymentState }) {
  const symbol = state === 'paid' ? '✓' : state === 'partially_paid' ? '!' : '✕';
  return (
    <div className={`final-mark final-mark-${state}`} aria-hidden="true">
      {symbol}
    </div>
  );
}
