import { z } from 'zod';
import { parseCutoff } from './day/business-day.ts';
import { validateEmail, validateMobile, validateName } from './validation.ts';
import { mdrPlanSchema } from './day/mdr.ts';

export const ENVIRONMENTS = ['training', 'live'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Paypro's Indonesian sandbox (paypro-api.md §6). Production URLs come from Paypro's sales team. */
export const PAYPRO_SANDBOX_BASE_URL = 'https://openapi-test.paypro.tech/indonesia-pay';

const WEB_URL = /^https?$/;

/**
 * The shop's own contact, sent to Paypro in place of a customer field the cashier left blank (the
 * API requires all three). Empty until the owner fills it in: the app never invents one. A field
 * that is filled must pass the same rule as a typed-in customer's.
 */
const shopContactSchema = z
  .object({ name: z.string(), mobile: z.string(), email: z.string() })
  .superRefine((contact, context) => {
    const results = {
      name: validateName(contact.name),
      mobile: validateMobile(contact.mobile),
      email: validateEmail(contact.email),
    };
    for (const [field, result] of Object.entries(results)) {
      const filled = contact[field as keyof typeof contact].trim() !== '';
      if (filled && !result.ok) context.addIssue({ code: 'custom', message: result.error.code, path: [field] });
    }
  });

/**
 * Non-secret settings, as stored and as shown on the settings screen.
 * The app secret is not here: it lives encrypted in the vault and never leaves main.
 * Each rule's message is a translatable code (`settings.…`, or a sale rule's code for the
 * shop contact); the renderer shows it next to the field at the issue's path.
 */
export const settingsSchema = z
  .object({
    environment: z.enum(ENVIRONMENTS, { message: 'settings.environment' }),
    /** 10-digit Paypro merchant number; empty until the owner sets it up. */
    merchantNo: z.string().regex(/^(\d{10})?$/, { message: 'settings.merchant_no' }),
    baseUrl: z.url({ protocol: WEB_URL, message: 'settings.url' }),
    notifyUrl: z.url({ protocol: WEB_URL, message: 'settings.url' }),
    /** The shop's contact for Paypro (the stored name predates issue 20: it is no customer). */
    defaultCustomer: shopContactSchema,
    limits: z.object({
      minAmount: z.number({ message: 'settings.amount' }).int({ message: 'settings.amount' }).positive({ message: 'settings.amount' }),
      maxAmount: z.number({ message: 'settings.amount' }).int({ message: 'settings.amount' }).positive({ message: 'settings.amount' }),
    }),
    qrExpiryMinutes: z
      .number({ message: 'settings.expiry_minutes' })
      .int({ message: 'settings.expiry_minutes' })
      .min(1, { message: 'settings.expiry_minutes' })
      .max(120, { message: 'settings.expiry_minutes' }),
    language: z.enum(LANGUAGES, { message: 'settings.language' }),
    /** The shop's day (issue 16): when it ends, and whether a shift needs a cashier's PIN. */
    day: z.object({
      /** `HH:MM` (00:00–12:00): sales before it count in the day before (shops open past midnight). */
      cutoff: z.string({ message: 'settings.day_cutoff' }).refine((text) => parseCutoff(text) !== null, { message: 'settings.day_cutoff' }),
      /** false: one default cashier, shifts open without a PIN (a one-person shop is not slowed). */
      cashierPins: z.boolean(),
      /** Cancelling a payment older than this many minutes needs the owner's PIN; 0: never. */
      supervisorCancelAfterMinutes: z
        .number({ message: 'settings.supervisor_cancel_minutes' })
        .int({ message: 'settings.supervisor_cancel_minutes' })
        .min(0, { message: 'settings.supervisor_cancel_minutes' })
        .max(1440, { message: 'settings.supervisor_cancel_minutes' }),
    }),
    /**
     * The customer-facing display (issue 13): its own language and its screen. The shop name it
     * shows when idle is the receipt settings' (shared/receipt-settings.ts), the shop's one name.
     */
    customerDisplay: z.object({
      language: z.enum(LANGUAGES, { message: 'settings.language' }),
      /** Electron's id of the monitor it opens on; null: no customer display. */
      displayId: z.number({ message: 'settings.display' }).int({ message: 'settings.display' }).nullable(),
    }),
    /** The paid and failed sounds on the cashier's screen. */
    paymentSounds: z.boolean(),
    /**
     * Refuse gateway answers that carry no `sign` (live only). Off by default: Paypro's documented
     * responses carry none (paypro-api.md §1); a sign that is present is always verified.
     */
    requireSignedAnswers: z.boolean({ message: 'settings.invalid' }),
    /** QRIS MDR (shared/day/mdr.ts): the day report's estimate of what Paypro pays out. */
    mdr: z.object({ plan: mdrPlanSchema }),
  })
  .refine((settings) => settings.environment !== 'live' || settings.baseUrl.startsWith('https://'), {
    message: 'settings.live_needs_https',
    path: ['baseUrl'],
  })
  .refine((settings) => settings.limits.minAmount <= settings.limits.maxAmount, {
    message: 'settings.min_above_max',
    path: ['limits', 'minAmount'],
  });

/** The codes a settings rule can report, for the renderer's messages. */
export const SETTINGS_ERROR_CODES = [
  'settings.environment',
  'settings.merchant_no',
  'settings.url',
  'settings.amount',
  'settings.expiry_minutes',
  'settings.language',
  'settings.live_needs_https',
  'settings.min_above_max',
  'settings.day_cutoff',
  'settings.supervisor_cancel_minutes',
  'settings.display',
  'settings.mdr_plan',
] as const;
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  environment: 'training',
  merchantNo: '',
  baseUrl: PAYPRO_SANDBOX_BASE_URL,
  notifyUrl: 'https://example.invalid/paypro/notify',
  defaultCustomer: { name: '', mobile: '', email: '' },
  // Vexora's copy of the API names a Rp10.000 minimum (paypro-api.md §1).
  // Warung, coffee and parking sales are below Rp 10.000 (issue 20 #7); the owner may go down to Rp 1.
  limits: { minAmount: 1_000, maxAmount: 10_000_000 },
  qrExpiryMinutes: 15,
  language: 'id',
  day: { cutoff: '00:00', cashierPins: false, supervisorCancelAfterMinutes: 0 },
  customerDisplay: { language: 'id', displayId: null },
  paymentSounds: true,
  requireSignedAnswers: false,
  mdr: { plan: 'regular' },
};
