import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { CashSettings } from '../../shared/cash-settings.ts';
import type { FieldError, IpcError, IpcResponse, SettingsPatch, SettingsView } from '../../shared/ipc-contract.ts';
import { LANGUAGES, type Environment, type Language } from '../../shared/settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { refreshConnectionLevel } from '../app/connection.ts';
import { safeCall } from '../app/pos.ts';
import { formErrors, toReceiptForm, toReceiptPatch, type ReceiptForm } from '../app/receiptSettingsForm.ts';
import { buildSettingsPatch, formFromSettings, SETTINGS_FIELD_PATHS, type SettingsForm } from '../app/settingsForm.ts';
import { hqErrors, toHqForm, toHqRequest, type HqForm } from '../app/hqSettingsForm.ts';
import {
  EMPTY_PIN,
  firstSectionWithError,
  hasUnsaved,
  isPlacedField,
  pinErrors,
  sectionOf,
  SECTION_TITLES,
  SETTINGS_SECTIONS,
  unsavedParts,
  type PinForm,
  type SettingsBaseline,
  type SettingsSection,
} from '../app/settingsScreen.ts';
import type { MessageKey } from '../i18n/index.ts';
import { CheckboxField } from '../components/CheckboxField.tsx';
import { UnsavedChangesDialog } from '../components/UnsavedChangesDialog.tsx';
import { CustomerDisplaySettings } from '../components/CustomerDisplaySettings.tsx';
import { HeadOfficeSettings } from '../components/HeadOfficeSettings.tsx';
import { MdrSettings } from '../components/MdrSettings.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinSection } from '../components/PinSection.tsx';
import { TechnicalDetails } from '../components/TechnicalDetails.tsx';
import { ReceiptSettingsSection } from '../components/ReceiptSettingsSection.tsx';
import { DrawerSettingsSection } from '../drawer/DrawerSettingsSection.tsx';
import { buildDrawerPatch, drawerErrors, toDrawerForm, type DrawerForm } from '../drawer/drawerSettingsForm.ts';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashiersSection } from '../day/CashiersSection.tsx';
import './settings.css';

type Props = {
  view: SettingsView;
  onViewChange: (view: SettingsView) => void;
  /** The admin session is open, or no PIN is set yet. */
  unlocked: boolean;
  onUnlocked: (unlocked: boolean) => void;
  /** Something typed and not saved (true) or nothing (false): the app asks before leaving then. */
  onUnsavedChange: (unsaved: boolean) => void;
  firstRun: boolean;
};

/** A setting typed as text: the form key it edits, and the path main keys its errors by. */
type TextSetting = {
  key: Exclude<keyof SettingsForm, 'environment' | 'language' | 'customerLanguage' | 'paymentSounds' | 'requireSignedAnswers' | 'cashierPins' | 'mdrPlan'>;
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

function SettingsEditor({ view, onViewChange, onUnlocked, onUnsavedChange, firstRun }: Props) {
  const { t, tf, te } = useI18n();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(view.settings));
  const [secret, setSecret] = useState('');
  const [receipt, setReceipt] = useState<ReceiptForm | null>(null);
  const [drawer, setDrawer] = useState<DrawerForm | null>(null);
  const [pin, setPin] = useState<PinForm>(EMPTY_PIN);
  const [hq, setHq] = useState<HqForm | null>(null);
  const [hqStatus, setHqStatus] = useState<IpcResponse<'getHqStatus'> | null>(null);
  const [saved, setSaved] = useState<SettingsBaseline>(() => ({ form: formFromSettings(view.settings), receipt: null, drawer: null, hq: null }));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  // The key, not the text: a notice shown before switching language is then shown in the new one.
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [confirmLock, setConfirmLock] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: true; environment: Environment } | { ok: false; error: IpcError } | null>(
    null,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    void safeCall((api) => api.getReceiptSettings({})).then((result) => {
      if (!result.ok) return setFailure(result.error);
      const loaded = toReceiptForm(result.value.settings);
      setReceipt(loaded);
      setSaved((current) => ({ ...current, receipt: loaded }));
    });
    void safeCall((api) => api.getCashSettings({})).then((result) => {
      if (!result.ok) return setFailure(result.error);
      const loaded = toDrawerForm(result.value.settings);
      setDrawer(loaded);
      setSaved((current) => ({ ...current, drawer: loaded }));
    });
    void safeCall((api) => api.getHqStatus({})).then((result) => {
      if (!result.ok) return setFailure(result.error);
      const loaded = toHqForm(result.value);
      setHqStatus(result.value);
      setHq(loaded);
      setSaved((current) => ({ ...current, hq: loaded }));
    });
  }, []);

  const draft = { form, secret, receipt, drawer, pin, hq };
  const unsaved = hasUnsaved(draft, saved);
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);
  // Leaving the screen (unmount) leaves nothing to guard.
  useEffect(() => () => onUnsavedChange(false), [onUnsavedChange]);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setNotice(null);
  };
  const setReceiptField = <K extends keyof ReceiptForm>(key: K, value: ReceiptForm[K]) => {
    setReceipt((current) => (current ? { ...current, [key]: value } : current));
    setNotice(null);
  };
  const setDrawerField = <K extends keyof DrawerForm>(key: K, value: DrawerForm[K]) => {
    setDrawer((current) => (current ? { ...current, [key]: value } : current));
    setNotice(null);
  };
  const setHqField = <K extends keyof HqForm>(key: K, value: HqForm[K]) => {
    setHq((current) => (current ? { ...current, [key]: value } : current));
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

  /** Shows errors where they belong: the section of the first one comes into view, its box focused. */
  const showErrors = (fields: Record<string, FieldError>) => {
    setErrors(fields);
    const section = firstSectionWithError(fields);
    if (section) goToSection(section);
    const first = Object.keys(fields).find((field) => sectionOf(field) === section);
    if (first) document.getElementById(`settings-${first}`)?.focus();
  };

  /** One save for the whole screen: the owner's PIN first (a setting may need it), then the settings, the receipt, the drawer. */
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    setFailure(null);
    // A first save with nothing typed still counts: training needs no credentials, only a save.
    const parts = { ...unsavedParts(draft, saved), ...(view.savedOnce ? {} : { settings: true }) };
    const built = buildSettingsPatch(form);
    const drawerBuilt = parts.drawer && drawer ? buildDrawerPatch(drawer) : null;
    const localErrors = {
      ...(parts.pin ? pinErrors(pin) : {}),
      ...(built.ok ? {} : built.errors),
      ...(drawerBuilt && !drawerBuilt.ok ? drawerBuilt.errors : {}),
    };
    if (Object.keys(localErrors).length > 0 || !built.ok) return showErrors(localErrors);
    setSaving(true);
    const refused = await saveParts(parts, built.patch, drawerBuilt?.ok ? drawerBuilt.patch : null);
    setSaving(false);
    if (refused) {
      lockedOut(refused);
      const fields = refused.fields ?? {};
      const unplaced = Object.keys(fields).some((path) => !isPlacedField(path));
      if (refused.code !== 'validation' || unplaced || Object.keys(fields).length === 0) setFailure(refused);
      showErrors(fields);
      return;
    }
    setErrors({});
    setNotice('settings.saved');
  };

  /** Saves each changed part in turn; the first refusal stops and is returned (with receipt and drawer fields named as the screen names them). */
  const saveParts = async (parts: ReturnType<typeof unsavedParts>, patch: SettingsPatch, drawerPatch: CashSettings | null): Promise<IpcError | null> => {
    if (parts.pin) {
      const result = await safeCall((api) => api.setAdminPin({ newPin: pin.next, ...(view.adminPinSet ? { currentPin: pin.current } : {}) }));
      if (!result.ok) return result.error.code === 'wrong_pin' ? { ...result.error, fields: { currentPin: { code: 'wrong_pin' } } } : result.error;
      setPin(EMPTY_PIN);
      if (!view.adminPinSet) onViewChange({ ...view, adminPinSet: true });
      onUnlocked(true);
    }
    if (parts.settings) {
      const result = await safeCall((api) => api.updateSettings({ patch, ...(secret.trim() !== '' ? { secret } : {}) }));
      if (!result.ok) return result.error;
      setSecret('');
      const next = formFromSettings(result.value.settings);
      setForm(next);
      setSaved((current) => ({ ...current, form: next }));
      onViewChange(result.value);
      refreshConnectionLevel();
    }
    if (parts.receipt && receipt) {
      const result = await safeCall((api) => api.updateReceiptSettings({ patch: toReceiptPatch(receipt) }));
      if (!result.ok) return result.error.fields ? { ...result.error, fields: formErrors(result.error.fields) } : result.error;
      const next = toReceiptForm(result.value.settings);
      setReceipt(next);
      setSaved((current) => ({ ...current, receipt: next }));
    }
    if (drawerPatch) {
      const result = await safeCall((api) => api.updateCashSettings({ patch: drawerPatch }));
      if (!result.ok) return result.error.fields ? { ...result.error, fields: drawerErrors(result.error.fields) } : result.error;
      const next = toDrawerForm(result.value.settings);
      setDrawer(next);
      setSaved((current) => ({ ...current, drawer: next }));
    }
    // Last: it logs in to the head office, the slowest part, and a refusal there keeps the rest saved.
    if (parts.hq && hq) {
      const result = await safeCall((api) => api.configureHq(toHqRequest(hq)));
      if (!result.ok) return result.error.fields ? { ...result.error, fields: hqErrors(result.error.fields) } : result.error;
      const next = toHqForm(result.value);
      setHqStatus(result.value);
      setHq(next);
      setSaved((current) => ({ ...current, hq: next }));
    }
    return null;
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
    setConfirmLock(false);
    void safeCall((api) => api.lockAdmin({})).then(() => onUnlocked(false));
  };

  const secretHelp = view.secret.configured
    ? view.secret.hint
      ? t('settings.secret.stored', { hint: view.secret.hint })
      : t('settings.secret.stored_no_hint')
    : t('settings.secret.missing');

  const section = (id: SettingsSection, children: ReactNode) => (
    <section id={`settings-section-${id}`} className="settings-section" aria-labelledby={`settings-section-${id}-title`}>
      <h2 id={`settings-section-${id}-title`} tabIndex={-1}>
        {t(SECTION_TITLES[id])}
      </h2>
      {children}
    </section>
  );

  return (
    <div className="settings">
      <div className="settings-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.heading')}
        </h1>
        {view.adminPinSet ? (
          <button type="button" className="button button-secondary" onClick={() => (unsaved ? setConfirmLock(true) : lock())}>
            {t('settings.lock')}
          </button>
        ) : null}
      </div>
      {/* Training needs no merchant data: the welcome asks for it only for Transaksi nyata. */}
      {firstRun ? (
        <p className="banner banner-info">{t(form.environment === 'live' ? 'settings.first_run' : 'settings.first_run_training')}</p>
      ) : null}
      {/* In training nothing secret is kept: the warning would only alarm. */}
      {view.secretProtection !== 'os' && form.environment === 'live' ? (
        <p className="banner banner-warning" role="alert">
          {t(view.secretProtection === 'weak' ? 'settings.protection.weak' : 'settings.protection.unavailable')}
        </p>
      ) : null}
      <nav className="settings-nav" aria-label={t('settings.sections')}>
        {SETTINGS_SECTIONS.map((id) => (
          <button key={id} type="button" className="settings-nav-link" onClick={() => goToSection(id)}>
            {t(SECTION_TITLES[id])}
          </button>
        ))}
      </nav>

      <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
        {section(
          'shop',
          <>
            {receipt ? (
              <ReceiptSettingsSection form={receipt} set={setReceiptField} error={fieldError} unsaved={unsaved} />
            ) : null}
            {drawer ? <DrawerSettingsSection form={drawer} set={setDrawerField} error={fieldError} printerKind={receipt?.kind ?? null} /> : null}
            <fieldset>
              <legend>{t('settings.section.customer')}</legend>
              <p className="field-hint">{t('shopContact.note')}</p>
              {form.environment === 'live' && CUSTOMER_SETTINGS.some(({ key }) => form[key].trim() === '') ? (
                <p className="banner banner-warning" data-testid="shop-contact-live-missing">{t('shopContact.live_missing')}</p>
              ) : null}
              {textFields(CUSTOMER_SETTINGS)}
            </fieldset>
            <fieldset>
              <legend>{t('settings.section.sale')}</legend>
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
          </>,
        )}
        {section(
          'payment',
          <>
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
              <div className="settings-actions">
                <button type="button" className="button button-secondary" disabled={testing} onClick={() => void testConnection()}>
                  {t('settings.test')}
                </button>
              </div>
              <div className="settings-verdict" role="status">
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
                {!testing && unsaved && verdict ? <p className="field-hint">{t('settings.test_unsaved')}</p> : null}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('settings.section.limits')}</legend>
              {textFields(SALE_SETTINGS)}
            </fieldset>
            <MdrSettings form={form} set={set} fieldError={fieldError} />
          </>,
        )}
        {section(
          'cashiers',
          <>
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
            <PinSection
              pinSet={view.adminPinSet}
              pin={pin}
              onChange={(next) => {
                setPin(next);
                setNotice(null);
              }}
              error={fieldError}
            />
          </>,
        )}
        {section(
          'headOffice',
          hq ? <HeadOfficeSettings form={hq} set={setHqField} error={fieldError} status={hqStatus} adminPinSet={view.adminPinSet} /> : null,
        )}
        {section('display', <CustomerDisplaySettings form={form} set={set} fieldError={fieldError} />)}
        {section(
          'advanced',
          <fieldset>
            <legend>{t('settings.section.developer')}</legend>
            {textFields(GATEWAY_SETTINGS)}
            <CheckboxField
              label={t('settings.require_signed')}
              hint={t('settings.require_signed.help')}
              error={fieldError('requireSignedAnswers')}
              checked={form.requireSignedAnswers}
              onChange={(checked) => set('requireSignedAnswers', checked)}
            />
          </fieldset>,
        )}

        {/* Always in view: the one save, and what it did. */}
        <div className="settings-savebar">
          {failure ? <ErrorBanner error={failure} /> : null}
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('settings.save')}
          </button>
          <p className="settings-save-status" role="status">
            {saving ? t('settings.saving') : notice ? t(notice) : unsaved ? t('settings.unsaved') : null}
          </p>
        </div>
      </form>
      {confirmLock ? (
        <UnsavedChangesDialog onDiscard={lock} onStay={() => setConfirmLock(false)} />
      ) : null}
    </div>
  );
}

/** Brings a section's title to the top of the screen and the focus onto it (keyboard users land there too). */
function goToSection(id: SettingsSection) {
  const title = document.getElementById(`settings-section-${id}-title`);
  title?.scrollIntoView({ block: 'start' });
  title?.focus({ preventScroll: true });
}
