import { DRAWER_PINS } from '../../shared/cash-settings.ts';
import type { PrinterTarget } from '../../shared/receipt-settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashField } from './CashField.tsx';
import { drawerFieldKey, type DrawerForm } from './drawerSettingsForm.ts';
import './drawer.css';

type Props = {
  form: DrawerForm;
  set: <K extends keyof DrawerForm>(key: K, value: DrawerForm[K]) => void;
  /** The error shown on a field (already translated), by its screen key (`drawer.pulseOnMs`). */
  error: (key: string) => string | null;
  /** The receipt printer as chosen on the screen (saved or not): only a LAN printer kicks the drawer. */
  printerKind: PrinterTarget['kind'] | null;
};

/**
 * Settings → Toko dan struk → Laci kas: the drawer's pin and pulse times, and the counted difference
 * above which closing a shift needs the owner. The screen holds the form and saves it with everything
 * else (one save). The drawer opens only through a LAN (ESC/POS) receipt printer: with an
 * operating-system printer or none, the section says so.
 */
export function DrawerSettingsSection({ form, set, error, printerKind }: Props) {
  const { t } = useI18n();
  const id = (field: 'drawerPin' | 'pulseOnMs' | 'pulseOffMs' | 'differenceApprovalAbove') => `settings-${drawerFieldKey(field)}`;
  const pinError = error(drawerFieldKey('drawerPin'));
  return (
    <fieldset className="drawer-settings">
      <legend>{t('drawer.settings.heading')}</legend>
      {printerKind !== null && printerKind !== 'network' ? (
        <p className="field-hint drawer-printer-note" role="note" data-testid="drawer-printer-note">
          {t(printerKind === 'system' ? 'drawer.settings.system_printer' : 'drawer.settings.no_printer')}
        </p>
      ) : null}
      <fieldset className="radio-group">
        <legend>{t('drawer.settings.pin')}</legend>
        {DRAWER_PINS.map((pin, index) => (
          <label key={pin} className="radio">
            <input
              type="radio"
              name="drawer-pin"
              id={index === 0 ? id('drawerPin') : undefined}
              value={pin}
              checked={form.drawerPin === pin}
              onChange={() => set('drawerPin', pin)}
            />
            {t('drawer.settings.pin_value', { pin })}
          </label>
        ))}
        {pinError ? <p className="field-error">{pinError}</p> : null}
      </fieldset>
      <div className="field-row">
        <TextField id={id('pulseOnMs')} label={t('drawer.settings.on_ms')} value={form.pulseOnMs} inputMode="numeric" autoComplete="off" className="field-narrow" error={error(drawerFieldKey('pulseOnMs'))} onChange={(event) => set('pulseOnMs', event.target.value)} />
        <TextField id={id('pulseOffMs')} label={t('drawer.settings.off_ms')} value={form.pulseOffMs} inputMode="numeric" autoComplete="off" className="field-narrow" error={error(drawerFieldKey('pulseOffMs'))} onChange={(event) => set('pulseOffMs', event.target.value)} />
      </div>
      <p className="field-hint">{t('drawer.settings.pulse_hint')}</p>
      <CashField
        id={id('differenceApprovalAbove')}
        label={t('drawer.settings.threshold')}
        value={form.threshold}
        onChange={(threshold) => set('threshold', threshold)}
        testId="drawer-threshold"
        error={error(drawerFieldKey('differenceApprovalAbove'))}
        hint={t('drawer.settings.threshold_hint')}
      />
    </fieldset>
  );
}
