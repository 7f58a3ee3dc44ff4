import type { FieldError, SettingsPatch } from '../../shared/ipc-contract.ts';
import { groupRupiah, parseRupiahText } from '../../shared/money.ts';
import type { Environment, Language, Settings } from '../../shared/settings.ts';
import type { MdrPlan } from '../../shared/day/mdr.ts';

/** The settings form as typed: every field a string (numbers are parsed on save). */
export type SettingsForm = {
  environment: Environment;
  merchantNo: string;
  baseUrl: string;
  notifyUrl: string;
  customerName: string;
  customerMobile: string;
  customerEmail: string;
  minAmount: string;
  maxAmount: string;
  qrExpiryMinutes: string;
  language: Language;
  dayCutoff: string;
  cashierPins: boolean;
  supervisorCancelAfterMinutes: string;
  /** The customer display (issue 13). `customerDisplayId`: a display id as text, '' for none. */
  customerLanguage: Language;
  customerDisplayId: string;
  paymentSounds: boolean;
  requireSignedAnswers: boolean;
  /** QRIS MDR: regular or micro merchant (shared/day/mdr.ts). */
  mdrPlan: MdrPlan;
};

/** What a section of the settings form gets from the screen: the form, its setter, main's error per path. */
export type SettingsSectionProps = {
  form: SettingsForm;
  set: <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => void;
  fieldError: (path: string) => string | null;
};

/** Setting paths main uses to key its validation errors, in the order the form shows them. */
export const SETTINGS_FIELD_PATHS = [
  'environment',
  'merchantNo',
  'secret',
  'baseUrl',
  'notifyUrl',
  'defaultCustomer.name',
  'defaultCustomer.mobile',
  'defaultCustomer.email',
  'limits.minAmount',
  'limits.maxAmount',
  'qrExpiryMinutes',
  'language',
  'day.cutoff',
  'day.supervisorCancelAfterMinutes',
  'day.cashierPins',
  'customerDisplay.language',
  'customerDisplay.displayId',
  'paymentSounds',
  'requireSignedAnswers',
  'mdr.plan',
] as const;

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    environment: settings.environment,
    merchantNo: settings.merchantNo,
    baseUrl: settings.baseUrl,
    notifyUrl: settings.notifyUrl,
    customerName: settings.defaultCustomer.name,
    customerMobile: settings.defaultCustomer.mobile,
    customerEmail: settings.defaultCustomer.email,
    minAmount: groupRupiah(settings.limits.minAmount),
    maxAmount: groupRupiah(settings.limits.maxAmount),
    qrExpiryMinutes: String(settings.qrExpiryMinutes),
    language: settings.language,
    dayCutoff: settings.day.cutoff,
    cashierPins: settings.day.cashierPins,
    supervisorCancelAfterMinutes: String(settings.day.supervisorCancelAfterMinutes),
    customerLanguage: settings.customerDisplay.language,
    customerDisplayId: settings.customerDisplay.displayId === null ? '' : String(settings.customerDisplay.displayId),
    paymentSounds: settings.paymentSounds,
    requireSignedAnswers: settings.requireSignedAnswers,
    mdrPlan: settings.mdr.plan,
  };
}

export type BuiltPatch = { ok: true; patch: SettingsPatch } | { ok: false; errors: Record<string, FieldError> };

/**
 * The form as a settings patch. Only "is it a whole number at all" is checked here; every real
 * rule (limits, https for live, merchant number format) is main's, shown from its answer.
 */
export function buildSettingsPatch(form: SettingsForm): BuiltPatch {
  const errors: Record<string, FieldError> = {};
  const rupiah = (path: string, text: string): number => {
    const parsed = parseRupiahText(text); // the sale field's reading: `10.000.000`, `Rp 5.000`
    if (!parsed.ok) errors[path] = { code: 'local.not_a_number' };
    return parsed.ok ? parsed.value : 0;
  };
  const minAmount = rupiah('limits.minAmount', form.minAmount);
  const maxAmount = rupiah('limits.maxAmount', form.maxAmount);
  // Minutes are a plain count: no `Rp`, no thousands dots.
  const minutes = (path: string, text: string): number => {
    const trimmed = text.trim();
    if (!/^\d{1,4}$/.test(trimmed)) errors[path] = { code: 'local.not_a_number' };
    return Number(trimmed);
  };
  const qrExpiryMinutes = minutes('qrExpiryMinutes', form.qrExpiryMinutes);
  const supervisorCancelAfterMinutes = minutes('day.supervisorCancelAfterMinutes', form.supervisorCancelAfterMinutes);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      environment: form.environment,
      merchantNo: form.merchantNo.trim(),
      baseUrl: form.baseUrl.trim(),
      notifyUrl: form.notifyUrl.trim(),
      defaultCustomer: {
        name: form.customerName,
        mobile: form.customerMobile,
        email: form.customerEmail,
      },
      limits: { minAmount, maxAmount },
      qrExpiryMinutes,
      language: form.language,
      day: { cutoff: form.dayCutoff.trim(), cashierPins: form.cashierPins, supervisorCancelAfterMinutes },
      customerDisplay: {
        language: form.customerLanguage,
        displayId: form.customerDisplayId === '' ? null : Number(form.customerDisplayId),
      },
      paymentSounds: form.paymentSounds,
      requireSignedAnswers: form.requireSignedAnswers,
      mdr: { plan: form.mdrPlan },
    },
  };
}
