import { useState } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

/** Offered when a shift closes: reconcile the day with Paypro now, in the background. */
export function ReconcileOffer({ onStarted }: { onStarted: () => void }) {
  const { t } = useI18n();
  const [started, setStarted] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const start = async () => {
    const result = await safeCall((api) => api.startReconciliation({ trigger: 'day_close' }));
    if (!result.ok) return setFailure(result.error);
    setStarted(true);
    onStarted();
  };
  return (
    <div className="recon-offer">
      {started ? (
        <p role="status">{t('recon.offer_started')}</p>
      ) : (
        <>
          <p>{t('recon.offer')}</p>
          <button type="button" className="button button-secondary" onClick={() => void start()}>
            {t('recon.start')}
          </button>
        </>
      )}
      {failure ? <ErrorBanner error={failure} /> : null}
    </div>
  );
}
