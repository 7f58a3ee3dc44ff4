import { z } from 'zod';

/**
 * The drawer and the shift's cash (issue 22), stored under their own key beside the main settings.
 * The pulse is ESC/POS `ESC p m t1 t2`: m picks the drawer connector's pin (2 or 5), t1 and t2 are
 * the on and off times in units of 2 ms (so 2–510 ms). Each rule's message is a translatable code.
 */

export const DRAWER_PINS = [2, 5] as const;
export type DrawerPin = (typeof DRAWER_PINS)[number];
/** ESC p takes one byte per time, in 2 ms units: 510 ms at most. */
export const MAX_PULSE_MS = 510;

const pulseMs = z
  .number({ message: 'drawer.pulse_ms' })
  .int({ message: 'drawer.pulse_ms' })
  .min(2, { message: 'drawer.pulse_ms' })
  .max(MAX_PULSE_MS, { message: 'drawer.pulse_ms' });

export const cashSettingsSchema = z.object({
  drawerPin: z.union([z.literal(2), z.literal(5)], { message: 'drawer.pin' }),
  pulseOnMs: pulseMs,
  pulseOffMs: pulseMs,
  /** A counted difference larger than this (either way), in rupiah, needs the owner PIN to close the shift. */
  differenceApprovalAbove: z
    .number({ message: 'drawer.threshold' })
    .int({ message: 'drawer.threshold' })
    .min(0, { message: 'drawer.threshold' })
    .max(100_000_000, { message: 'drawer.threshold' }),
});
export type CashSettings = z.infer<typeof cashSettingsSchema>;

/** Pin 2 is the usual drawer connection; 100 ms on / 500 ms off are the encoder's ESC/POS defaults. */
export const DEFAULT_CASH_SETTINGS: CashSettings = {
  drawerPin: 2,
  pulseOnMs: 100,
  pulseOffMs: 500,
  differenceApprovalAbove: 20_000,
};

export const CASH_SETTINGS_ERROR_CODES = ['drawer.pin', 'drawer.pulse_ms', 'drawer.threshold'] as const;
