import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_RECONCILE_RATE, type ReconcileItemView, type ReconciliationView } from '../../shared/day/reconcile-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatBusinessDate, formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { useBusinessDateField } from './useBusinessDateField.ts';
import './reconciliation.css';

/** How often the card reads a run's progress while it is not finished. */
const PROGRESS_POLL_MS = 1_000;

/**
 * "Cocokkan dengan Paypro" in Laporan: starts the reconciliation of a business day, follows its
 * progress, and shows its result — "Semua cocok: N transaksi", or each answer that was not plain
 * agreement: what the app said, what Paypro said, and what was done about it.
 */
export function Reconciliation({ businessDate, refreshKey }: { businessDate: string; refreshKey: number }) {
  const { t, language } = useI18n();
  const [date, setDate] = useBusinessDateField(businessDate);
  const [run, setRun] = useState<ReconciliationView | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const load = useCallback(async () => {
    const result = await safeCall((api) => api.getReconciliation({ date }));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setRun(result.value.reconciliation);
  }, [date]);
  useEffect(() => void load(), [load, refreshKey]);

  const unfinished = run !== null && run.status !== 'finished';
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => void load(), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [unfinished, load]);

  const start = async () => {
    const result = await safeCall((api) => api.startReconciliation({ date, trigger: 'owner' }));
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setRun(result.value);
  };

  const rate = run?.ratePerSecond;
  return (
    <section className="day-card reconciliation" aria-labelledby="recon-heading">
      <h2 id="recon-heading">{t('recon.heading')}</h2>
      <p className="field-hint">
        {t('recon.intro', { rate: rate === 0 ? t('recon.rate_unlimited') : t('recon.rate', { rate: rate ?? DEFAULT_RECONCILE_RATE }) })}
      </p>
      <div className="recon-controls">
        <TextField id="recon-date" label={t('recon.date')} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        <button type="button" className="button button-primary" disabled={unfinished} onClick={() => void start()}>
          {run?.status === 'finished' ? t('recon.again') : t('recon.start')}
        </button>
      </div>
      {failure ? <ErrorBanner error={failure} /> : null}
      {run === null ? <p className="recon-never">{t('recon.never')}</p> : <RunResult run={run} language={language} />}
    </section>
  );
}

function RunResult({ run, language }: { run: ReconciliationView; language: string }) {
  const { t } = useI18n();
  if (run.status !== 'finished') {
    return (
      <div className="recon-progress" role="status">
        <p>{run.status === 'queued' ? t('recon.queued') : t('recon.progress', { checked: run.checked, total: run.total })}</p>
        <progress max={Math.max(run.total, 1)} value={run.checked} aria-label={t('recon.heading')} />
        {run.pausedForSale ? <p className="recon-paused">{t('recon.paused')}</p> : null}
      </div>
    );
  }
  const finished = run.finishedAt ?? run.startedAt;
  return (
    <div className="recon-result">
      <p role="status" className={run.items.length === 0 ? 'recon-all-agree' : 'recon-summary'} data-testid="recon-outcome">
        {run.items.length === 0
          ? t('recon.all_agree', { count: run.checked })
          : t('recon.summary', { agrees: run.counts.agrees, listed: run.items.length })}
      </p>
      {run.items.length > 0 ? <Disagreements items={run.items} /> : null}
      <p className="field-hint">
        {t('recon.finished_at', {
          date: formatBusinessDate(run.businessDate, language),
          time: formatClock(finished),
          trigger: t(`recon.trigger.${run.trigger}`),
        })}
      </p>
    </div>
  );
}

function Disagreements({ items }: { items: ReconcileItemView[] }) {
  const { t } = useI18n();
  return (
    <div className="recon-table-scroll">
      <table className="recon-table">
        <thead>
          <tr>
            <th scope="col">{t('recon.col.time')}</th>
            <th scope="col">{t('recon.col.trade_no')}</th>
            <th scope="col" className="num">{t('recon.col.amount')}</th>
            <th scope="col">{t('recon.col.app')}</th>
            <th scope="col">{t('recon.col.paypro')}</th>
            <th scope="col">{t('recon.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.tradeNo} data-verdict={item.verdict}>
              <td>{formatClock(item.createdAt)}</td>
              <td className="recon-trade-no">{item.tradeNo}</td>
              <td className="num">{formatRupiah(item.amount)}</td>
              <td>{t('recon.app_says', { state: t(`status.${item.appState}`), amount: formatRupiah(item.appReceived) })}</td>
              <td>{payproSays(item, t)}</td>
              <td>{t(`recon.verdict.${item.verdict}`, { state: t(`status.${item.stateAfter}`) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/** Paypro's side of one line: its status read as money, or why there is none. */
function payproSays(item: ReconcileItemView, t: Translate): string {
  if (item.gatewayStatus === null || item.gatewayReceived === null) {
    const why = item.verdict === 'unknown_to_gateway' || item.verdict === 'forgotten_by_simulator' ? item.verdict : 'no_answer';
    return t(`recon.paypro.${why}`);
  }
  const status =
    item.gatewayStatus === '0000'
      ? t('recon.paypro.paid')
      : item.gatewayStatus === '0001'
        ? t('recon.paypro.partial')
        : item.gatewayStatus === '0015'
          ? t('recon.paypro.processing')
          : t('recon.paypro.failed', { status: item.gatewayStatus });
  return t('recon.paypro_says', { status, amount: formatRupiah(item.gatewayReceived) });
}
