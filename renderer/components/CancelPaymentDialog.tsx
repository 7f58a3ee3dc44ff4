import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PinField } from './PinField.tsx';

type Props = {
  tradeNo: string;
  onCancelled: (payment: PaymentView) => void;
  /** The cancel was refused for another reason (already paid, …): the screen shows it. */
  onFailure: (error: IpcError) => void;
  onDismiss: () => void;
};

/**
 * "Cancel this payment?" — asked on the QR screen and from Today; the safe answer has the focus.
 * When main answers that the payment has waited too long for the cashier alone
 * (`day.supervisorCancelAfterMinutes`), the same dialog asks for the owner's PIN; a wrong PIN is
 * shown here and the payment stays open.
 */
export function CancelPaymentDialog({ tradeNo, onCancelled, onFailure, onDismiss }: Props) {
  const { t } = useI18n();
  const [ownerPin, setOwnerPin] = useState<string | null>(null);
  const busy = useRef(false);

  const cancel = async (supervisorPin?: string): Promise<IpcError | null> => {
    if (busy.current) return null;
    busy.current = true;
    const result = await safeCall((api) => api.cancelPayment(supervisorPin === undefined ? { tradeNo } : { tradeNo, supervisorPin }));
    busy.current = false;
    if (result.ok) {
      onCancelled(result.value);
      return null;
    }
    if (result.error.code === 'cancel.supervisor_required') {
      setOwnerPin('');
      return null;
    }
    if (supervisorPin !== undefined && (result.error.code === 'wrong_pin' || result.error.code === 'pin_locked_out')) return result.error;
    onFailure(result.error);
    return null;
  };

  if (ownerPin !== null) return <OwnerPinDialog onSubmit={(pin) => cancel(pin)} onDismiss={onDismiss} />;
  return (
    <ConfirmDialog
      title={t('cancel.title')}
      body={t('cancel.body')}
      confirmLabel={t('cancel.confirm')}
      dismissLabel={t('cancel.dismiss')}
      onConfirm={() => void cancel()}
      onDismiss={onDismiss}
    />
  );
}

/** The owner's PIN for a cancel: Enter submits, Esc dismisses, a wrong PIN stays on screen. */
function OwnerPinDialog({ onSubmit, onDismiss }: { onSubmit: (pin: string) => Promise<IpcError | null>; onDismiss: () => void }) {
  const { t, te } = useI18n();
  const titleId = useId();
  const bodyId = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [checking, setChecking] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => pinRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onDismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onDismiss]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || pin === '') return;
    setChecking(true);
    const refused = await onSubmit(pin);
    setChecking(false);
    setPin('');
    setError(refused);
    pinRef.current?.focus();
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{t('cancel.title')}</h2>
        <p id={bodyId}>{t('cancel.supervisor_body')}</p>
        <PinField
          ref={pinRef}
          label={t('cancel.supervisor_pin')}
          value={pin}
          error={error ? te(error) : null}
          onChange={setPin}
        />
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={onDismiss}>
            {t('cancel.dismiss')}
          </button>
          <button type="submit" className="button button-danger" disabled={pin === '' || checking} aria-busy={checking}>
            {t('cancel.supervisor_confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
