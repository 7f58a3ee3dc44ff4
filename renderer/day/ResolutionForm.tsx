import { useState } from 'react';
import type { IpcError, IpcResult } from '../../shared/ipc-contract.ts';
import type { Resolution, ResolutionResult } from '../../shared/day/late-rules.ts';
import { useI18n } from '../app/i18n.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { OwnerPinField, ownerPinRequest } from './OwnerPinField.tsx';

export interface ResolutionFormProps<O extends string> {
  /** Prefix of the form's ids: one form per item of Perlu tindakan. */
  id: string;
  outcomes: readonly O[];
  outcomeLabel: (outcome: O) => string;
  /** Shown under the note while the outcome that needs one is chosen. */
  noteHint: (outcome: O | null) => string | null;
  /** Shown above the owner's PIN when the money goes back in cash. */
  cashRefundNote: string;
  /** main's own rule, for instant feedback. */
  validate: (input: Resolution<O>) => ResolutionResult<O>;
  send: (resolution: Resolution<O> & { supervisorPin?: string }) => Promise<IpcResult<unknown>>;
  onResolved: () => void;
}

/**
 * What was done about an item of Perlu tindakan: an outcome chosen by a person (no default — one
 * click must not record what nobody chose, issue 20 #4), a note, and the owner's PIN when cash
 * leaves the drawer. Shared by late payments and overpayments.
 */
export function ResolutionForm<O extends string>(props: ResolutionFormProps<O>) {
  const { t, tf } = useI18n();
  const [outcome, setOutcome] = useState<O | null>(null);
  const [note, setNote] = useState('');
  const [ownerPin, setOwnerPin] = useState('');
  const [failure, setFailure] = useState<IpcError | null>(null);

  const save = async () => {
    if (outcome === null) return;
    const checked = props.validate({ outcome, note });
    if (!checked.ok) return setFailure({ code: 'validation', fields: checked.fields });
    const result = await props.send({ ...checked.value, ...(checked.value.outcome === 'refunded_cash' ? ownerPinRequest(ownerPin) : {}) });
    if (result.ok) props.onResolved();
    else setFailure(result.error);
  };
  const noteError = failure?.fields?.note;

  return (
    <>
      <form className="late-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <div className="field">
          <label htmlFor={`${props.id}-outcome`}>{t('late.outcome')}</label>
          <select id={`${props.id}-outcome`} value={outcome ?? ''} onChange={(event) => setOutcome(event.target.value as O)}>
            <option value="" disabled>{t('late.outcome_choose')}</option>
            {props.outcomes.map((choice) => (
              <option key={choice} value={choice}>{props.outcomeLabel(choice)}</option>
            ))}
          </select>
        </div>
        <TextField
          id={`${props.id}-note`}
          label={t('late.note')}
          hint={props.noteHint(outcome)}
          error={noteError ? tf(noteError) : null}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
        />
        {outcome === 'refunded_cash' ? (
          <>
            <p className="late-refund-note" role="note">{props.cashRefundNote}</p>
            <OwnerPinField id={`${props.id}-owner-pin`} value={ownerPin} onChange={setOwnerPin} />
          </>
        ) : null}
        <button type="submit" className="button button-primary" disabled={outcome === null}>{t('late.save')}</button>
      </form>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
    </>
  );
}
