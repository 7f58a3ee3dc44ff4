import type { ComponentProps } from 'react';
import { TextField } from './TextField.tsx';

type Props = Omit<ComponentProps<typeof TextField>, 'type' | 'inputMode' | 'autoComplete' | 'onChange'> & {
  onChange: (value: string) => void;
  /** A PIN being chosen (the browser may offer to remember it), not one being entered. */
  newPin?: boolean;
};

/** A PIN: hidden digits, the numeric keypad on touch screens, nothing filled in by the browser. */
export function PinField({ onChange, newPin = false, ...field }: Props) {
  return (
    <TextField
      {...field}
      type="password"
      inputMode="numeric"
      autoComplete={newPin ? 'new-password' : 'off'}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
