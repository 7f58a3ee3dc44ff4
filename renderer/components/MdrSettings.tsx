import { MDR_PLANS, type MdrPlan } from '../../shared/day/mdr.ts';
import { useI18n } from '../app/i18n.tsx';
import type { SettingsSectionProps } from '../app/settingsForm.ts';

/**
 * The shop's QRIS MDR class, for the day report's estimate of what Paypro pays out. The note says
 * the MDR is the shop's cost: Bank Indonesia forbids adding it to the customer's price.
 */
export function MdrSettings({ form, set, fieldError }: SettingsSectionProps) {
  const { t } = useI18n();
  const error = fieldError('mdr.plan');
  return (
    <fieldset>
      <legend>{t('mdr.section')}</legend>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor="settings-mdr.plan">{t('mdr.plan')}</label>
        <select
          id="settings-mdr.plan"
          aria-describedby="settings-mdr-note"
          value={form.mdrPlan}
          onChange={(event) => set('mdrPlan', event.target.value as MdrPlan)}
        >
          {MDR_PLANS.map((plan) => (
            <option key={plan} value={plan}>
              {t(`mdr.plan.${plan}`)}
            </option>
          ))}
        </select>
        <p id="settings-mdr-note" className="field-hint">
          {t('mdr.not_for_customer')}
        </p>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    </fieldset>
  );
}
