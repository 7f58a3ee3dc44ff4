import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { CheckboxField } from '../components/CheckboxField.tsx';

/** "With customer data" for a CSV export: masked mobiles and emails unless ticked (then the owner's approval, `children`). */
export function PersonalDataChoice({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="export-personal">
      <CheckboxField
        label={t('exportData.personal')}
        hint={checked ? t('exportData.personal_hint') : t('exportData.without_hint')}
        checked={checked}
        onChange={onChange}
      />
      {children}
    </div>
  );
}
