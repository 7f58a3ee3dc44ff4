import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../shared/ipc-contract.ts';
import { LANGUAGES, type Language } from '../../shared/settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import type { SettingsSectionProps } from '../app/settingsForm.ts';
import { CheckboxField } from './CheckboxField.tsx';

type DisplayOption = IpcResponse<'listDisplays'>['displays'][number];

/** The customer display's settings (its language, its screen) and the payment sounds; the shop name is the receipts' one. */
export function CustomerDisplaySettings({ form, set, fieldError }: SettingsSectionProps) {
  const { t } = useI18n();
  const [displays, setDisplays] = useState<DisplayOption[]>([]);
  useEffect(() => {
    void safeCall((api) => api.listDisplays({})).then((result) => {
      if (result.ok) setDisplays(result.value.displays);
    });
  }, []);
  // A chosen screen that is unplugged right now stays chosen (it comes back when plugged in).
  const missing = form.customerDisplayId !== '' && !displays.some((display) => String(display.id) === form.customerDisplayId);

  return (
    <fieldset>
      <legend>{t('settings.section.customer_display')}</legend>
      <p className="field-hint">{t('settings.display.shop_name_note')}</p>
      <div className={`field${fieldError('customerDisplay.language') ? ' field-invalid' : ''}`}>
        <label htmlFor="settings-customerDisplay.language">{t('settings.customer_language')}</label>
        <select
          id="settings-customerDisplay.language"
          value={form.customerLanguage}
          onChange={(event) => set('customerLanguage', event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`settings.language.${language}`)}
            </option>
          ))}
        </select>
        {fieldError('customerDisplay.language') ? <p className="field-error">{fieldError('customerDisplay.language')}</p> : null}
      </div>
      <div className={`field${fieldError('customerDisplay.displayId') ? ' field-invalid' : ''}`}>
        <label htmlFor="settings-customerDisplay.displayId">{t('settings.display')}</label>
        <select
          id="settings-customerDisplay.displayId"
          aria-describedby="settings-display-help"
          value={form.customerDisplayId}
          onChange={(event) => set('customerDisplayId', event.target.value)}
        >
          <option value="">{t('settings.display.none')}</option>
          {displays.map((display) => (
            <option key={display.id} value={String(display.id)} disabled={display.cashier}>
              {t(display.cashier ? 'settings.display.cashier' : 'settings.display.option', {
                label: display.label,
                width: display.width,
                height: display.height,
              })}
            </option>
          ))}
          {missing ? <option value={form.customerDisplayId}>{t('settings.display.missing', { id: form.customerDisplayId })}</option> : null}
        </select>
        <p id="settings-display-help" className="field-hint">
          {t('settings.display.help')}
        </p>
        {fieldError('customerDisplay.displayId') ? <p className="field-error">{fieldError('customerDisplay.displayId')}</p> : null}
      </div>
      <CheckboxField label={t('settings.sounds')} checked={form.paymentSounds} onChange={(checked) => set('paymentSounds', checked)} />
    </fieldset>
  );
}
