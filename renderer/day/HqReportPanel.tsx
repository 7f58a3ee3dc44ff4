import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { formatDifference } from '../../shared/day/shift-cash.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { deliverCsv } from '../app/download.ts';
import { formatClock } from '../app/time.ts';
import { PersonalDataChoice } from './PersonalDataChoice.tsx';
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
 * business day or range — the report, every till's shifts with their counted cash, the late
 * payments waiting on any till, the CSV of all tills — and a search across tills ("the customer
 * shows proof at another branch") with the till's own F6 boxes. Needs the owner PIN (the admin
 * session) and an owner login stored on this till.
 */
export function HqReportPanel({ businessDate }: { businessDate: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useBusinessDateField(businessDate);
  const [to, setTo] = useBusinessDateField(businessDate);
  const [scope, setScope] = useState<ScopeChoice>(ALL_TILLS);
  const [report, setReport] = useState<HqReport | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [locked, setLocked] = useState(false);
  const [pin, setPin] = useState('');
  // This till's id at the head office, known from the first answer (the "this till" scope).
  const [thisTill, setThisTill] = useState('');
  const [personalData, setPersonalData] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const request = useCallback(
    () => (scope === ALL_TILLS ? { kind: 'all' as const } : scope === THIS_TILL ? { kind: 'till' as const, tillId: thisTill } : { kind: 'outlet' as const, outlet: scope }),
    [scope, thisTill],
  );
  const load = useCallback(async () => {
    const result = await safeCall((api) => api.getHqReport({ scope: request(), from, to }));
    if (result.ok) {
      setReport(result.value);
      setThisTill(result.value.thisTill);
      setFailure(null);
      setLocked(false);
    } else {
      setLocked(result.error.code === 'locked');
      setFailure(result.error.code === 'locked' ? null : result.error);
    }
  }, [request, from, to]);
  useEffect(() => void load(), [load]);

  const unlock = async () => {
    const result = await safeCall((api) => api.unlockAdmin({ pin }));
    setPin('');
    if (!result.ok) return setFailure(result.error);
    await load();
  };

  const exportCsv = async () => {
    setExported(null);
    const result = await safeCall((api) => api.exportHq({ scope: request(), from, to, ...(personalData ? { personalData } : {}) }));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    const saved = deliverCsv(result.value);
    if (saved) setExported(t('report.exported', saved));
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
        <TextField id="hq-from" label={t('report.from')} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="hq-to" label={t('report.to')} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <button type="button" className="button button-secondary" disabled={report === null} onClick={() => void exportCsv()}>
          {t('hq.report.export')}
        </button>
      </div>
      {report ? <PersonalDataChoice checked={personalData} onChange={setPersonalData} /> : null}
      {exported ? <p role="status" className="day-report-exported">{exported}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {report ? (
        <>
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
              <tr><th scope="row">{t('hq.report.sales')}</th><td className="num" data-testid="hq-sales">{report.report.saleCount}</td></tr>
              <tr><th scope="row">{t('hq.report.paid')}</th><td className="num">{`${report.report.buckets.paid.count} · ${formatRupiah(report.report.buckets.paid.amount)}`}</td></tr>
              <tr><th scope="row">{t('hq.report.outstanding')}</th><td className="num">{formatRupiah(report.report.partial.outstanding)}</td></tr>
              <tr><th scope="row">{t('hq.report.tills')}</th><td className="num">{report.tills.length}</td></tr>
            </tbody>
          </table>
          <HqShifts shifts={report.shifts} />
          <HqLate late={report.late} />
        </>
      ) : null}
      <HqSearch from={from} to={to} />
    </section>
  );
}

function tillLabel(row: { tillName: string; outletName: string }): string {
  return row.outletName === '' ? row.tillName : `${row.tillName} · ${row.outletName}`;
}

/** Every till's shifts of the range: who, when, and the drawer's expected, counted and difference. */
function HqShifts({ shifts }: { shifts: HqReport['shifts'] }) {
  const { t } = useI18n();
  const money = (value: number | null) => (value === null ? '—' : formatRupiah(value));
  if (shifts.length === 0) return <p className="hq-report-none">{t('hq.report.shifts_none')}</p>;
  return (
    <table className="report-shifts hq-shifts" data-testid="hq-shifts">
      <caption>{t('hq.report.shifts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hq.report.col.till')}</th>
          <th scope="col">{t('hq.report.col.cashier')}</th>
          <th scope="col">{t('report.col.time')}</th>
          <th scope="col" className="num">{t('hq.report.col.expected')}</th>
          <th scope="col" className="num">{t('hq.report.col.counted')}</th>
          <th scope="col" className="num">{t('hq.report.col.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((shift) => (
          <tr key={`${shift.tillName}/${shift.outletName}/${shift.openedAt}`}>
            <td>{tillLabel(shift)}</td>
            <td>{shift.cashierName}</td>
            <td>{`${formatClock(shift.openedAt)} – ${shift.closedAt === null ? t('report.still_open') : formatClock(shift.closedAt)}`}</td>
            <td className="num">{money(shift.expected)}</td>
            <td className="num">{money(shift.counted)}</td>
            <td className={`num${shift.difference !== null && shift.difference < 0 ? ' hq-short' : ''}`}>{shift.difference === null ? '—' : formatDifference(shift.difference)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Late payments waiting on any till of the scope: read here, resolved on their own till. */
function HqLate({ late }: { late: HqReport['late'] }) {
  const { t } = useI18n();
  if (late.length === 0) return null;
  return (
    <div className="hq-late" data-testid="hq-late">
      <h3>{t('hq.report.late', { count: late.length })}</h3>
      <p className="field-hint">{t('hq.report.late_explain')}</p>
      <ul>
        {late.map((row) => (
          <li key={`${row.tillName}/${row.outletName}/${row.tradeNo}`}>
            {t('hq.report.late_row', { till: tillLabel(row), trade: row.tradeNo, amount: formatRupiah(row.received), time: formatClock(row.lateAt) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The till's F6 boxes across tills: the end of a number or mobile (any day), or an amount in the report's days. */
function HqSearch({ from, to }: { from: string; to: string }) {
  const { t, te, tf } = useI18n();
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [found, setFound] = useState<HqSale[] | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const search = async () => {
    const byNumber = number.trim() !== '';
    const result = await safeCall((api) => api.searchHq(byNumber ? { number: number.trim() } : { amount: amount.trim(), from, to }));
    if (result.ok) {
      setFound(result.value.sales);
      setFailure(null);
    } else {
      setFound(null);
      setFailure(result.error);
    }
  };
  const fieldError = (field: string) => (failure?.fields?.[field] ? tf(failure.fields[field]!) : null);
  return (
    <>
      <form className="hq-report-search" onSubmit={(event) => { event.preventDefault(); void search(); }}>
        <fieldset>
          <legend>{t('hq.search.label')}</legend>
          <div className="hq-report-search-boxes">
            <TextField id="hq-search-number" label={t('hq.search.number')} spellCheck={false} value={number} error={fieldError('number')} onChange={(event) => setNumber(event.target.value)} />
            <TextField id="hq-search-amount" label={t('hq.search.amount')} inputMode="numeric" disabled={number.trim() !== ''} value={amount} error={fieldError('amount')} onChange={(event) => setAmount(event.target.value)} />
            <button type="submit" className="button button-secondary">{t('hq.search.go')}</button>
          </div>
        </fieldset>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
      {failure && failure.fields && !fieldError('number') && !fieldError('amount') ? <p className="field-error">{te(failure)}</p> : null}
      {found !== null ? (
        found.length === 0 ? <p role="status">{t('hq.search.none')}</p> : (
          <table className="report-shifts hq-found" aria-label={t('hq.search.results')}>
            <thead>
              <tr>
                <th scope="col">{t('hq.report.col.till')}</th>
                <th scope="col">{t('hq.search.col.trade')}</th>
                <th scope="col">{t('hq.search.col.method')}</th>
                <th scope="col" className="num">{t('hq.search.col.amount')}</th>
                <th scope="col">{t('report.col.state')}</th>
                <th scope="col">{t('report.col.time')}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((sale) => (
                <tr key={`${sale.tillName}/${sale.outletName}/${sale.tradeNo}`}>
                  <td>{tillLabel(sale)}</td>
                  <td className="hq-trade">{sale.tradeNo}{sale.platformTradeNo ? <span className="hq-platform">{sale.platformTradeNo}</span> : null}</td>
                  <td>{sale.methods.map((method) => t(`hq.search.method.${method}`)).join(' + ')}</td>
                  <td className="num">{formatRupiah(sale.amount)}</td>
                  <td>{t(`status.${sale.state}`)}</td>
                  <td>{formatClock(sale.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </>
  );
}
