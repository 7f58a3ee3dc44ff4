import type { LateOutcome, OverpaidOutcome } from './day-contract.ts';

/**
 * What a resolution of a late payment needs: "Lainnya" (other) says nothing by itself, so it
 * needs a note saying what was done; the other outcomes may carry one. Main enforces it; the form
 * runs the same rule for instant feedback.
 */
export const LATE_ERROR_CODES = ['late.note_required', 'overpaid.note_required'] as const;

type NoteRequired = { note: { code: (typeof LATE_ERROR_CODES)[number] } };

export interface Resolution<O extends string> {
  outcome: O;
  note: string;
}

export type ResolutionResult<O extends string> = { ok: true; value: Resolution<O> } | { ok: false; fields: NoteRequired };

/** The note trimmed; refused empty when the outcome says nothing by itself. */
function withNote<O extends string>(input: Resolution<O>, needsNote: O, code: NoteRequired['note']['code']): ResolutionResult<O> {
  const note = input.note.trim();
  if (input.outcome === needsNote && note === '') return { ok: false, fields: { note: { code } } };
  return { ok: true, value: { outcome: input.outcome, note } };
}

export function validateLateResolution(input: Resolution<LateOutcome>): ResolutionResult<LateOutcome> {
  return withNote(input, 'other', 'late.note_required');
}

/**
 * An overpayment kept by the shop (a deposit, or not returned) needs a note saying why and where it
 * stands; a refund, in cash or outside the app, may carry one (a transfer's reference, say).
 */
export function validateOverpaidResolution(input: Resolution<OverpaidOutcome>): ResolutionResult<OverpaidOutcome> {
  return withNote(input, 'kept', 'overpaid.note_required');
}
