import { useI18n } from '../app/i18n.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** "Perubahan belum disimpan": asked before leaving (or locking) the settings with typing unsaved. */
export function UnsavedChangesDialog({ onDiscard, onStay }: { onDiscard: () => void; onStay: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('settings.leave.title')}
      body={t('settings.leave.body')}
      confirmLabel={t('settings.leave.confirm')}
      dismissLabel={t('settings.leave.dismiss')}
      onConfirm={onDiscard}
      onDismiss={onStay}
    />
  );
}
