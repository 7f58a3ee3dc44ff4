import type { ClosedShift } from '../../shared/day/day-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { formatClock } from '../app/time.ts';
import { PrintReportButton } from './PrintReportButton.tsx';
import { ReportTable } from './ReportTable.tsx';
import { CashReport } from '../drawer/CashReport.tsx';

/** One shift's report (frozen once the shift closed), as after "Tutup shift" or picked again from the day's shifts. */
export function ShiftReport({ shift }: { shift: ClosedShift }) {
  const { t } = useI18n();
  const until = shift.closedAt === null ? t('report.still_open') : formatClock(shift.closedAt);
  return (
    <div className="shift-report" data-testid="shift-report">
      <h3>{t('shift.closed_report', { name: shift.cashierName, from: formatClock(shift.openedAt), to: until })}</h3>
      <ReportTable report={shift.report} label={t('shift.report_label', { name: shift.cashierName })} />
      {shift.report.cash ? <CashReport shiftId={shift.id} cash={shift.report.cash} /> : null}
      <PrintReportButton print={(api) => api.printShiftReport({ shiftId: shift.id })} />
    </div>
  );
}
