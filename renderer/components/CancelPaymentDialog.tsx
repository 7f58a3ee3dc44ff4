import { useI18n } from '../app/i18n.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** "Cancel this payment?" — asked on the QR screen and from Today; the safe answer has the focus. */
export function CancelPaymentDialog({ onConfirm, onDismiss }: { onConfirm: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('cancel.title')}
      body={t('cancel.body')}
      confirmLabel={t('cancel.confirm')}
      dismissLabel={t('cancel.dismiss')}
      onConfirm={onConfirm}
      onDismiss={onDismiss}
    />
  );
}
