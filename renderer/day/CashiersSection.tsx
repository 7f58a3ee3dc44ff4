import { useEffect, useState } from 'react';
import type { CashierView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';

/** In the (unlocked) settings: the owner adds cashiers with a name and a PIN, or retires them. */
export function CashiersSection() {
  const { t, tf } = useI18n();
  const [cashiers, setCashiers] = useState<CashierView[]>([]);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<IpcError | null>(null);

  useEffect(() => {
    void safeCall((api) => api.listCashiers({})).then((result) => {
      if (result.ok) setCashiers(result.value.cashiers);
      else setFailure(result.error);
    });
  }, []);

  const add = async () => {
    const result = await safeCall((api) => api.addCashier({ name, pin }));
    if (!result.ok) return setFailure(result.error);
    setCashiers((current) => [...current, result.value]);
    setName('');
    setPin('');
    setFailure(null);
  };

  const retire = async (id: number) => {
    const result = await safeCall((api) => api.retireCashier({ id }));
    if (result.ok) setCashiers(result.value.cashiers);
    else setFailure(result.error);
  };

  const fieldError = (field: string) => {
    const error = failure?.fields?.[field];
    return error ? tf(error) : null;
  };

  return (
    <fieldset className="cashiers">
      <legend>{t('cashiers.heading')}</legend>
      <ul className="cashier-list">
        {cashiers.filter((cashier) => !cashier.retired).map((cashier) => (
          <li key={cashier.id}>
            <span>{cashier.name}</span>
            {cashier.hasPin ? (
              <button type="button" className="button button-secondary" onClick={() => void retire(cashier.id)}>
                {t('cashiers.retire')}
              </button>
            ) : (
              <span className="field-hint">{t('cashiers.default')}</span>
            )}
          </li>
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
      <button type="button" className="button button-secondary" onClick={() => void add()}>
        {t('cashiers.add')}
      </button>
      {failure && !failure.fields ? <ErrorBanner error={failure} /> : null}
    </fieldset>
  );
}
