import { useCallback, useEffect, useState } from 'react';
import type { DayReport } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import type { CsvFormat } from '../../shared/day/csv-format.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { CsvFormatField } from './CsvFormatField.tsx';
import { PayoutEstimate } from './PayoutEstimate.tsx';
import { PrintReportButton } from './PrintReportButton.tsx';
import { ReportTable } from './ReportTable.tsx';
import { ShiftReport } from './ShiftReport.tsx';
import { PersonalDataChoice } from './PersonalDataChoice.tsx';
import { OwnerPinField, ownerPinRequest } from './OwnerPinField.tsx';
import { useBusinessDateField } from './useBusinessDateField.ts';
import { deliverCsv } from '../app/download.ts';
import './export-personal.css';

/**
 * The business day's report (any earlier day too), its shifts (each one's report can be opened
 * and printed again), and the CSV export of the day or a range.
 */
export function DayReportPanel({ businessDate, refreshKey, csvFormat }: { businessDate: string; refreshKey: number; csvFormat: CsvFormat }) {
  const { t } = useI18n();
  const [from, setFrom] = useBusinessDateField(businessDate);
  const [to, setTo] = useBusinessDateField(businessDate);
  const [format, setFormat] = useState(csvFormat);
  const [report, setReport] = useState<DayReport | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [shownShift, setShownShift] = useState<number | null>(null);
  // A cashier exports without customer data; with it (full mobile and email) the owner approves.
  const [personalData, setPersonalData] = useState(false);
  const [ownerPin, setOwnerPin] = useState('');

  const load = useCallback(async () => {
    const result = await safeCall((api) => api.getDayReport({ from, to }));
    if (result.ok) {
      setReport(result.value);
      setFailure(null);
    } else setFailure(result.error);
  }, [from, to]);
  useEffect(() => void load(), [load, refreshKey]);

  /** In the app main asks where to save (nothing to say when cancelled); the web preview downloads. */
  const exportCsv = async () => {
    setExported(null);
    const result = await safeCall((api) => api.exportSales({ from, to, format, ...(personalData ? { personalData, ...ownerPinRequest(ownerPin) } : {}) }));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    const saved = deliverCsv(result.value);
    if (saved) setExported(t('report.exported', saved));
  };

  const shift = report?.shifts.find((candidate) => candidate.id === shownShift) ?? null;
  return (
    <section className="day-card day-report" aria-labelledby="day-report-heading">
      <h2 id="day-report-heading">{t('report.heading')}</h2>
      <div className="day-report-range">
        <TextField id="report-from" label={t('report.from')} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="report-to" label={t('report.to')} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <CsvFormatField value={format} onChange={setFormat} />
        <button type="button" className="button button-secondary" onClick={() => void exportCsv()}>
          {t('report.export')}
        </button>
        <PrintReportButton print={(api) => api.printDayReport({ from, to })} />
      </div>
      <PersonalDataChoice checked={personalData} onChange={setPersonalData}>
        {personalData ? <OwnerPinField id="export-owner-pin" value={ownerPin} onChange={setOwnerPin} /> : null}
      </PersonalDataChoice>
      {exported ? <p role="status" className="day-report-exported">{exported}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {report ? (
        <>
          <ReportTable report={report.report} label={t('report.heading')} later={report.later} />
          <PayoutEstimate from={from} to={to} refreshKey={refreshKey} />
          {report.shifts.length > 0 ? (
            <table className="report-shifts">
              <caption>{t('report.shifts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.col.cashier')}</th>
                  <th scope="col">{t('report.col.time')}</th>
                  <th scope="col" className="num">{t('report.col.count')}</th>
                  <th scope="col" className="num">{t('report.received')}</th>
                  <th scope="col"><span className="visually-hidden">{t('report.col.shift_report')}</span></th>
                </tr>
              </thead>
              <tbody>
                {report.shifts.map((row) => {
                  const shown = row.id === shownShift;
                  const action = shown ? t('report.hide_shift') : t('report.show_shift');
                  return (
                    <tr key={row.id}>
                      <td>{row.cashierName}</td>
                      <td>{`${formatClock(row.openedAt)} – ${row.closedAt === null ? t('report.still_open') : formatClock(row.closedAt)}`}</td>
                      <td className="num">{row.report.saleCount}</td>
                      <td className="num">
                        {formatRupiah(row.report.received)}
                        {row.report.earlier.count > 0 ? (
                          <span className="report-shift-earlier">{t('report.shift_earlier', { amount: formatRupiah(row.report.earlier.amount) })}</span>
                        ) : null}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          aria-expanded={shown}
                          aria-controls="shown-shift-report"
                          aria-label={`${action}: ${t('report.shift_named', { name: row.cashierName, time: formatClock(row.openedAt) })}`}
                          onClick={() => setShownShift(shown ? null : row.id)}
                        >
                          {action}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <ShiftsTotal shifts={report.shifts} />
            </table>
          ) : null}
          <div id="shown-shift-report">{shift ? <ShiftReport shift={shift} /> : null}</div>
        </>
      ) : null}
    </section>
  );
}

/** What the shifts add up to: their own money plus what each received for earlier shifts. */
function ShiftsTotal({ shifts }: { shifts: DayReport['shifts'] }) {
  const { t } = useI18n();
  const sum = (pick: (report: DayReport['report']) => number) => shifts.reduce((total, shift) => total + pick(shift.report), 0);
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={2}>{t('report.shifts_total')}</th>
        <td className="num">{sum((report) => report.saleCount)}</td>
        <td className="num" data-testid="shifts-total">
          <strong>{formatRupiah(sum((report) => report.received + report.earlier.amount))}</strong>
        </td>
        <td />
      </tr>
    </tfoot>
  );
}
