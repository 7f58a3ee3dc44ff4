import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PrintStatus as Status } from '../../shared/receipt-settings.ts';
import { useI18n } from '../app/i18n.tsx';

/** Faults a retry can cure: the printer's (electron/core/receipts/network-printer.ts). */
const PRINTER_FAULTS = ['offline', 'refused', 'timed_out', 'closed', 'failed'] as const;

type Props = {
  status: Status | null;
  /** Printing could not even be asked (no printer set up, say). */
  failure: IpcError | null;
  /** One short line, no disclosure (a row of the day's list). */
  compact?: boolean;
};

/** Whether the status is a failure the cashier should see (and may retry). */
export function printFailed(status: Status | null, failure: IpcError | null): boolean {
  return failure !== null || status?.state === 'failed';
}

/**
 * One short line about the receipt, beside the button that prints it: waiting, printing,
 * printed, or why it failed (what to check behind a disclosure). The caller's button retries.
 */
export function PrintStatus({ status, failure, compact = false }: Props) {
  const { t, tc } = useI18n();
  if (printFailed(status, failure)) {
    const code = failure?.code ?? status?.errorCode ?? 'print.failed';
    const fault = PRINTER_FAULTS.find((name) => code === `print.${name}`);
    const detail = failure?.detail ?? status?.errorDetail ?? null;
    return (
      <div className={`print-status print-status-failed${compact ? ' print-status-compact' : ''}`} role="alert">
        <span className="print-status-headline">{fault ? t('receipt.status.failed', { reason: t(`receipt.fault.${fault}`) }) : tc(code)}</span>
        {fault && !compact ? (
          <details className="banner-details">
            <summary>{t('receipt.status.what_to_check')}</summary>
            <p>
              {tc(code)} {t('receipt.status.paid_anyway')}
            </p>
            {detail ? (
              <code>
                {code}: {detail}
              </code>
            ) : null}
          </details>
        ) : null}
      </div>
    );
  }
  if (!status || status.state === 'failed') return null;
  const text =
    status.state === 'printed' ? t('receipt.status.printed', { count: status.printedCount }) : t(`receipt.status.${status.state}`);
  return (
    <p className={`print-status print-status-${status.state}${compact ? ' print-status-compact' : ''}`} role="status">
      {text}
    </p>
  );
}
