import { parseRupiahText } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { TextField } from '../components/TextField.tsx';

/** The typed rupiah (`150.000`, `Rp 150000`) read by the one money parser; null while it is not an amount. */
export function cashValue(text: string): number | null {
  const parsed = parseRupiahText(text);
  return parsed.ok ? parsed.value : null;
}

type Props = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  testId?: string;
  autoFocus?: boolean;
  id?: string;
  hint?: string;
  /** A refusal from the save (already translated); a typo is shown first, as typed. */
  error?: string | null;
};

/** A rupiah amount of cash (float, kas masuk/keluar, the count): the numeric keypad, the refusal shown once typed. */
export function CashField({ label, value, onChange, testId, autoFocus, id, hint, error }: Props) {
  const { t } = useI18n();
  const invalid = value.trim() !== '' && cashValue(value) === null;
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      autoFocus={autoFocus}
      data-testid={testId}
      error={invalid ? t('drawer.amount_invalid') : (error ?? null)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
