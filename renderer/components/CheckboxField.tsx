import { useId } from 'react';
import { describedBy, FieldNotes } from './FieldNotes.tsx';

type Props = {
  /** A fixed id, for a box that errors can move the focus to; generated otherwise. */
  id?: string;
  label: string;
  /** Already translated; shown under the box and linked with aria-describedby. */
  hint?: string | null | undefined;
  error?: string | null | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** A labelled checkbox with its hint and its inline error, wired for screen readers (as TextField). */
export function CheckboxField({ id: fixedId, label, hint, error, checked, onChange }: Props) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  return (
    <div className={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <label className="radio" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
