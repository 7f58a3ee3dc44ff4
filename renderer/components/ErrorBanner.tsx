import type { ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';

/** An error the cashier can read, with the technical detail behind a disclosure for support. */
export function ErrorBanner({ error, children }: { error: IpcError; children?: ReactNode }) {
  const { t, te } = useI18n();
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-message">{te(error)}</p>
      {children}
      {error.detail ? (
        <details className="banner-details">
          <summary>{t('common.details')}</summary>
          <code>
            {error.code}: {error.detail}
          </code>
        </details>
      ) : null}
    </div>
  );
}
