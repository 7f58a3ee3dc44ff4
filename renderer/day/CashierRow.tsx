import { useState, type KeyboardEvent } from 'react';
import type { CashierView } from '../../shared/day/day-contract.ts';
import type { IpcError, IpcResult } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { PinField } from '../components/PinField.tsx';
import { TextField } from '../components/TextField.tsx';

type Edit = 'name' | 'pin';
type Props = {
  cashier: CashierView;
  /** The roster after a change (main answers with the whole list). */
  onChanged: (cashiers: CashierView[]) => void;
  /** A refusal that belongs to no field (locked, last cashier with a PIN…): the section shows it. */
  onFailure: (error: IpcError | null) => void;
};

/**
 * One active cashier in the settings: the owner renames them, gives or changes their PIN (the
 * default "Kasir" too), or retires them. The editors sit inside the settings form, so Enter saves
 * the edit (not the settings) and Esc leaves it.
 */
export function CashierRow({ cashier, onChanged, onFailure }: Props) {
  const { t, tf } = useI18n();
  const [edit, setEdit] = useState<Edit | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<IpcError | null>(null);

  const begin = (next: Edit) => {
    setEdit(next);
    setValue(next === 'name' ? cashier.name : '');
    setError(null);
    onFailure(null);
  };

  const answer = (result: IpcResult<{ cashiers: CashierView[] }>) => {
    if (result.ok) {
      onChanged(result.value.cashiers);
      setEdit(null);
      onFailure(null);
    } else if (result.error.fields) setError(result.error);
    else onFailure(result.error);
  };

  const save = async () => {
    const { id } = cashier;
    answer(await safeCall((api) => (edit === 'pin' ? api.setCashierPin({ id, pin: value }) : api.renameCashier({ id, name: value }))));
  };

  const retire = async () => answer(await safeCall((api) => api.retireCashier({ id: cashier.id })));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEdit(null);
    }
  };

  const fieldError = error?.fields?.[edit ?? ''];
  const editor =
    edit === 'pin' ? (
      <PinField
        label={t('cashiers.new_pin', { name: cashier.name })}
        value={value}
        error={fieldError ? tf(fieldError) : null}
        onChange={setValue}
        onKeyDown={onKeyDown}
        autoFocus
        newPin
      />
    ) : (
      <TextField
        label={t('cashiers.new_name', { name: cashier.name })}
        value={value}
        error={fieldError ? tf(fieldError) : null}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        autoFocus
      />
    );

  return (
    <li data-cashier={cashier.name}>
      <span className="cashier-name">
        {cashier.name} <span className="field-hint">{tagOf(cashier, t)}</span>
      </span>
      {edit === null ? (
        <span className="cashier-actions">
          <button type="button" className="button button-secondary" onClick={() => begin('name')}>
            {t('cashiers.rename')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => begin('pin')}>
            {t(cashier.hasPin ? 'cashiers.change_pin' : 'cashiers.give_pin')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void retire()}>
            {t('cashiers.retire')}
          </button>
        </span>
      ) : (
        <div className="cashier-edit">
          {editor}
          <span className="cashier-actions">
            <button type="button" className="button button-primary" onClick={() => void save()}>
              {t('cashiers.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setEdit(null)}>
              {t('cashiers.cancel_edit')}
            </button>
          </span>
        </div>
      )}
    </li>
  );
}

function tagOf(cashier: CashierView, t: ReturnType<typeof useI18n>['t']): string {
  if (cashier.isDefault) return t(cashier.hasPin ? 'cashiers.is_default' : 'cashiers.default');
  return cashier.hasPin ? '' : t('cashiers.no_pin');
}
