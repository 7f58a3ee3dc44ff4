import type { DayReport, ReportView } from '../../shared/day/day-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { formatClock } from '../app/time.ts';

const BUCKETS = ['paid', 'partially_paid', 'failed', 'expired', 'cancelled', 'open'] as const;

/**
 * A shift or day report ("Tutup kasir") as the owner reads it: money first, then every state.
 * `earlier` is money for earlier shifts' sales that came in during this shift (or the day's
 * shifts); a day report also says how much of its sales' money came in after their shift closed
 * (`later`, counted in a later shift's `earlier`), so the day and its shifts can be reconciled.
 */
export function ReportTable({ report, label, later }: { report: ReportView; label: string; later?: DayReport['later'] }) {
  const { t } = useI18n();
  const time = (ms: number | null) => (ms === null ? '–' : formatClock(ms));
  return (
    <div className="report" aria-label={label} role="group">
      <p className="report-received">
        <span>{t('report.received')}</span>
        <strong data-testid="report-received">{formatRupiah(report.received)}</strong>
      </p>
      {report.receivedByMethod ? (
        <p className="report-by-method" data-testid="report-by-method">
          {t('cashSale.report_by_method', { qris: formatRupiah(report.receivedByMethod.qris), cash: formatRupiah(report.receivedByMethod.cash) })}
        </p>
      ) : null}
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('report.col.state')}</th>
            <th scope="col" className="num">{t('report.col.count')}</th>
            <th scope="col" className="num">{t('report.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {BUCKETS.map((bucket) => (
            <tr key={bucket} data-bucket={bucket}>
              <th scope="row">{t(`report.bucket.${bucket}`)}</th>
              <td className="num">{report.buckets[bucket].count}</td>
              <td className="num">{formatRupiah(report.buckets[bucket].amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="report-facts">
        <dt>{t('report.sales')}</dt>
        <dd data-testid="report-sales">{report.saleCount}</dd>
        <dt>{t('report.partial')}</dt>
        <dd>{t('report.partial_value', { received: formatRupiah(report.partial.received), outstanding: formatRupiah(report.partial.outstanding) })}</dd>
        <dt>{t('report.late')}</dt>
        <dd>{t('report.late_value', { count: report.late.count, amount: formatRupiah(report.late.received) })}</dd>
        <dt>{t('report.earlier')}</dt>
        <dd data-testid="report-earlier">{t('report.earlier_value', { count: report.earlier.count, amount: formatRupiah(report.earlier.amount) })}</dd>
        {report.overpaid.count > 0 ? (
          <>
            <dt>{t('amountCheck.overpaid')}</dt>
            <dd data-testid="report-overpaid">
              {t('amountCheck.overpaid_value', { count: report.overpaid.count, amount: formatRupiah(report.overpaid.amount) })}
            </dd>
          </>
        ) : null}
        {later ? (
          <>
            <dt>{t('report.later')}</dt>
            <dd data-testid="report-later">{t('report.later_value', { count: later.count, amount: formatRupiah(later.amount) })}</dd>
          </>
        ) : null}
        <dt>{t('report.resolved')}</dt>
        <dd>
          {t('report.resolved_value', {
            goods: report.resolutions.goods_handed_over,
            refunded: report.resolutions.refunded_cash,
            other: report.resolutions.other,
          })}
        </dd>
        <dt>{t('report.voids')}</dt>
        <dd>{t('report.voids_value', { count: report.voids.count, amount: formatRupiah(report.voids.amount) })}</dd>
        <dt>{t('report.first_last')}</dt>
        <dd>{`${time(report.firstSaleAt)} – ${time(report.lastSaleAt)}`}</dd>
      </dl>
    </div>
  );
}
