import { useCallback, useEffect, useState } from 'react';
import type { CashierView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashierRow } from './CashierRow.tsx';

/**
 * In the (unlocked) settings: the owner adds cashiers with a name and a PIN, renames them, gives
 * or changes a PIN, or retires them. With cashier PINs ticked and nobody holding a PIN, it says
 * so here (main refuses to save that setting).
 */
export function CashiersSection({ cashierPins }: { cashierPins: boolean }) {
  const { t, tf } = useI18n();
  const [cashiers, setCashiers] = useState<CashierView[]>([]);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<IpcError | null>(null);
  // Hashing the PIN takes a second or more: the button says so, and a second click adds nothing twice.
  const [adding, setAdding] = useState(false);

  // The list as main keeps it (its order, names as stored), read again after every addition.
  const reload = useCallback(async () => {
    const result = await safeCall((api) => api.listCashiers({}));
    if (result.ok) setCashiers(result.value.cashiers);
    else setFailure(result.error);
  }, []);
  useEffect(() => void reload(), [reload]);

  const add = async () => {
    if (adding) return;
    setAdding(true);
    const result = await safeCall((api) => api.addCashier({ name, pin }));
    setAdding(false);
    if (!result.ok) return setFailure(result.error);
    await reload();
    setName('');
    setPin('');
    setFailure(null);
  };

  const fieldError = (field: string) => {
    const error = failure?.fields?.[field];
    return error ? tf(error) : null;
  };

  const active = cashiers.filter((cashier) => !cashier.retired);
  return (
    <fieldset className="cashiers">
      <legend>{t('cashiers.heading')}</legend>
      {cashierPins && !active.some((cashier) => cashier.hasPin) ? (
        <p className="banner banner-warning" data-testid="no-cashier-pin">{t('cashiers.none_with_pin')}</p>
      ) : null}
      <ul className="cashier-list">
        {active.map((cashier) => (
          <CashierRow key={cashier.id} cashier={cashier} onChanged={setCashiers} onFailure={setFailure} />
        ))}
      </ul>
      <TextField id="cashier-name" label={t('cashiers.name')} value={name} error={fieldError('name')} onChange={(event) => setName(event.target.value)} />
      <PinField
        id="cashier-pin"
        label={t('cashiers.pin')}
        value={pin}
        error={fieldError('pin')}
        onChange={setPin}
        newPin
      />
      <button type="button" className="button button-secondary" disabled={adding} onClick={() => void add()}>
        {adding ? t('settings.saving') : t('cashiers.add')}
      </button>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
    </fieldset>
  );
}
