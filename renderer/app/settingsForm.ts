import type { FieldError, SettingsPatch } from '../../shared/ipc-contract.ts';
import { parseRupiahDigits } from '../../shared/money.ts';
import type { Environment, Language, Settings } from '../../shared/settings.ts';

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
  requireSignedAnswers: boolean;
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
  'requireSignedAnswers',
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
    minAmount: String(settings.limits.minAmount),
    maxAmount: String(settings.limits.maxAmount),
    qrExpiryMinutes: String(settings.qrExpiryMinutes),
    language: settings.language,
    requireSignedAnswers: settings.requireSignedAnswers,
  };
}

export type BuiltPatch = { ok: true; patch: SettingsPatch } | { ok: false; errors: Record<string, FieldError> };

/**
 * The form as a settings patch. Only "is it a whole number at all" is checked here; every real
 * rule (limits, https for live, merchant number format) is main's, shown from its answer.
 */
export function buildSettingsPatch(form: SettingsForm): BuiltPatch {
  const errors: Record<string, FieldError> = {};
  const whole = (path: string, text: string): number => {
    const value = parseRupiahDigits(text.trim());
    if (value === null) errors[path] = { code: 'local.not_a_number' };
    return value ?? 0;
  };
  const minAmount = whole('limits.minAmount', form.minAmount);
  const maxAmount = whole('limits.maxAmount', form.maxAmount);
  const qrExpiryMinutes = whole('qrExpiryMinutes', form.qrExpiryMinutes);
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
      requireSignedAnswers: form.requireSignedAnswers,
    },
  };
}
