import type { ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { TechnicalDetails } from './TechnicalDetails.tsx';

/** An error the cashier can read, with the technical detail behind a disclosure for support. */
export function ErrorBanner({ error, children }: { error: IpcError; children?: ReactNode }) {
  const { te } = useI18n();
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-message">{te(error)}</p>
      {children}
      {error.detail ? <TechnicalDetails code={error.code} detail={error.detail} /> : null}
    </div>
  );
}
