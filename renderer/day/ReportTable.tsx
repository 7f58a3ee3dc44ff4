import { OVERPAID_OUTCOMES, type DayReport, type ReportView } from '../../shared/day/day-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { formatClock } from '../app/time.ts';
import './report-legend.css';

/** Every sale in exactly one of these lines (electron/core/day/report.ts REPORT_BUCKETS). */
const BUCKETS = ['paid', 'partially_paid', 'late', 'failed', 'expired', 'cancelled', 'open'] as const;
/** The figures below the table, each with its meaning (`report.hint.<key>`). */
const FACTS = ['sales', 'partial', 'earlier', 'later', 'resolved', 'first_last'] as const;

/**
 * A shift or day report ("Tutup kasir") as the owner reads it: money first, then every state.
 * `earlier` is money for earlier shifts' sales that came in during this shift (or the day's
 * shifts); a day report also says how much of its sales' money came in after their shift closed
 * (`later`, counted in a later shift's `earlier`), so the day and its shifts can be reconciled.
 */
export function ReportTable({ report, label, later }: { report: ReportView; label: string; later?: DayReport['later'] }) {
  const { t } = useI18n();
  const time = (ms: number | null) => (ms === null ? '–' : formatClock(ms));
  const overpaidResolved = report.overpaidResolved;
  return (
    <div className="report" aria-label={label} role="group">
      <p className="report-received" title={t('report.hint.received')}>
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
              <th scope="row" title={t(`report.hint.${bucket}`)}>{t(`report.bucket.${bucket}`)}</th>
              <td className="num">{report.buckets[bucket].count}</td>
              <td className="num">{formatRupiah(report.buckets[bucket].amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="report-facts">
        <dt title={t('report.hint.sales')}>{t('report.sales')}</dt>
        <dd data-testid="report-sales">{report.saleCount}</dd>
        <dt title={t('report.hint.partial')}>{t('report.partial')}</dt>
        <dd>{t('report.partial_value', { received: formatRupiah(report.partial.received), outstanding: formatRupiah(report.partial.outstanding) })}</dd>
        <dt title={t('report.hint.earlier')}>{t('report.earlier')}</dt>
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
            <dt title={t('report.hint.later')}>{t('report.later')}</dt>
            <dd data-testid="report-later">{t('report.later_value', { count: later.count, amount: formatRupiah(later.amount) })}</dd>
          </>
        ) : null}
        <dt title={t('report.hint.resolved')}>{t('report.resolved')}</dt>
        <dd>
          {t('report.resolved_value', {
            goods: report.resolutions.goods_handed_over,
            refunded: report.resolutions.refunded_cash,
            other: report.resolutions.other,
          })}
        </dd>
        {overpaidResolved && OVERPAID_OUTCOMES.some((outcome) => overpaidResolved[outcome].count > 0) ? (
          <>
            <dt title={t('report.hint.overpaid_resolved')}>{t('report.overpaid_resolved')}</dt>
            {/* Only the outcomes that happened, each on its own line: three Rp 10.000.000 figures do not fit one line of a half-width card. */}
            {OVERPAID_OUTCOMES.filter((outcome) => overpaidResolved[outcome].count > 0).map((outcome) => (
              <dd key={outcome} data-testid="report-overpaid-resolved">
                {t(`report.overpaid_resolved.${outcome}`, { amount: formatRupiah(overpaidResolved[outcome].amount) })}
              </dd>
            ))}
          </>
        ) : null}
        <dt title={t('report.hint.first_last')}>{t('report.first_last')}</dt>
        <dd>{`${time(report.firstSaleAt)} – ${time(report.lastSaleAt)}`}</dd>
      </dl>
      {/* Each figure's meaning one click away (a tooltip alone is out of reach on a touch screen). */}
      <details className="report-legend">
        <summary>{t('report.legend')}</summary>
        <dl>
          {(['received', ...BUCKETS] as const).map((key) => (
            <div key={key}>
              <dt>{key === 'received' ? t('report.received') : t(`report.bucket.${key}`)}</dt>
              <dd>{t(`report.hint.${key}`)}</dd>
            </div>
          ))}
          {FACTS.map((key) => (
            <div key={key}>
              <dt>{t(`report.${key}`)}</dt>
              <dd>{t(`report.hint.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
