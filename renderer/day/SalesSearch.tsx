import { useState, type FormEvent } from 'react';
import type { ListSalesRequest, SaleView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { isSettled, PAYMENT_STATES, type PaymentState } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { TextField } from '../components/TextField.tsx';

const PAGE = 50;

/**
 * History and search: "the customer shows a payment on their phone" — find the sale by amount
 * and time, or by our or Paypro's number, and ask the gateway again. Pages of 50, newest first.
 */
export function SalesSearch({ businessDate }: { businessDate: string }) {
  const { t, tf } = useI18n();
  const [date, setDate] = useState(businessDate);
  const [amount, setAmount] = useState('');
  const [fromTime, setFromTime] = useState('');
  const [toTime, setToTime] = useState('');
  const [tradeNo, setTradeNo] = useState('');
  const [state, setState] = useState<PaymentState | ''>('');
  const [sales, setSales] = useState<SaleView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const query = (): ListSalesRequest => ({
    from: date,
    limit: PAGE,
    ...(tradeNo.trim() ? { tradeNo: tradeNo.trim() } : {}),
    ...(amount.trim() ? { amount: amount.trim() } : {}),
    ...(fromTime ? { fromTime } : {}),
    ...(toTime ? { toTime } : {}),
    ...(state ? { state } : {}),
  });

  const search = async (cursor?: string) => {
    const result = await safeCall((api) => api.listSales(cursor ? { ...query(), cursor } : query()));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setSales((current) => (cursor && current ? [...current, ...result.value.sales] : result.value.sales));
    setNext(result.value.next);
  };

  const recheck = async (sale: SaleView) => {
    const result = await safeCall((api) => api.recheckPayment({ tradeNo: sale.tradeNo }));
    if (!result.ok) return setFailure(result.error);
    setSales((current) => current?.map((one) => (one.tradeNo === sale.tradeNo ? { ...one, ...result.value } : one)) ?? null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search();
  };

  return (
    <section className="day-card sales-search" aria-labelledby="search-heading">
      <h2 id="search-heading">{t('search.heading')}</h2>
      <form className="search-form" onSubmit={submit}>
        <TextField id="search-date" label={t('search.date')} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        <TextField id="search-amount" label={t('search.amount')} inputMode="numeric" error={failure?.fields?.amount ? tf(failure.fields.amount) : null} value={amount} onChange={(event) => setAmount(event.target.value)} />
        <TextField id="search-from" label={t('search.from_time')} type="time" value={fromTime} onChange={(event) => setFromTime(event.target.value)} />
        <TextField id="search-to" label={t('search.to_time')} type="time" value={toTime} onChange={(event) => setToTime(event.target.value)} />
        <TextField id="search-trade" label={t('search.trade_no')} spellCheck={false} value={tradeNo} onChange={(event) => setTradeNo(event.target.value)} />
        <div className="field">
          <label htmlFor="search-state">{t('search.state')}</label>
          <select id="search-state" value={state} onChange={(event) => setState(event.target.value as PaymentState | '')}>
            <option value="">{t('search.any_state')}</option>
            {PAYMENT_STATES.map((one) => (
              <option key={one} value={one}>{t(`search.state.${one}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">{t('search.submit')}</button>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
      {sales && sales.length === 0 ? <p className="search-empty">{t('search.none')}</p> : null}
      {sales && sales.length > 0 ? (
        <table className="search-results">
          <thead>
            <tr>
              <th scope="col">{t('today.col.time')}</th>
              <th scope="col" className="num">{t('today.col.amount')}</th>
              <th scope="col">{t('today.col.status')}</th>
              <th scope="col">{t('today.col.trade_no')}</th>
              <th scope="col">{t('report.col.cashier')}</th>
              <th scope="col">{t('today.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((sale) => (
              <tr key={sale.tradeNo}>
                <td>{formatClock(sale.createdAt)}</td>
                <td className="num">{formatRupiah(sale.amount)}</td>
                <td><StatusBadge state={sale.counterState} /></td>
                <td className="mono">
                  {sale.tradeNo}
                  {sale.platformTradeNo ? <span className="search-platform">{sale.platformTradeNo}</span> : null}
                </td>
                <td>{sale.cashierName ?? '–'}</td>
                <td>
                  {isSettled(sale.state) ? null : (
                    <button type="button" className="button button-secondary" onClick={() => void recheck(sale)}>
                      {t('search.recheck')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <button type="button" className="button button-secondary" onClick={() => void search(next)}>
          {t('search.more')}
        </button>
      ) : null}
    </section>
  );
}
