import { useState } from 'react';
import type { IpcError, IpcResult, PosApi } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

/** "Cetak laporan": a report on the receipt printer, then the printer's verdict (or its fault) beside the button. */
export function PrintReportButton({ print }: { print: (api: PosApi) => Promise<IpcResult<{ printer: string }>> }) {
  const { t } = useI18n();
  const [printing, setPrinting] = useState(false);
  const [printedOn, setPrintedOn] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const run = async () => {
    setPrinting(true);
    setPrintedOn(null);
    const result = await safeCall(print);
    setPrinting(false);
    if (result.ok) {
      setFailure(null);
      setPrintedOn(result.value.printer);
    } else setFailure(result.error);
  };

  return (
    <div className="report-print">
      <button type="button" className="button button-secondary" disabled={printing} aria-busy={printing} onClick={() => void run()}>
        {printing ? t('report.printing') : t('report.print')}
      </button>
      {printedOn !== null ? <p role="status" className="report-printed">{t('report.printed', { printer: printedOn })}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
    </div>
  );
}
