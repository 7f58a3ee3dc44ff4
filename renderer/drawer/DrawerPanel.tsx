import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ClosedShift } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashField, cashValue } from './CashField.tsx';
import { CashReport } from './CashReport.tsx';
import './drawer.css';

/**
 * The open shift's drawer: modal awal (when the shift opened without one), kas masuk / kas keluar
 * with a reason, "Buka laci" with a reason, and the cash as it stands. `refreshKey` changes when
 * the shift or its sales change elsewhere.
 */
export function DrawerPanel({ shiftId, refreshKey }: { shiftId: number; refreshKey: number }) {
  const { t } = useI18n();
  const [shift, setShift] = useState<ClosedShift | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [notice, setNotice] = useState('');
  const reload = useCallback(async () => {
    const result = await safeCall((api) => api.getShiftReport({ shiftId }));
    if (result.ok) setShift(result.value);
    else setFailure(result.error);
  }, [shiftId]);
  useEffect(() => void reload(), [reload, refreshKey]);

  const done = (text: string) => {
    setFailure(null);
    setNotice(text);
    void reload();
  };
  const failed = (error: IpcError) => {
    setNotice('');
    setFailure(error);
  };
  const cash = shift?.report.cash;
  return (
    <section className="day-card drawer-panel" aria-labelledby="drawer-heading">
      <h2 id="drawer-heading">{t('drawer.heading')}</h2>
      <div className="drawer-forms">
        {cash && cash.float === 0 ? <FloatForm onDone={done} onFailed={failed} /> : null}
        <MovementForm onDone={done} onFailed={failed} />
        <OpenDrawerForm onDone={done} onFailed={failed} />
      </div>
      {notice ? <p className="drawer-notice" role="status" data-testid="drawer-notice">{notice}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {cash ? <CashReport shiftId={shiftId} cash={cash} /> : null}
    </section>
  );
}

type FormProps = { onDone: (notice: string) => void; onFailed: (error: IpcError) => void };

function FloatForm({ onDone, onFailed }: FormProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = cashValue(text);
    if (amount === null) return;
    const result = await safeCall((api) => api.setFloat({ amount }));
    if (!result.ok) return onFailed(result.error);
    setText('');
    onDone(t('drawer.float_saved', { amount: formatRupiah(amount) }));
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <fieldset className="drawer-form">
        <legend>{t('drawer.float')}</legend>
        <CashField label={t('drawer.float_amount')} value={text} onChange={setText} testId="float-amount" />
        <button type="submit" className="button" disabled={cashValue(text) === null}>{t('drawer.float_save')}</button>
      </fieldset>
    </form>
  );
}

function MovementForm({ onDone, onFailed }: FormProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'cash_in' | 'cash_out'>('cash_out');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const amount = cashValue(text);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (amount === null || amount === 0 || reason.trim() === '') return;
    const result = await safeCall((api) => api.moveCash({ kind, amount, reason }));
    if (!result.ok) return onFailed(result.error);
    setText('');
    setReason('');
    onDone(t(kind === 'cash_in' ? 'drawer.cash_in_saved' : 'drawer.cash_out_saved', { amount: formatRupiah(amount), reason: reason.trim() }));
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <fieldset className="drawer-form">
        <legend>{t('drawer.movement')}</legend>
        <div className="drawer-kind" role="radiogroup" aria-label={t('drawer.movement')}>
          {(['cash_in', 'cash_out'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="cash-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
              {` ${t(`drawer.kind.${option}`)}`}
            </label>
          ))}
        </div>
        <CashField label={t('drawer.movement_amount')} value={text} onChange={setText} testId="movement-amount" />
        <TextField label={t('drawer.reason')} value={reason} maxLength={200} data-testid="movement-reason" hint={t('drawer.movement_reason_hint')} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" className="button" disabled={amount === null || amount === 0 || reason.trim() === ''}>{t('drawer.movement_save')}</button>
      </fieldset>
    </form>
  );
}

/** "Buka laci" without a sale: a reason first; the opening is recorded with who and when. */
function OpenDrawerForm({ onDone, onFailed }: FormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '' || busy) return;
    setBusy(true);
    const result = await safeCall((api) => api.openDrawer({ reason }));
    setBusy(false);
    if (!result.ok) return onFailed(result.error);
    setReason('');
    onDone(t('drawer.opened', { name: result.value.cashierName ?? '–', time: formatClock(result.value.at) }));
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <fieldset className="drawer-form">
        <legend>{t('drawer.open')}</legend>
        <TextField label={t('drawer.reason')} value={reason} maxLength={200} data-testid="open-drawer-reason" hint={t('drawer.open_reason_hint')} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" className="button" disabled={reason.trim() === '' || busy}>{t('drawer.open')}</button>
      </fieldset>
    </form>
  );
}
