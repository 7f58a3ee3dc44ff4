import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PrintStatus as Status } from '../../shared/receipt-settings.ts';
import { useI18n } from '../app/i18n.tsx';

type Props = {
  status: Status | null;
  /** Printing could not even be asked (no printer set up, say). */
  failure: IpcError | null;
  onRetry: () => void;
  compact?: boolean;
};

/** One small line about the receipt: waiting, printing, printed, or failed with a retry. */
export function PrintStatus({ status, failure, onRetry, compact = false }: Props) {
  const { t, tc } = useI18n();
  const failedCode = failure?.code ?? (status?.state === 'failed' ? (status.errorCode ?? 'print.failed') : null);
  if (failedCode) {
    const detail = failure?.detail ?? status?.errorDetail ?? null;
    return (
      <div className={`print-status print-status-failed${compact ? ' print-status-compact' : ''}`} role="alert">
        <p>
          {t('receipt.status.failed', { reason: tc(failedCode) })}
          {compact ? null : <> {t('receipt.status.paid_anyway')}</>}
        </p>
        {failedCode.startsWith('print.') && failedCode !== 'print.no_printer' && failedCode !== 'print.unavailable' ? (
          <button type="button" className="button button-small button-secondary" onClick={onRetry}>
            {t('receipt.retry')}
          </button>
        ) : null}
        {detail && !compact ? (
          <details className="banner-details">
            <summary>{t('common.details')}</summary>
            <code>
              {failedCode}: {detail}
            </code>
          </details>
        ) : null}
      </div>
    );
  }
  if (!status) return null;
  const text =
    status.state === 'printed' ? t('receipt.status.printed', { count: status.printedCount }) : t(`receipt.status.${status.state}`);
  return (
    <p className={`print-status print-status-${status.state}${compact ? ' print-status-compact' : ''}`} role="status">
      {text}
    </p>
  );
}
