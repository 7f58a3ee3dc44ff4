import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ListSalesRequest, SaleView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { PAYMENT_STATES, type PaymentState } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { SEARCH_KEY } from '../app/routes.ts';
import { SearchResults } from './SearchResults.tsx';
import { useBusinessDateField } from './useBusinessDateField.ts';

const PAGE = 50;

/**
 * History and search: "the customer shows a payment on their phone" — find the sale by amount,
 * time and state (all of them apply), or by our or Paypro's number on any day (then the other
 * filters are switched off, visibly), and ask the gateway again. Pages of 50, newest first.
 */
export function SalesSearch({ businessDate, focusRequest = null }: { businessDate: string; focusRequest?: object | null }) {
  const { t, tf } = useI18n();
  const [date, setDate] = useBusinessDateField(businessDate);
  const [amount, setAmount] = useState('');
  const [fromTime, setFromTime] = useState('');
  const [toTime, setToTime] = useState('');
  const [tradeNo, setTradeNo] = useState('');
  const [state, setState] = useState<PaymentState | ''>('');
  const [found, setFound] = useState<{ sales: SaleView[]; shownDate: string | null } | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const byNumber = tradeNo.trim() !== '';
  const numberRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest === null) return;
    numberRef.current?.scrollIntoView({ block: 'center' });
    numberRef.current?.focus();
  }, [focusRequest]);

  const query = (): ListSalesRequest =>
    byNumber
      ? { tradeNo: tradeNo.trim(), limit: PAGE }
      : {
          from: date,
          limit: PAGE,
          ...(amount.trim() ? { amount: amount.trim() } : {}),
          ...(fromTime ? { fromTime } : {}),
          ...(toTime ? { toTime } : {}),
          ...(state ? { state } : {}),
        };

  const search = async (cursor?: string) => {
    const result = await safeCall((api) => api.listSales(cursor ? { ...query(), cursor } : query()));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    const shownDate = byNumber ? null : date;
    setFound((current) => ({ shownDate, sales: cursor && current ? [...current.sales, ...result.value.sales] : result.value.sales }));
    setNext(result.value.next);
  };

  const replace = (sale: SaleView) =>
    setFound((current) => current && { ...current, sales: current.sales.map((one) => (one.tradeNo === sale.tradeNo ? sale : one)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search();
  };
  const fieldError = (field: string) => {
    const error = failure?.fields?.[field];
    return error ? tf(error) : null;
  };

  return (
    <section className="day-card sales-search" aria-labelledby="search-heading">
      <h2 id="search-heading">
        {t('search.heading')} <kbd aria-hidden="true">{SEARCH_KEY}</kbd>
      </h2>
      <form className="search-form" onSubmit={submit}>
        <TextField id="search-date" label={t('search.date')} type="date" disabled={byNumber} value={date} onChange={(event) => setDate(event.target.value)} />
        <TextField id="search-amount" label={t('search.amount')} inputMode="numeric" disabled={byNumber} error={fieldError('amount')} value={amount} onChange={(event) => setAmount(event.target.value)} />
        <TextField id="search-from" label={t('search.from_time')} type="time" disabled={byNumber} error={fieldError('fromTime')} value={fromTime} onChange={(event) => setFromTime(event.target.value)} />
        <TextField id="search-to" label={t('search.to_time')} type="time" disabled={byNumber} error={fieldError('toTime')} value={toTime} onChange={(event) => setToTime(event.target.value)} />
        <div className="field">
          <label htmlFor="search-state">{t('search.state')}</label>
          <select id="search-state" disabled={byNumber} value={state} onChange={(event) => setState(event.target.value as PaymentState | '')}>
            <option value="">{t('search.any_state')}</option>
            {PAYMENT_STATES.map((one) => (
              <option key={one} value={one}>{t(`search.state.${one}`)}</option>
            ))}
          </select>
        </div>
        <TextField
          id="search-trade"
          ref={numberRef}
          className="search-trade"
          label={t('search.trade_no')}
          spellCheck={false}
          hint={t(byNumber ? 'search.trade_no_hint' : 'search.trade_no_help')}
          error={fieldError('tradeNo')}
          value={tradeNo}
          onChange={(event) => setTradeNo(event.target.value)}
        />
        <button type="submit" className="button button-primary">{t('search.submit')}</button>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
      {found && found.sales.length === 0 ? <p className="search-empty">{t('search.none')}</p> : null}
      {found && found.sales.length > 0 ? <SearchResults sales={found.sales} shownDate={found.shownDate} onSaleChange={replace} /> : null}
      {next ? (
        <button type="button" className="button button-secondary" onClick={() => void search(next)}>
          {t('search.more')}
        </button>
      ) : null}
    </section>
  );
}
