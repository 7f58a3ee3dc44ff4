import { useState, type FormEvent } from 'react';
import type { FieldError, IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { PinField } from './PinField.tsx';

/** Sets the first admin PIN, or changes it (the current PIN is asked once one is set). */
export function PinSection({ pinSet, onPinSet }: { pinSet: boolean; onPinSet: () => void }) {
  const { t, tf } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    setFailure(null);
    if (!/^\d{4,8}$/.test(next)) {
      setErrors({ newPin: { code: 'local.pin_format' } });
      return;
    }
    if (next !== repeat) {
      setErrors({ repeatPin: { code: 'local.pin_mismatch' } });
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await safeCall((api) =>
      api.setAdminPin({ newPin: next, ...(pinSet ? { currentPin: current } : {}) }),
    );
    setBusy(false);
    setCurrent('');
    if (result.ok) {
      setNext('');
      setRepeat('');
      setNotice(t('settings.pin.saved'));
      onPinSet();
      return;
    }
    if (result.error.code === 'wrong_pin') setErrors({ currentPin: { code: 'wrong_pin' } });
    else if (result.error.fields) setErrors(result.error.fields);
    else setFailure(result.error);
  };

  const message = (key: string) => {
    const error = errors[key];
    return error ? tf(error) : null;
  };

  return (
    <form className="settings-form pin-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{t('settings.section.pin')}</legend>
        {pinSet ? null : <p className="field-hint">{t('settings.pin.not_set')}</p>}
        {pinSet ? (
          <PinField
            label={t('settings.pin.current')}
            value={current}
            error={message('currentPin')}
            onChange={setCurrent}
          />
        ) : null}
        <PinField
          label={t('settings.pin.new')}
          value={next}
          hint={t('settings.pin.help')}
          error={message('newPin')}
          onChange={setNext}
          newPin
        />
        <PinField
          label={t('settings.pin.repeat')}
          value={repeat}
          error={message('repeatPin')}
          onChange={setRepeat}
          newPin
        />
        {failure ? <ErrorBanner error={failure} /> : null}
        <button type="submit" className="button button-secondary" disabled={busy}>
          {pinSet ? t('settings.pin.change') : t('settings.pin.set')}
        </button>
        <p role="status" className="notice">
          {notice}
        </p>
      </fieldset>
    </form>
  );
}
