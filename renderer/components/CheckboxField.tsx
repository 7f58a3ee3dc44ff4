import { useId } from 'react';

type Props = {
  label: string;
  /** Already translated; shown under the box and linked with aria-describedby. */
  hint?: string | null | undefined;
  error?: string | null | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** A labelled checkbox with its hint and its inline error, wired for screen readers (as TextField). */
export function CheckboxField({ label, hint, error, checked, onChange }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <label className="radio" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
