import { useEffect, useId, useState, type FormEvent } from 'react';
import { DRAWER_PINS, type CashSettings, type DrawerPin } from '../../shared/cash-settings.ts';
import type { FieldError, IpcError } from '../../shared/ipc-contract.ts';
import type { PrinterTarget } from '../../shared/receipt-settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashField, cashValue } from './CashField.tsx';
import './drawer.css';

type Form = { drawerPin: DrawerPin; pulseOnMs: string; pulseOffMs: string; threshold: string };

const toForm = (settings: CashSettings): Form => ({
  drawerPin: settings.drawerPin,
  pulseOnMs: String(settings.pulseOnMs),
  pulseOffMs: String(settings.pulseOffMs),
  threshold: String(settings.differenceApprovalAbove),
});

/** A typed whole number, or NaN (which main refuses with its field's message). */
const whole = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * Settings → Laci kas: the drawer's pin and pulse times, and the counted difference above which
 * closing a shift needs the owner. The drawer opens only through a LAN (ESC/POS) receipt printer:
 * with an operating-system printer or none, the section says so.
 */
export function DrawerSettingsSection() {
  const { t, tf } = useI18n();
  const [form, setForm] = useState<Form | null>(null);
  const [printer, setPrinter] = useState<PrinterTarget['kind'] | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [notice, setNotice] = useState('');
  const ids = useId();

  useEffect(() => {
    void safeCall((api) => api.getCashSettings({})).then((result) => {
      if (result.ok) setForm(toForm(result.value.settings));
      else setFailure(result.error);
    });
    void safeCall((api) => api.getReceiptSettings({})).then((result) => {
      if (result.ok) setPrinter(result.value.settings.printer.kind);
    });
  }, []);

  if (!form) return failure ? <ErrorBanner error={failure} /> : null;
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setNotice('');
  };
  const error = (key: string) => (errors[key] ? tf(errors[key]) : null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const patch = {
      drawerPin: form.drawerPin,
      pulseOnMs: whole(form.pulseOnMs),
      pulseOffMs: whole(form.pulseOffMs),
      differenceApprovalAbove: cashValue(form.threshold) ?? Number.NaN,
    };
    const result = await safeCall((api) => api.updateCashSettings({ patch }));
    if (result.ok) {
      setErrors({});
      setForm(toForm(result.value.settings));
      setNotice(t('drawer.settings.saved'));
    } else if (result.error.fields) setErrors(Object.fromEntries(Object.entries(result.error.fields).map(([key, value]) => [key.replace(/^patch\./, ''), value])));
    else setFailure(result.error);
  };

  return (
    <form className="settings-form drawer-settings" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${ids}-legend`}>
      <fieldset>
        <legend id={`${ids}-legend`}>{t('drawer.settings.heading')}</legend>
        {printer !== null && printer !== 'network' ? (
          <p className="field-hint drawer-printer-note" role="note" data-testid="drawer-printer-note">
            {t(printer === 'system' ? 'drawer.settings.system_printer' : 'drawer.settings.no_printer')}
          </p>
        ) : null}
        <fieldset className="radio-group">
          <legend>{t('drawer.settings.pin')}</legend>
          {DRAWER_PINS.map((pin) => (
            <label key={pin} className="radio">
              <input type="radio" name="drawer-pin" value={pin} checked={form.drawerPin === pin} onChange={() => set({ drawerPin: pin })} />
              {t('drawer.settings.pin_value', { pin })}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <TextField label={t('drawer.settings.on_ms')} value={form.pulseOnMs} inputMode="numeric" className="field-narrow" error={error('pulseOnMs')} onChange={(event) => set({ pulseOnMs: event.target.value })} />
          <TextField label={t('drawer.settings.off_ms')} value={form.pulseOffMs} inputMode="numeric" className="field-narrow" error={error('pulseOffMs')} onChange={(event) => set({ pulseOffMs: event.target.value })} />
        </div>
        <p className="field-hint">{t('drawer.settings.pulse_hint')}</p>
        <CashField label={t('drawer.settings.threshold')} value={form.threshold} onChange={(threshold) => set({ threshold })} testId="drawer-threshold" />
        <p className="field-hint">{t('drawer.settings.threshold_hint')}</p>
        {error('differenceApprovalAbove') ? <p className="field-error">{error('differenceApprovalAbove')}</p> : null}
        <button type="submit" className="button button-primary">{t('drawer.settings.save')}</button>
        {notice ? <p role="status">{notice}</p> : null}
        {failure ? <ErrorBanner error={failure} /> : null}
      </fieldset>
    </form>
  );
}
