import { useEffect, useState } from 'react';
import type { ClosedShift, CashierView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { PinField } from '../components/PinField.tsx';
import { CloseShiftDialog } from './CloseShiftDialog.tsx';
import { ReconcileOffer } from './ReconcileOffer.tsx';
import { ShiftReport } from './ShiftReport.tsx';
import type { DayStatus } from './useDayStatus.ts';
import type { DrawerCount } from '../../shared/day/shift-cash.ts';
import { CashField, cashValue } from '../drawer/CashField.tsx';

/** Refusals the owner's PIN answers: a payment still awaiting, a counted difference above the threshold. */
const OWNER_ANSWERS = new Set(['shift.payments_open', 'drawer.difference_needs_owner']);

/** The open shift, or the form to open one with a cashier's PIN; closing shows the shift's report. */
export function ShiftPanel({ status, onChange }: { status: DayStatus; onChange: () => void }) {
  const { t } = useI18n();
  const [closed, setClosed] = useState<ClosedShift | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [ownerPin, setOwnerPin] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The count given in the dialog, kept for "Tetap tutup" with the owner's PIN.
  const [count, setCount] = useState<DrawerCount | undefined>(undefined);

  const close = async (counted: DrawerCount | undefined) => {
    setConfirming(false);
    setBusy(true);
    setCount(counted);
    const request = { ...(ownerPin === null ? {} : { supervisorPin: ownerPin }), ...(counted === undefined ? {} : { count: counted }) };
    const result = await safeCall((api) => api.closeShift(request));
    setBusy(false);
    if (result.ok) {
      setClosed(result.value);
      setFailure(null);
      setOwnerPin(null);
      onChange();
      return;
    }
    setFailure(result.error);
    // A payment still awaits, or the drawer is off by more than the threshold: the owner may close anyway with their PIN.
    if (OWNER_ANSWERS.has(result.error.code) && ownerPin === null) setOwnerPin('');
    // The expected cash moved since the count (a sale finished): count again.
    if (result.error.code === 'drawer.expected_changed') setCount(undefined);
  };

  return (
    <section className="day-card shift-panel" aria-labelledby="shift-heading">
      <h2 id="shift-heading">{t('shift.heading')}</h2>
      {status.shift ? (
        <>
          <p className="shift-open" data-testid="shift-open">
            {t('shift.open_by', { name: status.shift.cashierName, time: formatClock(status.shift.openedAt) })}
          </p>
          {ownerPin !== null ? (
            <PinField
              label={t('shift.owner_pin')}
              value={ownerPin}
              onChange={setOwnerPin}
            />
          ) : null}
          {/* Asked once: "Tetap tutup" after a refusal is already the answer to it. */}
          <button type="button" className="button button-primary" disabled={busy} onClick={() => (ownerPin !== null && count !== undefined ? void close(count) : ownerPin !== null && failure?.code === 'shift.payments_open' ? void close(undefined) : setConfirming(true))}>
            {ownerPin !== null ? t('shift.close_anyway') : t('shift.close')}
          </button>
          {confirming ? <CloseShiftDialog shift={status.shift} onConfirm={(counted) => void close(counted)} onDismiss={() => setConfirming(false)} /> : null}
        </>
      ) : status.cashierPins ? (
        <OpenShiftForm onOpened={() => { setClosed(null); onChange(); }} />
      ) : (
        <p className="shift-none">{t('shift.auto_opens')}</p>
      )}
      {failure ? <ErrorBanner error={failure} /> : null}
      {closed ? (
        <div className="shift-closed">
          <ShiftReport shift={closed} />
          <ReconcileOffer onStarted={onChange} />
        </div>
      ) : null}
    </section>
  );
}

/**
 * A cashier with a PIN opens the shift (with cashier PINs on, one without a PIN is not offered:
 * main would refuse them). A cashier locked out by wrong PINs can be let in by the owner's PIN,
 * which also lifts the lockout.
 */
function OpenShiftForm({ onOpened }: { onOpened: () => void }) {
  const { t } = useI18n();
  const [cashiers, setCashiers] = useState<CashierView[] | null>(null);
  const [cashierId, setCashierId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [ownerPin, setOwnerPin] = useState<string | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [float, setFloat] = useState('');

  useEffect(() => {
    void safeCall((api) => api.listCashiers({})).then((result) => {
      if (!result.ok) return setFailure(result.error);
      const withPin = result.value.cashiers.filter((cashier) => !cashier.retired && cashier.hasPin);
      setCashiers(withPin);
      setCashierId(withPin[0]?.id ?? null);
    });
  }, []);

  const open = async () => {
    if (cashierId === null) return;
    const withFloat = { cashierId, float: cashValue(float) ?? 0 };
    const result = await safeCall((api) => api.openShift(ownerPin === null ? { ...withFloat, pin } : { ...withFloat, pin: '', supervisorPin: ownerPin }));
    setPin('');
    if (ownerPin !== null) setOwnerPin('');
    if (result.ok) return onOpened();
    setFailure(result.error);
    if (result.error.code === 'pin_locked_out' && ownerPin === null) setOwnerPin('');
  };

  const choose = (id: number) => {
    setCashierId(id);
    setOwnerPin(null);
    setFailure(null);
  };

  if (cashiers === null) return failure ? <ErrorBanner error={failure} /> : null;
  if (cashiers.length === 0) return <p className="shift-none">{t('shift.no_cashiers_with_pin')}</p>;
  return (
    <form className="shift-open-form" onSubmit={(event) => { event.preventDefault(); void open(); }}>
      <div className="field">
        <label htmlFor="shift-cashier">{t('shift.cashier')}</label>
        <select id="shift-cashier" value={cashierId ?? ''} onChange={(event) => choose(Number(event.target.value))}>
          {cashiers.map((cashier) => (
            <option key={cashier.id} value={cashier.id}>{cashier.name}</option>
          ))}
        </select>
      </div>
      <CashField label={t('drawer.float_amount')} value={float} onChange={setFloat} testId="open-float" />
      {ownerPin === null ? (
        <PinField label={t('shift.pin')} value={pin} onChange={setPin} />
      ) : (
        <>
          <p className="field-hint">{t('shift.locked_out_help')}</p>
          <PinField label={t('shift.owner_opens_pin')} value={ownerPin} onChange={setOwnerPin} />
        </>
      )}
      <button type="submit" className="button button-primary">{t(ownerPin === null ? 'shift.open' : 'shift.open_with_owner')}</button>
      {failure ? <ErrorBanner error={failure} /> : null}
    </form>
  );
}
