import type { FieldError } from '../../shared/ipc-contract.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { DrawerForm } from '../drawer/drawerSettingsForm.ts';
import type { HqForm } from './hqSettingsForm.ts';
import type { ReceiptForm } from './receiptSettingsForm.ts';
import type { SettingsForm } from './settingsForm.ts';

/**
 * The settings screen's sections, in the order a shop meets them: what the shop is and prints,
 * how it is paid, who works the counter, its head office, what the customer sees, and last the
 * technical fields.
 */
export const SETTINGS_SECTIONS = ['shop', 'payment', 'cashiers', 'headOffice', 'display', 'advanced'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Each section's title: the names a message may use to send the owner there ("Pengaturan → Toko dan struk"). */
export const SECTION_TITLES = {
  shop: 'settings.section.shop',
  payment: 'settings.section.payment',
  cashiers: 'settings.section.cashiers',
  headOffice: 'settings.section.head_office',
  display: 'settings.section.display',
  advanced: 'settings.section.advanced',
} as const satisfies Record<SettingsSection, MessageKey>;

/** The owner's PIN as typed in Kasir → PIN pemilik (saved with everything else). */
export type PinForm = { current: string; next: string; repeat: string };
export const EMPTY_PIN: PinForm = { current: '', next: '', repeat: '' };

/**
 * Which section shows a field, by the key its error comes under: a settings path
 * (`limits.minAmount`), a receipt form field (`shopName`), a drawer field (`drawer.pulseOnMs`)
 * or a PIN field (`newPin`).
 */
const SECTION_OF: Record<string, SettingsSection> = {
  shopName: 'shop',
  addressLines: 'shop',
  headerLines: 'shop',
  footerLines: 'shop',
  host: 'shop',
  port: 'shop',
  deviceName: 'shop',
  copies: 'shop',
  language: 'shop',
  'defaultCustomer.name': 'shop',
  'defaultCustomer.mobile': 'shop',
  'defaultCustomer.email': 'shop',
  // The cash drawer is kicked through the receipt printer: its settings sit with the printer's.
  'drawer.drawerPin': 'shop',
  'drawer.pulseOnMs': 'shop',
  'drawer.pulseOffMs': 'shop',
  'drawer.differenceApprovalAbove': 'shop',
  environment: 'payment',
  merchantNo: 'payment',
  secret: 'payment',
  'limits.minAmount': 'payment',
  'limits.maxAmount': 'payment',
  qrExpiryMinutes: 'payment',
  'day.cutoff': 'cashiers',
  'day.supervisorCancelAfterMinutes': 'cashiers',
  'day.cashierPins': 'cashiers',
  currentPin: 'cashiers',
  newPin: 'cashiers',
  repeatPin: 'cashiers',
  'hq.url': 'headOffice',
  'hq.password': 'headOffice',
  'hq.ca': 'headOffice',
  'hq.tillName': 'headOffice',
  'hq.outletName': 'headOffice',
  'hq.ownerUrl': 'headOffice',
  'hq.ownerPassword': 'headOffice',
  'customerDisplay.language': 'display',
  'customerDisplay.displayId': 'display',
  paymentSounds: 'display',
  baseUrl: 'advanced',
  notifyUrl: 'advanced',
  requireSignedAnswers: 'advanced',
};

/** A field the screen shows an error next to (others are shown in the banner by the save). */
export function isPlacedField(field: string): boolean {
  return field in SECTION_OF;
}

export function sectionOf(field: string): SettingsSection {
  return SECTION_OF[field] ?? 'advanced';
}

/** The first section (in screen order) holding one of these errors: the save goes there. */
export function firstSectionWithError(errors: Record<string, FieldError>): SettingsSection | null {
  const sections = new Set(Object.keys(errors).map(sectionOf));
  return SETTINGS_SECTIONS.find((section) => sections.has(section)) ?? null;
}

/** A PIN typed in any of the three boxes is a change to save (or to be warned about on leaving). */
export function pinTyped(pin: PinForm): boolean {
  return pin.current !== '' || pin.next !== '' || pin.repeat !== '';
}

/** The owner's PIN checks the screen can make itself; main checks the current PIN. */
export function pinErrors(pin: PinForm): Record<string, FieldError> {
  if (!/^\d{4,8}$/.test(pin.next)) return { newPin: { code: 'local.pin_format' } };
  if (pin.next !== pin.repeat) return { repeatPin: { code: 'local.pin_mismatch' } };
  return {};
}

export type SettingsDraft = {
  form: SettingsForm;
  secret: string;
  receipt: ReceiptForm | null;
  drawer: DrawerForm | null;
  pin: PinForm;
  /** Settings → Kantor pusat; null until the head office's status is loaded. */
  hq: HqForm | null;
};

/** What is saved; the receipt, drawer and head-office settings are null until loaded. */
export type SettingsBaseline = { form: SettingsForm; receipt: ReceiptForm | null; drawer: DrawerForm | null; hq: HqForm | null };

/** What differs from what is saved: one flag per save call, so the save sends only what changed. */
export function unsavedParts(draft: SettingsDraft, saved: SettingsBaseline) {
  return {
    settings: draft.secret !== '' || !sameValues(draft.form, saved.form),
    receipt: loadedAndChanged(draft.receipt, saved.receipt),
    drawer: loadedAndChanged(draft.drawer, saved.drawer),
    pin: pinTyped(draft.pin),
    hq: loadedAndChanged(draft.hq, saved.hq),
  };
}

/** Anything typed and not saved: leaving the screen then asks first. */
export function hasUnsaved(draft: SettingsDraft, saved: SettingsBaseline): boolean {
  const parts = unsavedParts(draft, saved);
  return Object.values(parts).some(Boolean);
}

function loadedAndChanged<T extends object>(draft: T | null, saved: T | null): boolean {
  return draft !== null && saved !== null && !sameValues(draft, saved);
}

function sameValues<T extends object>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
