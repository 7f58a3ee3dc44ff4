import { useCallback, useEffect, useState } from 'react';
import type { DayReport } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { ReportTable } from './ReportTable.tsx';

/** The business day's report (any earlier day too), its shifts, and the CSV export of the day or a range. */
export function DayReportPanel({ businessDate, refreshKey }: { businessDate: string; refreshKey: number }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(businessDate);
  const [to, setTo] = useState(businessDate);
  const [report, setReport] = useState<DayReport | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  const load = useCallback(async () => {
    const result = await safeCall((api) => api.getDayReport({ from, to }));
    if (result.ok) {
      setReport(result.value);
      setFailure(null);
    } else setFailure(result.error);
  }, [from, to]);
  useEffect(() => void load(), [load, refreshKey]);

  const exportCsv = async () => {
    const result = await safeCall((api) => api.exportSales({ from, to }));
    if (!result.ok) return setFailure(result.error);
    saveText(result.value.fileName, result.value.csv);
    setExported(t('report.exported', { file: result.value.fileName, rows: result.value.rows }));
  };

  /** "Cetak laporan": the report as shown (this day or range) on the receipt printer. */
  const printReport = async () => {
    setPrinting(true);
    setExported(null);
    const result = await safeCall((api) => api.printDayReport({ from, to }));
    setPrinting(false);
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setExported(t('report.printed', { printer: result.value.printer }));
  };

  return (
    <section className="day-card day-report" aria-labelledby="day-report-heading">
      <h2 id="day-report-heading">{t('report.heading')}</h2>
      <div className="day-report-range">
        <TextField id="report-from" label={t('report.from')} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="report-to" label={t('report.to')} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <button type="button" className="button button-secondary" onClick={() => void exportCsv()}>
          {t('report.export')}
        </button>
        <button type="button" className="button button-secondary" disabled={printing} aria-busy={printing} onClick={() => void printReport()}>
          {printing ? t('report.printing') : t('report.print')}
        </button>
      </div>
      {exported ? <p role="status" className="day-report-exported">{exported}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {report ? (
        <>
          <ReportTable report={report.report} label={t('report.heading')} />
          {report.shifts.length > 0 ? (
            <table className="report-shifts">
              <caption>{t('report.shifts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.col.cashier')}</th>
                  <th scope="col">{t('report.col.time')}</th>
                  <th scope="col" className="num">{t('report.col.count')}</th>
                  <th scope="col" className="num">{t('report.received')}</th>
                </tr>
              </thead>
              <tbody>
                {report.shifts.map((shift) => (
                  <tr key={shift.id}>
                    <td>{shift.cashierName}</td>
                    <td>{`${formatClock(shift.openedAt)} – ${shift.closedAt === null ? t('report.still_open') : formatClock(shift.closedAt)}`}</td>
                    <td className="num">{shift.report.saleCount}</td>
                    <td className="num">{formatRupiah(shift.report.received)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** A download: the browser's in the web preview, Electron's save dialog in the app. */
function saveText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
