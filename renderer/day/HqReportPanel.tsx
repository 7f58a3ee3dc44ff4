import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useBusinessDateField } from './useBusinessDateField.ts';
import './hq-report.css';

type HqReport = IpcResponse<'getHqReport'>;
type HqSale = IpcResponse<'searchHq'>['sales'][number];
/** '' this till, '*' all tills, otherwise an outlet's name. */
type ScopeChoice = string;
const THIS_TILL = '';
const ALL_TILLS = '*';

/**
 * The owner's Laporan over the head office (issue 23): this till, all tills or one outlet, for a
 * business day, and a search across tills ("the customer shows proof at another branch"). Needs
 * the owner PIN (the admin session) and an owner login stored on this till.
 */
export function HqReportPanel({ businessDate }: { businessDate: string }) {
  const { t } = useI18n();
  const [date, setDate] = useBusinessDateField(businessDate);
  const [scope, setScope] = useState<ScopeChoice>(ALL_TILLS);
  const [report, setReport] = useState<HqReport | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [locked, setLocked] = useState(false);
  const [pin, setPin] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<HqSale[] | null>(null);
  // This till's id at the head office, known from the first answer (the "this till" scope).
  const [thisTill, setThisTill] = useState('');

  const load = useCallback(async () => {
    const request =
      scope === ALL_TILLS ? { kind: 'all' as const }
        : scope === THIS_TILL ? { kind: 'till' as const, tillId: thisTill }
          : { kind: 'outlet' as const, outlet: scope };
    const result = await safeCall((api) => api.getHqReport({ scope: request, from: date, to: date }));
    if (result.ok) {
      setReport(result.value);
      setThisTill(result.value.thisTill);
      setFailure(null);
      setLocked(false);
    } else {
      setLocked(result.error.code === 'locked');
      setFailure(result.error.code === 'locked' ? null : result.error);
    }
  }, [scope, date, thisTill]);
  useEffect(() => void load(), [load]);

  const unlock = async () => {
    const result = await safeCall((api) => api.unlockAdmin({ pin }));
    setPin('');
    if (!result.ok) return setFailure(result.error);
    await load();
  };

  /** Digits (with the thousands dots of "Rp 75.000") are an amount on the chosen day; anything else a trade number. */
  const search = async () => {
    const text = query.trim();
    const amount = /^[\d.]{1,13}$/.test(text) ? Number(text.replaceAll('.', '')) : 0;
    const result = await safeCall((api) => api.searchHq(amount > 0 ? { amount, from: date } : { tradeNo: text }));
    if (result.ok) setFound(result.value.sales);
    else setFailure(result.error);
  };

  const outlets = [...new Set((report?.tills ?? []).map((till) => till.outletName).filter((name) => name !== ''))];
  return (
    <section className="day-card hq-report" aria-labelledby="hq-report-heading">
      <h2 id="hq-report-heading">{t('hq.report.heading')}</h2>
      {locked ? (
        <form className="hq-report-pin" onSubmit={(event) => { event.preventDefault(); void unlock(); }}>
          <PinField id="hq-owner-pin" label={t('hq.report.owner_pin')} value={pin} onChange={setPin} />
          <button type="submit" className="button button-primary">{t('hq.report.unlock')}</button>
        </form>
      ) : null}
      <div className="day-report-range">
        <div className="field">
          <label htmlFor="hq-scope">{t('hq.report.scope')}</label>
          <select id="hq-scope" value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value={THIS_TILL}>{t('hq.report.this_till')}</option>
            <option value={ALL_TILLS}>{t('hq.report.all_tills')}</option>
            {outlets.map((outlet) => <option key={outlet} value={outlet}>{t('hq.report.outlet', { name: outlet })}</option>)}
          </select>
        </div>
        <TextField id="hq-date" label={t('report.from')} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </div>
      {failure ? <ErrorBanner error={failure} /> : null}
      {report ? (
        <table className="hq-report-table" data-testid="hq-report">
          <tbody>
            <tr><th scope="row">{t('hq.report.received')}</th><td className="num" data-testid="hq-received">{formatRupiah(report.report.received)}</td></tr>
            {report.report.receivedByMethod ? (
              <tr>
                <th scope="row">{t('hq.report.by_method')}</th>
                <td className="num" data-testid="hq-by-method">
                  {t('cashSale.report_by_method', { qris: formatRupiah(report.report.receivedByMethod.qris), cash: formatRupiah(report.report.receivedByMethod.cash) })}
                </td>
              </tr>
            ) : null}
            {report.report.overpaid.count > 0 ? (
              <tr>
                <th scope="row">{t('amountCheck.overpaid')}</th>
                <td className="num" data-testid="hq-overpaid">
                  {t('amountCheck.overpaid_value', { count: report.report.overpaid.count, amount: formatRupiah(report.report.overpaid.amount) })}
                </td>
              </tr>
            ) : null}
            <tr><th scope="row">{t('hq.report.sales')}</th><td className="num">{report.report.saleCount}</td></tr>
            <tr><th scope="row">{t('hq.report.paid')}</th><td className="num">{`${report.report.buckets.paid.count} · ${formatRupiah(report.report.buckets.paid.amount)}`}</td></tr>
            <tr><th scope="row">{t('hq.report.outstanding')}</th><td className="num">{formatRupiah(report.report.partial.outstanding)}</td></tr>
            <tr><th scope="row">{t('hq.report.tills')}</th><td className="num">{report.tills.length}</td></tr>
          </tbody>
        </table>
      ) : null}
      <form className="hq-report-search" onSubmit={(event) => { event.preventDefault(); void search(); }}>
        <TextField id="hq-search" label={t('hq.search.label')} value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit" className="button button-secondary">{t('hq.search.go')}</button>
      </form>
      {found !== null ? (
        found.length === 0 ? <p role="status">{t('hq.search.none')}</p> : (
          <ul className="hq-found" aria-label={t('hq.search.results')}>
            {found.map((sale) => (
              <li key={`${sale.tillName}/${sale.tradeNo}`}>
                {`${sale.outletName} · ${sale.tillName} · ${sale.tradeNo} · ${formatRupiah(sale.amount)} · ${t(`status.${sale.state}`)} · ${formatClock(sale.createdAt)}`}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
