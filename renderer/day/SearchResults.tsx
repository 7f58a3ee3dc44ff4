import { useState } from 'react';
import type { GatewayAnswer, SaleView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import type { Translate } from '../i18n/index.ts';
import { safeCall } from '../app/pos.ts';
import { formatClock, formatSaleMoment } from '../app/time.ts';
import { useInFlight } from '../app/useInFlight.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { saleRowState } from '../cash/SalePayments.tsx';
import { TradeNumber } from '../components/TradeNumber.tsx';

type Props = {
  sales: readonly SaleView[];
  /** The day searched (`YYYY-MM-DD`): a sale of another date shows its date; null (a trade number, any day): always. */
  shownDate: string | null;
  onSaleChange: (sale: SaleView) => void;
};

/**
 * The history's hits: when (with the date when not the day searched), amount, state (and a late
 * payment's), numbers, cashier, and "Periksa ulang", which asks the gateway now and shows its answer
 * under the button, also when nothing changed ("the customer shows a payment on their phone").
 */
export function SearchResults({ sales, shownDate, onSaleChange }: Props) {
  const { t, tc, language } = useI18n();
  const [answers, setAnswers] = useState<ReadonlyMap<string, GatewayAnswer>>(new Map());
  const checking = useInFlight();
  const [failure, setFailure] = useState<IpcError | null>(null);

  const recheck = async (tradeNo: string) => {
    const result = await checking.run(tradeNo, () => safeCall((api) => api.recheckSale({ tradeNo })));
    if (result === undefined) return;
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setAnswers((current) => new Map(current).set(tradeNo, result.value.answer));
    onSaleChange(result.value.sale);
  };

  return (
    <>
      {failure ? <ErrorBanner error={failure} /> : null}
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
          {sales.map((sale) => {
            const answer = answers.get(sale.tradeNo);
            return (
              <tr key={sale.tradeNo} data-trade-no={sale.tradeNo}>
                <td className="search-when">{formatSaleMoment(sale.createdAt, shownDate, language)}</td>
                <td className="num">{formatRupiah(sale.amount)}</td>
                <td>
                  {/* A sale of several payments (issue 22): its state over all of them. */}
                  <StatusBadge state={saleRowState(sale).counterState} />
                  {sale.late ? (
                    <span className={`search-late${sale.resolution === null ? ' search-late-open' : ''}`}>
                      {sale.resolution === null
                        ? t('late.needs_action')
                        : t('search.late_resolved', { outcome: t(`late.outcome.${sale.resolution}`) })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <TradeNumber value={sale.tradeNo} />
                  {sale.platformTradeNo ? <TradeNumber className="search-platform" value={sale.platformTradeNo} /> : null}
                  {sale.sale?.payments.slice(1).map((each) => (
                    <TradeNumber key={each.tradeNo} className="search-platform" value={each.platformTradeNo ?? each.tradeNo} />
                  ))}
                </td>
                <td>{sale.cashierName ?? '–'}</td>
                <td className="search-actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={t('search.recheck_label', { tradeNo: sale.tradeNo })}
                    disabled={checking.has(sale.tradeNo)}
                    onClick={() => void recheck(sale.tradeNo)}
                  >
                    {checking.has(sale.tradeNo) ? t('search.checking') : t('search.recheck')}
                  </button>
                  {answer ? (
                    <p className="search-answer" role="status">
                      {answerText(answer, sale.environment, t, tc)}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** "Paypro: masih menunggu pembayaran, diperiksa 14:05:12", whatever the gateway said (or did not). */
function answerText(answer: GatewayAnswer, environment: SaleView['environment'], t: Translate, tc: (code: string) => string): string {
  const source = t(`search.answer.source.${environment}`);
  const time = formatClock(answer.checkedAt);
  if (answer.kind === 'answered') return t(`search.answer.${answer.outcome}`, { source, time, status: answer.status });
  if (answer.kind === 'not_found') return t('search.answer.not_found', { source, time });
  return t('search.answer.no_answer', { source, time, reason: tc(answer.code) });
}
