import type { LateOutcome, OverpaidOutcome } from './day-contract.ts';

/**
 * What a resolution of a late payment needs: "Lainnya" (other) says nothing by itself, so it
 * needs a note saying what was done; the other outcomes may carry one. Main enforces it; the form
 * runs the same rule for instant feedback.
 */
export const LATE_ERROR_CODES = ['late.note_required', 'overpaid.note_required'] as const;

export type LateResolutionResult =
  | { ok: true; value: { outcome: LateOutcome; note: string } }
  | { ok: false; fields: NoteRequired };

type NoteRequired = { note: { code: (typeof LATE_ERROR_CODES)[number] } };

export function validateLateResolution(input: { outcome: LateOutcome; note: string }): LateResolutionResult {
  const note = input.note.trim();
  if (input.outcome === 'other' && note === '') return { ok: false, fields: { note: { code: 'late.note_required' } } };
  return { ok: true, value: { outcome: input.outcome, note } };
}

/**
 * An overpayment kept by the shop (a deposit, or not returned) needs a note saying why and where it
 * stands; a refund, in cash or outside the app, may carry one (a transfer's reference, say).
 */
export function validateOverpaidResolution(
  input: { outcome: OverpaidOutcome; note: string },
): { ok: true; value: { outcome: OverpaidOutcome; note: string } } | { ok: false; fields: NoteRequired } {
  const note = input.note.trim();
  if (input.outcome === 'kept' && note === '') return { ok: false, fields: { note: { code: 'overpaid.note_required' } } };
  return { ok: true, value: { outcome: input.outcome, note } };
}
