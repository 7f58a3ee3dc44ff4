import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { FieldError, IpcError, SettingsView } from '../../shared/ipc-contract.ts';
import { LANGUAGES, type Environment, type Language } from '../../shared/settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { buildSettingsPatch, formFromSettings, SETTINGS_FIELD_PATHS, type SettingsForm } from '../app/settingsForm.ts';
import type { MessageKey } from '../i18n/index.ts';
import { CheckboxField } from '../components/CheckboxField.tsx';
import { CustomerDisplaySettings } from '../components/CustomerDisplaySettings.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinSection } from '../components/PinSection.tsx';
import { TechnicalDetails } from '../components/TechnicalDetails.tsx';
import { ReceiptSettingsSection } from '../components/ReceiptSettingsSection.tsx';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashiersSection } from '../day/CashiersSection.tsx';

type Props = {
  view: SettingsView;
  onViewChange: (view: SettingsView) => void;
  /** The admin session is open, or no PIN is set yet. */
  unlocked: boolean;
  onUnlocked: (unlocked: boolean) => void;
  firstRun: boolean;
};

/** A setting typed as text: the form key it edits, and the path main keys its errors by. */
type TextSetting = {
  key: Exclude<keyof SettingsForm, 'environment' | 'language' | 'customerLanguage' | 'paymentSounds' | 'requireSignedAnswers' | 'cashierPins'>;
  path: (typeof SETTINGS_FIELD_PATHS)[number];
  label: MessageKey;
  hint?: MessageKey;
  input?: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'spellCheck'>;
};

const NUMBER = { inputMode: 'numeric' } as const;
const URL_INPUT = { type: 'url', spellCheck: false } as const;

const MERCHANT_NO: TextSetting = { key: 'merchantNo', path: 'merchantNo', label: 'settings.merchant_no', hint: 'settings.merchant_no.help', input: NUMBER };
const GATEWAY_SETTINGS: readonly TextSetting[] = [
  { key: 'baseUrl', path: 'baseUrl', label: 'settings.base_url', hint: 'settings.base_url.help', input: URL_INPUT },
  { key: 'notifyUrl', path: 'notifyUrl', label: 'settings.notify_url', input: URL_INPUT },
];
const CUSTOMER_SETTINGS: readonly TextSetting[] = [
  { key: 'customerName', path: 'defaultCustomer.name', label: 'settings.customer.name' },
  { key: 'customerMobile', path: 'defaultCustomer.mobile', label: 'settings.customer.mobile', input: { type: 'tel' } },
  { key: 'customerEmail', path: 'defaultCustomer.email', label: 'settings.customer.email', input: { type: 'email' } },
];
const SALE_SETTINGS: readonly TextSetting[] = [
  { key: 'minAmount', path: 'limits.minAmount', label: 'settings.min_amount', input: NUMBER },
  { key: 'maxAmount', path: 'limits.maxAmount', label: 'settings.max_amount', input: NUMBER },
  { key: 'qrExpiryMinutes', path: 'qrExpiryMinutes', label: 'settings.qr_expiry', input: NUMBER },
];
const DAY_SETTINGS: readonly TextSetting[] = [
  { key: 'dayCutoff', path: 'day.cutoff', label: 'settings.day_cutoff', hint: 'settings.day_cutoff.help', input: { inputMode: 'numeric', spellCheck: false } },
  { key: 'supervisorCancelAfterMinutes', path: 'day.supervisorCancelAfterMinutes', label: 'settings.supervisor_cancel', hint: 'settings.supervisor_cancel.help', input: NUMBER },
];

export function SettingsScreen(props: Props) {
  return props.unlocked ? <SettingsEditor {...props} /> : <UnlockForm onUnlocked={() => props.onUnlocked(true)} />;
}

function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t, te } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  useEffect(() => pinRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await safeCall((api) => api.unlockAdmin({ pin }));
    setBusy(false);
    if (result.ok) {
      onUnlocked();
      return;
    }
    setError(result.error);
    setPin('');
    pinRef.current?.focus();
  };

  return (
    <form className="unlock" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{t('settings.unlock.heading')}</h1>
      <p>{t('settings.unlock.help')}</p>
      <PinField
        ref={pinRef}
        label={t('settings.unlock.pin')}
        value={pin}
        onChange={setPin}
        error={error ? te(error) : null}
        className="field-pin"
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('settings.unlock.submit')}
      </button>
    </form>
  );
}

function SettingsEditor({ view, onViewChange, onUnlocked, firstRun }: Props) {
  const { t, tf, te } = useI18n();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(view.settings));
  const [saved, setSaved] = useState<SettingsForm>(() => formFromSettings(view.settings));
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  // The key, not the text: a notice shown before switching language is then shown in the new one.
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: true; environment: Environment } | { ok: false; error: IpcError } | null>(
    null,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const dirty = secret !== '' || JSON.stringify(form) !== JSON.stringify(saved);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setNotice(null);
  };
  const fieldError = (path: string) => {
    const error = errors[path];
    return error ? tf(error) : null;
  };

  const textFields = (settings: readonly TextSetting[]) =>
    settings.map(({ key, path, label, hint, input }) => (
      <TextField
        key={key}
        id={`settings-${path}`}
        label={t(label)}
        autoComplete="off"
        {...input}
        value={form[key]}
        hint={hint ? t(hint) : null}
        error={fieldError(path)}
        onChange={(event) => set(key, event.target.value)}
      />
    ));

  const lockedOut = (error: IpcError) => {
    if (error.code === 'locked') onUnlocked(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    setFailure(null);
    const built = buildSettingsPatch(form);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setSaving(true);
    const result = await safeCall((api) =>
      api.updateSettings({ patch: built.patch, ...(secret.trim() !== '' ? { secret } : {}) }),
    );
    setSaving(false);
    if (result.ok) {
      setErrors({});
      setSecret('');
      const next = formFromSettings(result.value.settings);
      setForm(next);
      setSaved(next);
      setNotice('settings.saved');
      onViewChange(result.value);
      return;
    }
    lockedOut(result.error);
    const fields = result.error.fields ?? {};
    setErrors(fields);
    const unplaced = Object.keys(fields).some((path) => !(SETTINGS_FIELD_PATHS as readonly string[]).includes(path));
    if (result.error.code !== 'validation' || unplaced || Object.keys(fields).length === 0) setFailure(result.error);
    const first = SETTINGS_FIELD_PATHS.find((path) => fields[path]);
    if (first) document.getElementById(`settings-${first}`)?.focus();
  };

  const testConnection = async () => {
    if (testing) return;
    setTesting(true);
    setVerdict(null);
    const result = await safeCall((api) => api.testConnection({}));
    setTesting(false);
    if (result.ok) setVerdict({ ok: true, environment: result.value.environment });
    else {
      lockedOut(result.error);
      setVerdict({ ok: false, error: result.error });
    }
  };

  const lock = () => {
    void safeCall((api) => api.lockAdmin({})).then(() => onUnlocked(false));
  };

  const secretHelp = view.secret.configured
    ? view.secret.hint
      ? t('settings.secret.stored', { hint: view.secret.hint })
      : t('settings.secret.stored_no_hint')
    : t('settings.secret.missing');

  return (
    <div className="settings">
      <div className="settings-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.heading')}
        </h1>
        {view.adminPinSet ? (
          <button type="button" className="button button-secondary" onClick={lock}>
            {t('settings.lock')}
          </button>
        ) : null}
      </div>
      {firstRun ? <p className="banner banner-info">{t('settings.first_run')}</p> : null}
      {view.secretProtection !== 'os' ? (
        <p className="banner banner-warning" role="alert">
          {t(view.secretProtection === 'weak' ? 'settings.protection.weak' : 'settings.protection.unavailable')}
        </p>
      ) : null}

      <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset>
          <legend>{t('settings.section.gateway')}</legend>
          <fieldset className="radio-group" aria-describedby={fieldError('environment') ? 'settings-environment-error' : undefined}>
            <legend>{t('settings.environment')}</legend>
            {(['training', 'live'] as const).map((environment) => (
              <label key={environment} className="radio">
                <input
                  type="radio"
                  name="environment"
                  id={environment === 'training' ? 'settings-environment' : undefined}
                  value={environment}
                  checked={form.environment === environment}
                  onChange={() => set('environment', environment)}
                />
                {t(`settings.environment.${environment}`)}
              </label>
            ))}
            {fieldError('environment') ? (
              <p id="settings-environment-error" className="field-error">
                {fieldError('environment')}
              </p>
            ) : null}
          </fieldset>
          {textFields([MERCHANT_NO])}
          <TextField
            id="settings-secret"
            label={t('settings.secret')}
            type="password"
            autoComplete="new-password"
            value={secret}
            placeholder={view.secret.hint ?? ''}
            hint={secretHelp}
            error={fieldError('secret')}
            onChange={(event) => {
              setSecret(event.target.value);
              setNotice(null);
            }}
          />
          {textFields(GATEWAY_SETTINGS)}
          <CheckboxField
            label={t('settings.require_signed')}
            hint={t('settings.require_signed.help')}
            error={fieldError('requireSignedAnswers')}
            checked={form.requireSignedAnswers}
            onChange={(checked) => set('requireSignedAnswers', checked)}
          />
        </fieldset>

        <fieldset>
          <legend>{t('settings.section.customer')}</legend>
          <p className="field-hint">{t('shopContact.note')}</p>
          {textFields(CUSTOMER_SETTINGS)}
        </fieldset>

        <fieldset>
          <legend>{t('settings.section.sale')}</legend>
          {textFields(SALE_SETTINGS)}
          <div className={`field${fieldError('language') ? ' field-invalid' : ''}`}>
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              value={form.language}
              onChange={(event) => set('language', event.target.value as Language)}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`settings.language.${language}`)}
                </option>
              ))}
            </select>
            {fieldError('language') ? <p className="field-error">{fieldError('language')}</p> : null}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('settings.section.day')}</legend>
          {textFields(DAY_SETTINGS)}
          {view.adminPinSet ? null : <p className="banner banner-warning" data-testid="owner-pin-needed">{t('settings.owner_pin_needed')}</p>}
          <CheckboxField
            id="settings-day.cashierPins"
            label={t('settings.cashier_pins')}
            hint={t('settings.cashier_pins.help')}
            error={fieldError('day.cashierPins')}
            checked={form.cashierPins}
            onChange={(checked) => set('cashierPins', checked)}
          />
        </fieldset>
        <CashiersSection cashierPins={form.cashierPins} />
        <CustomerDisplaySettings form={form} set={set} fieldError={fieldError} />

        {failure ? <ErrorBanner error={failure} /> : null}
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('settings.save')}
          </button>
          <button type="button" className="button button-secondary" disabled={testing} onClick={() => void testConnection()}>
            {t('settings.test')}
          </button>
        </div>
        <div className="settings-verdict" role="status">
          {saving ? t('settings.saving') : notice ? t(notice) : null}
          {testing ? t('settings.testing') : null}
          {!testing && verdict?.ok ? (
            <p className="verdict verdict-ok">
              {verdict.environment === 'training'
                ? t('settings.test_ok_training')
                : t('settings.test_ok', { environment: t(`settings.env.${verdict.environment}`) })}
            </p>
          ) : null}
          {!testing && verdict && !verdict.ok ? (
            <div className="verdict verdict-failed">
              <p>
                <strong>{t('settings.test_failed')}</strong> {te(verdict.error)}
              </p>
              {verdict.error.detail ? <TechnicalDetails code={verdict.error.code} detail={verdict.error.detail} /> : null}
            </div>
          ) : null}
          {!testing && dirty && verdict ? <p className="field-hint">{t('settings.test_unsaved')}</p> : null}
        </div>
      </form>

      <PinSection
        pinSet={view.adminPinSet}
        onPinSet={() => {
          if (!view.adminPinSet) onViewChange({ ...view, adminPinSet: true });
          onUnlocked(true);
        }}
      />
      <ReceiptSettingsSection />
    </div>
  );
}
