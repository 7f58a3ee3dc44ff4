import { useCallback, useEffect, useState } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { isFinishedAtCounter, type PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { CashDialog } from './CashDialog.tsx';
import './cash.css';

/** What the sale on screen still owes, and whether one of its QRs can still be paid. */
export function saleBalance(payment: PaymentView): { saleTradeNo: string; received: number; outstanding: number; open: boolean } {
  const { sale } = payment;
  if (sale !== undefined) {
    return {
      saleTradeNo: sale.tradeNo,
      received: sale.received,
      outstanding: sale.outstanding,
      open: sale.payments.some((each) => !isFinishedAtCounter(each.state)),
    };
  }
  const received = receivedOfView(payment);
  return { saleTradeNo: payment.tradeNo, received, outstanding: Math.max(0, payment.amount - received), open: !isFinishedAtCounter(payment.state) };
}

/**
 * How a list row (Today) shows a sale: a sale its payments paid in full reads as paid whatever its
 * first payment's own state; one still owing shows what all its payments brought in.
 */
export function saleRowState(payment: PaymentView): { counterState: PaymentView['counterState']; paid: number | null; methods: string | null } {
  const { sale } = payment;
  if (sale === undefined) {
    return { counterState: payment.counterState, paid: payment.state === 'partially_paid' ? payment.paidAmount : null, methods: null };
  }
  const methods = [...new Set(sale.payments.filter((each) => receivedOfView(each) > 0).map((each) => (each.method === 'cash' ? 'TUNAI' : 'QRIS')))].join(' + ');
  if (sale.outstanding === 0) return { counterState: 'paid', paid: null, methods };
  return { counterState: payment.counterState, paid: sale.received > 0 ? sale.received : null, methods };
}

/** The money one payment of a sale brought in (the rule of receivedOf in main). */
function receivedOfView(each: { state: PaymentView['state']; amount: number; paidAmount: number | null }): number {
  if (each.state === 'paid') return each.paidAmount ?? each.amount;
  return each.state === 'partially_paid' ? (each.paidAmount ?? 0) : 0;
}

/** "Tagih sisa" is the main action: money came in, the sale still owes, and none of its QRs is open. */
export function restIsMainAction(payment: PaymentView): boolean {
  const balance = saleBalance(payment);
  return balance.outstanding > 0 && balance.received > 0 && !balance.open;
}

/** The sale's payments, each with its method and numbers, and the change of a cash payment, large. */
export function SalePaymentList({ payment }: { payment: PaymentView }) {
  const { t } = useI18n();
  const { sale } = payment;
  if (sale === undefined) return null;
  const own = sale.payments.find((each) => each.tradeNo === payment.tradeNo);
  return (
    <>
      {own?.method === 'cash' && own.cashChange !== null ? (
        <p className="sale-change" data-testid="cash-change">
          {t('cashSale.change_is', { amount: formatRupiah(own.cashChange) })}
        </p>
      ) : null}
      <ul className="sale-payments" aria-label={t('cashSale.payments')}>
        {sale.payments.map((each) => (
          <li key={each.tradeNo}>
            <span className="sale-payment-method">{t(each.method === 'cash' ? 'cashSale.method_cash' : 'cashSale.method_qris')}</span>
            <span>{formatRupiah(each.method === 'cash' || each.state === 'paid' ? (each.paidAmount ?? each.amount) : (each.paidAmount ?? 0))}</span>
            {each.method === 'cash' ? (
              <span>{t('cashSale.tendered_change', { tendered: formatRupiah(each.cashTendered ?? 0), change: formatRupiah(each.cashChange ?? 0) })}</span>
            ) : (
              <span className="sale-payment-no">{each.platformTradeNo ?? each.tradeNo}</span>
            )}
          </li>
        ))}
      </ul>
      <p className="qr-status-detail">{t('cashSale.received_total', { received: formatRupiah(sale.received), amount: formatRupiah(sale.amount) })}</p>
    </>
  );
}

type ActionsProps = {
  payment: PaymentView;
  /** Shows another payment of the sale (the Tagih sisa QR, the cash result). */
  onShow: (payment: PaymentView) => void;
};

/**
 * What finishes a sale that still owes: "Tagih sisa" (a QR for exactly the rest, the main action
 * after a partial payment) and "Bayar tunai" (F8: the rest, or the whole of a QR the customer
 * cannot pay, in cash; an open QR is cancelled first).
 */
export function SaleFollowUpActions({ payment, onShow }: ActionsProps) {
  const { t } = useI18n();
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const balance = saleBalance(payment);
  const owes = balance.outstanding > 0;
  // Tagih sisa after money came in and nothing of the sale is open; cash whenever the sale owes.
  const canChargeRest = restIsMainAction(payment);
  // A QR still being created (or whose answer is being checked) is never replaced by cash: wait.
  const canPayCash = owes && payment.state !== 'creating' && payment.counterState !== 'unknown';

  const openCash = useCallback(() => setPaying(true), []);
  useCashKey(canPayCash && !paying, openCash);

  const chargeRest = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await safeCall((api) => api.chargeRest({ saleTradeNo: balance.saleTradeNo }));
    setBusy(false);
    if (result.ok) onShow(result.value);
    else setFailure(result.error);
  };

  if (!canChargeRest && !canPayCash) return null;
  return (
    <>
      {canChargeRest ? (
        <button type="button" className="button button-primary" disabled={busy} autoFocus onClick={() => void chargeRest()}>
          {t('cashSale.charge_rest', { amount: formatRupiah(balance.outstanding) })}
          <kbd aria-hidden="true">Enter</kbd>
        </button>
      ) : null}
      {canPayCash ? (
        <button type="button" className="button button-secondary button-cash" disabled={busy} aria-keyshortcuts="F8" onClick={openCash}>
          {t(canChargeRest ? 'cashSale.rest_in_cash' : 'cashSale.pay_cash')}
          <kbd aria-hidden="true">F8</kbd>
        </button>
      ) : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {paying ? (
        <CashDialog
          amount={balance.outstanding}
          cancelsQr={balance.open}
          pay={(tendered) => safeCall((api) => api.payCash({ saleTradeNo: balance.saleTradeNo, tendered }))}
          onPaid={(cash) => {
            setPaying(false);
            onShow(cash);
          }}
          onDismiss={() => setPaying(false)}
        />
      ) : null}
    </>
  );
}

/** F8 opens the cash dialog from anywhere on the screen, unless a dialog is open. */
export function useCashKey(enabled: boolean, onPress: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8' || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      onPress();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, onPress]);
}
