import { z } from 'zod';

export const ENVIRONMENTS = ['training', 'live'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Paypro's Indonesian sandbox (paypro-api.md §6). Production URLs come from Paypro's sales team. */
export const PAYPRO_SANDBOX_BASE_URL = 'https://openapi-test.paypro.tech/indonesia-pay';

/**
 * Non-secret settings, as stored and as shown on the settings screen.
 * The app secret is not here: it lives encrypted in the vault and never leaves main.
 */
export const settingsSchema = z
  .object({
  environment: z.enum(ENVIRONMENTS),
  /** 10-digit Paypro merchant number; empty until the owner sets it up. */
  merchantNo: z.string().regex(/^(\d{10})?$/),
  baseUrl: z.url(),
  notifyUrl: z.url(),
  defaultCustomer: z.object({
    name: z.string(),
    mobile: z.string(),
    email: z.string(),
  }),
  limits: z.object({
    minAmount: z.number().int().positive(),
    maxAmount: z.number().int().positive(),
  }),
  qrExpiryMinutes: z.number().int().min(1).max(120),
  language: z.enum(LANGUAGES),
  })
  .refine((settings) => settings.environment !== 'live' || settings.baseUrl.startsWith('https://'), {
    message: 'Live mode needs an https:// base URL.',
    path: ['baseUrl'],
  })
  .refine((settings) => settings.limits.minAmount <= settings.limits.maxAmount, {
    message: 'The minimum amount is above the maximum.',
    path: ['limits', 'minAmount'],
  });
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  environment: 'training',
  merchantNo: '',
  baseUrl: PAYPRO_SANDBOX_BASE_URL,
  notifyUrl: 'https://example.invalid/paypro/notify',
  defaultCustomer: { name: 'Pelanggan', mobile: '081234567890', email: 'pelanggan@example.com' },
  // Vexora's copy of the API names a Rp10.000 minimum (paypro-api.md §1).
  limits: { minAmount: 10_000, maxAmount: 10_000_000 },
  qrExpiryMinutes: 15,
  language: 'id',
};
