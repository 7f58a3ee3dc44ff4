import { useCallback, useEffect, useState } from 'react';
import { LATE_OUTCOMES, OVERPAID_OUTCOMES, type LateOutcome, type OverpaidOutcome, type OverpaidView, type SaleView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatSaleMoment } from '../app/time.ts';
import { validateLateResolution, validateOverpaidResolution } from '../../shared/day/late-rules.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { OwnerPinField, ownerPinRequest } from './OwnerPinField.tsx';
import { TextField } from '../components/TextField.tsx';
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
  const { t, tf, language } = useI18n();
  // No default: the money is the customer's, and what became of it is a person's answer.
  const [outcome, setOutcome] = useState<OverpaidOutcome | null>(null);
  const [note, setNote] = useState('');
  const [ownerPin, setOwnerPin] = useState('');
  const [failure, setFailure] = useState<IpcError | null>(null);
  const id = `overpaid-${item.tradeNo}`;

  const save = async () => {
    if (outcome === null) return;
    const checked = validateOverpaidResolution({ outcome, note });
    if (!checked.ok) return setFailure({ code: 'validation', fields: checked.fields });
    const result = await safeCall((api) => api.resolveOverpaid({
      tradeNo: item.tradeNo,
      ...checked.value,
      ...(checked.value.outcome === 'refunded_cash' ? ownerPinRequest(ownerPin) : {}),
    }));
    if (result.ok) onResolved();
    else setFailure(result.error);
  };
  const noteError = failure?.fields?.note;
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
      <form className="late-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('late.outcome')}</label>
          <select id={`${id}-outcome`} value={outcome ?? ''} onChange={(event) => setOutcome(event.target.value as OverpaidOutcome)}>
            <option value="" disabled>{t('late.outcome_choose')}</option>
            {OVERPAID_OUTCOMES.map((choice) => (
              <option key={choice} value={choice}>{t(`overpaid.outcome.${choice}`)}</option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-note`}
          label={t('late.note')}
          hint={outcome === 'kept' ? t('overpaid.note_required_hint') : null}
          error={noteError ? tf(noteError) : null}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
        />
        {outcome === 'refunded_cash' ? (
          <>
            <p className="late-refund-note" role="note">{t('overpaid.cash_leaves_drawer')}</p>
            <OwnerPinField id={`${id}-owner-pin`} value={ownerPin} onChange={setOwnerPin} />
          </>
        ) : null}
        <button type="submit" className="button button-primary" disabled={outcome === null}>{t('late.save')}</button>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
    </li>
  );
}

function LateItem({ sale, onResolved }: { sale: SaleView; onResolved: () => void }) {
  const { t, tf, language } = useI18n();
  // No default (issue 20 #4): one click must not record what nobody chose.
  const [outcome, setOutcome] = useState<LateOutcome | null>(null);
  const [note, setNote] = useState('');
  const [ownerPin, setOwnerPin] = useState('');
  const [failure, setFailure] = useState<IpcError | null>(null);
  const received = sale.paidAmount ?? sale.amount;

  const save = async () => {
    if (outcome === null) return;
    // The same rule as main's, for instant feedback: "Lainnya" needs a note.
    const checked = validateLateResolution({ outcome, note });
    if (!checked.ok) return setFailure({ code: 'validation', fields: checked.fields });
    const result = await safeCall((api) => api.resolveLatePayment({
      tradeNo: sale.tradeNo,
      ...checked.value,
      ...(checked.value.outcome === 'refunded_cash' ? ownerPinRequest(ownerPin) : {}),
    }));
    if (result.ok) onResolved();
    else setFailure(result.error);
  };
  const noteError = failure?.fields?.note;

  return (
    <li className="late-item" data-trade-no={sale.tradeNo}>
      <p className="late-what">
        <strong>{formatRupiah(received)}</strong> {t('late.what', { time: formatSaleMoment(sale.createdAt, null, language), trade: sale.tradeNo })}
      </p>
      {/* The one place a late payment's receipt is printed (never automatically): marked PEMBAYARAN TERLAMBAT. */}
      <PrintReceiptButton tradeNo={sale.tradeNo} text={t('paidLate.print')} label={t('paidLate.print_label', { tradeNo: sale.tradeNo })} />
      <form className="late-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <div className="field">
          <label htmlFor={`late-outcome-${sale.tradeNo}`}>{t('late.outcome')}</label>
          <select id={`late-outcome-${sale.tradeNo}`} value={outcome ?? ''} onChange={(event) => setOutcome(event.target.value as LateOutcome)}>
            <option value="" disabled>{t('late.outcome_choose')}</option>
            {LATE_OUTCOMES.map((choice) => (
              <option key={choice} value={choice}>{t(`late.outcome.${choice}`)}</option>
            ))}
          </select>
        </div>
        <TextField
          id={`late-note-${sale.tradeNo}`}
          label={t('late.note')}
          hint={outcome === 'other' ? t('late.note_required_hint') : null}
          error={noteError ? tf(noteError) : null}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
        />
        {outcome === 'refunded_cash' ? (
          <>
            <p className="late-refund-note" role="note">{t('late.refund_not_sent')}</p>
            <OwnerPinField id={`late-owner-pin-${sale.tradeNo}`} value={ownerPin} onChange={setOwnerPin} />
          </>
        ) : null}
        <button type="submit" className="button button-primary" disabled={outcome === null}>{t('late.save')}</button>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
    </li>
  );
}
