import { cashSettingsSchema, type CashSettings, type DrawerPin } from '../../shared/cash-settings.ts';
import type { FieldError } from '../../shared/ipc-contract.ts';
import { groupRupiah, parseRupiahText } from '../../shared/money.ts';

/** Settings → Laci kas as the form edits it: times and the threshold as typed. */
export type DrawerForm = { drawerPin: DrawerPin; pulseOnMs: string; pulseOffMs: string; threshold: string };

/**
 * The key a drawer field's error comes under on the settings screen (and its box's id after
 * `settings-`): prefixed, so `drawer.pulseOnMs` never meets another section's field of that name.
 */
export const drawerFieldKey = (field: string): string => `drawer.${field}`;

export function toDrawerForm(settings: CashSettings): DrawerForm {
  return {
    drawerPin: settings.drawerPin,
    pulseOnMs: String(settings.pulseOnMs),
    pulseOffMs: String(settings.pulseOffMs),
    threshold: groupRupiah(settings.differenceApprovalAbove), // `20.000`, as the other amounts on the screen
  };
}

/** Main's refusals (`pulseOnMs`) under the screen's keys (`drawer.pulseOnMs`). */
export function drawerErrors(fields: Record<string, FieldError>): Record<string, FieldError> {
  return Object.fromEntries(Object.entries(fields).map(([path, error]) => [drawerFieldKey(path), error]));
}

/**
 * The patch to save, checked here by the shared schema: a typo is refused on its own box before
 * anything is sent (the IPC contract would refuse a non-number as a bad request, with no field).
 */
export function buildDrawerPatch(form: DrawerForm): { ok: true; patch: CashSettings } | { ok: false; errors: Record<string, FieldError> } {
  const threshold = parseRupiahText(form.threshold); // the one money reading: `20.000`, `Rp 20000`
  const parsed = cashSettingsSchema.safeParse({
    drawerPin: form.drawerPin,
    pulseOnMs: wholeOrNaN(form.pulseOnMs),
    pulseOffMs: wholeOrNaN(form.pulseOffMs),
    differenceApprovalAbove: threshold.ok ? threshold.value : Number.NaN,
  });
  if (parsed.success) return { ok: true, patch: parsed.data };
  // Each schema rule's message is its translatable code (shared/cash-settings.ts).
  const errors: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues) errors[drawerFieldKey(String(issue.path[0]))] ??= { code: issue.message };
  return { ok: false, errors };
}

/** A typed whole number, or NaN (which the schema refuses with its field's message). */
const wholeOrNaN = (text: string): number => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
