import { useCallback, useEffect, useState } from 'react';
import { LATE_OUTCOMES, OVERPAID_OUTCOMES, type OverpaidView, type SaleView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatSaleMoment } from '../app/time.ts';
import { validateLateResolution, validateOverpaidResolution } from '../../shared/day/late-rules.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ResolutionForm } from './ResolutionForm.tsx';
import { PrintReceiptButton } from '../components/ReprintButton.tsx';

/**
 * "Perlu tindakan": sales the counter had closed that turned out paid, and customers' overpayments
 * (a sale paid twice, a QR paid more than charged). The cashier records what was done; a refund is
 * only recorded (Paypro's API has no refund call), and the screen says so. `count` is what the day
 * status counts of both: a new count means a new list.
 */
export function LatePayments({ count, onResolved }: { count: number; onResolved: () => void }) {
  const { t } = useI18n();
  const [sales, setSales] = useState<SaleView[]>([]);
  const [overpaid, setOverpaid] = useState<OverpaidView[]>([]);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const load = useCallback(async () => {
    const [late, extra] = await Promise.all([safeCall((api) => api.listLatePayments({})), safeCall((api) => api.listOverpaid({}))]);
    if (late.ok) setSales(late.value.sales);
    else setFailure(late.error);
    if (extra.ok) setOverpaid(extra.value.items);
    else setFailure(extra.error);
  }, []);
  useEffect(() => void load(), [load, count]);
  const resolved = () => {
    void load();
    onResolved();
  };

  if (sales.length === 0 && overpaid.length === 0 && !failure) return null;
  return (
    <section className="day-card late-payments" aria-labelledby="late-heading">
      <h2 id="late-heading">{t('late.heading', { count: sales.length + overpaid.length })}</h2>
      {sales.length > 0 ? <p className="late-explain">{t('late.explain')}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      <ul className="late-list">
        {sales.map((sale) => (
          <LateItem key={sale.tradeNo} sale={sale} onResolved={resolved} />
        ))}
        {overpaid.map((item) => (
          <OverpaidItem key={`overpaid-${item.tradeNo}`} item={item} onResolved={resolved} />
        ))}
      </ul>
    </section>
  );
}

/** A customer's overpayment: handed back in cash (the owner's PIN; out of the drawer), outside the app, or kept with a note. */
function OverpaidItem({ item, onResolved }: { item: OverpaidView; onResolved: () => void }) {
  const { t, language } = useI18n();
  const amount = formatRupiah(item.overpaidAmount);
  return (
    <li className="late-item overpaid-item" data-overpaid-trade-no={item.tradeNo}>
      <p className="late-what">
        <strong>{t(item.doublePayment ? 'overpaid.what_double' : 'overpaid.what_single', { amount })}</strong>
      </p>
      <p className="late-what">
        {t('overpaid.detail', { sale: formatRupiah(item.saleAmount), time: formatSaleMoment(item.createdAt, null, language), trade: item.saleTradeNo })}
        {' '}{t('overpaid.explain')}
      </p>
      <ResolutionForm
        id={`overpaid-${item.tradeNo}`}
        outcomes={OVERPAID_OUTCOMES}
        outcomeLabel={(choice) => t(`overpaid.outcome.${choice}`)}
        noteHint={(outcome) => (outcome === 'kept' ? t('overpaid.note_required_hint') : null)}
        cashRefundNote={t('overpaid.cash_leaves_drawer')}
        validate={validateOverpaidResolution}
        send={(resolution) => safeCall((api) => api.resolveOverpaid({ tradeNo: item.tradeNo, ...resolution }))}
        onResolved={onResolved}
      />
    </li>
  );
}

function LateItem({ sale, onResolved }: { sale: SaleView; onResolved: () => void }) {
  const { t, language } = useI18n();
  const received = sale.paidAmount ?? sale.amount;

  return (
    <li className="late-item" data-trade-no={sale.tradeNo}>
      <p className="late-what">
        <strong>{formatRupiah(received)}</strong> {t('late.what', { time: formatSaleMoment(sale.createdAt, null, language), trade: sale.tradeNo })}
      </p>
      {/* The one place a late payment's receipt is printed (never automatically): marked PEMBAYARAN TERLAMBAT. */}
      <PrintReceiptButton tradeNo={sale.tradeNo} text={t('paidLate.print')} label={t('paidLate.print_label', { tradeNo: sale.tradeNo })} />
      <ResolutionForm
        id={`late-${sale.tradeNo}`}
        outcomes={LATE_OUTCOMES}
        outcomeLabel={(choice) => t(`late.outcome.${choice}`)}
        noteHint={(outcome) => (outcome === 'other' ? t('late.note_required_hint') : null)}
        cashRefundNote={t('late.refund_not_sent')}
        validate={validateLateResolution}
        send={(resolution) => safeCall((api) => api.resolveLatePayment({ tradeNo: sale.tradeNo, ...resolution }))}
        onResolved={onResolved}
      />
    </li>
  );
}
