import { useI18n } from '../app/i18n.tsx';
import type { PinForm } from '../app/settingsScreen.ts';
import { PinField } from './PinField.tsx';

type Props = {
  pinSet: boolean;
  pin: PinForm;
  onChange: (pin: PinForm) => void;
  /** The error shown on a box (already translated): `currentPin`, `newPin` or `repeatPin`. */
  error: (key: string) => string | null;
};

/**
 * Kasir → PIN pemilik: the first owner's PIN, or a new one (the current PIN is asked once one is
 * set). Typed here, it is saved with the rest of the screen.
 */
export function PinSection({ pinSet, pin, onChange, error }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="pin-form">
      <legend>{t('settings.section.pin')}</legend>
      {pinSet ? null : <p className="field-hint">{t('settings.pin.not_set')}</p>}
      {pinSet ? (
        <PinField
          id="settings-currentPin"
          label={t('settings.pin.current')}
          value={pin.current}
          error={error('currentPin')}
          onChange={(current) => onChange({ ...pin, current })}
        />
      ) : null}
      <PinField
        id="settings-newPin"
        label={t('settings.pin.new')}
        value={pin.next}
        hint={t('settings.pin.help')}
        error={error('newPin')}
        onChange={(next) => onChange({ ...pin, next })}
        newPin
      />
      <PinField
        id="settings-repeatPin"
        label={t('settings.pin.repeat')}
        value={pin.repeat}
        error={error('repeatPin')}
        onChange={(repeat) => onChange({ ...pin, repeat })}
        newPin
      />
    </fieldset>
  );
}
