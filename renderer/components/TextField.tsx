import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { describedBy, FieldNotes } from './FieldNotes.tsx';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** Already translated; shown under the field and linked with aria-describedby. */
  error?: string | null | undefined;
  hint?: string | null | undefined;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input with its hint and its inline error, wired for screen readers. */
export function TextField({ label, error, hint, className, ref, id: givenId, ...input }: Props) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
