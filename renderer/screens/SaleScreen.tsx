import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import type { FieldError, IpcError, SettingsView } from '../../shared/ipc-contract.ts';
import { validateAmount, validateEmail, validateMobile, validateName } from '../../shared/validation.ts';
import { amountMayBeUnfinished, amountReducer, type AmountAction } from '../app/amount.ts';
import { useConnectionLevel } from '../app/connection.ts';
import { useI18n } from '../app/i18n.tsx';
import { saleFieldOf, type SaleFormField } from '../app/saleFields.ts';
import type { Charge } from '../app/useCharge.ts';
import { useFitText } from '../app/useFitText.ts';
import { AmountBox } from '../components/AmountBox.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Keypad } from '../components/Keypad.tsx';
import { TextField } from '../components/TextField.tsx';
import './sale.css';
import { CashDialog } from '../cash/CashDialog.tsx';
import { useCashKey } from '../cash/SalePayments.tsx';
import type { PaymentView } from '../../shared/payment.ts';
import { safeCall } from '../app/pos.ts';

type Props = {
  view: SettingsView;
  /** The charge in flight (or just refused) lives in the shell, so leaving this screen keeps it. */
  charge: Charge;
  onOpenSettings: () => void;
  /** A cash sale was recorded (issue 22): show its result. */
  onPaid: (payment: PaymentView) => void;
};

type Customer = { name: string; mobile: string; email: string };
type FieldErrors = Partial<Record<SaleFormField, FieldError>>;

/**
 * The busy look (locked fields, "Menagih…") appears only when a charge takes longer than this: a
 * fast answer then reads as instant, with no flash of it, and the QR is not held back by painting
 * it. Input is refused from the first moment either way.
 */
const BUSY_LOOK_DELAY_MS = 150;

/** Amount errors shown as soon as they are typed; the rest wait until Enter or leaving the field. */
const SAID_WHILE_TYPING: ReadonlySet<string> = new Set([
  'amount.above_max',
  'amount.not_whole',
  'amount.bad_grouping',
  'amount.not_a_number',
]);

/** The shared rule for one field, on what the cashier typed ('' for an optional field is fine). */
function checkField(field: SaleFormField, value: string, view: SettingsView): FieldError | null {
  if (field !== 'amount' && value.trim() === '') return null;
  const result =
    field === 'amount'
      ? validateAmount(value, view.settings.limits)
      : field === 'mobile'
        ? validateMobile(value)
        : field === 'email'
          ? validateEmail(value)
          : validateName(value);
  return result.ok ? null : result.error;
}

export function SaleScreen({ view, charge, onOpenSettings, onPaid }: Props) {
  const { t, tc } = useI18n();
  // Back from another screen mid-charge: the sale being charged is shown again, as typed.
  const draft = charge.state?.draft;
  const [amountText, dispatch] = useReducer(amountReducer, draft?.amountText ?? '');
  const [customer, setCustomer] = useState<Customer>(draft?.customer ?? { name: '', mobile: '', email: '' });
  const [showCustomer, setShowCustomer] = useState(() => Object.values(customer).some((value) => value !== ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  // Errors are shown for a field once the cashier has left it or tried to charge.
  const [touched, setTouched] = useState<Partial<Record<SaleFormField, boolean>>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  /** The busy look is on (a charge is taking long); `charge.inFlight()` is what refuses input. */
  const [charging, setCharging] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => amountRef.current?.focus(), []);
  // With the customer fields open the refusal lands below them: brought into view, clear of the Tagih bar.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'center' });
  }, [failure]);
  useFitText(amountRef, amountText);

  const chargeState = charge.state;
  useEffect(() => {
    if (chargeState?.phase !== 'charging') {
      setCharging(false);
      return;
    }
    const waited = Date.now() - chargeState.startedAt;
    const busyLook = setTimeout(() => setCharging(true), Math.max(0, BUSY_LOOK_DELAY_MS - waited));
    return () => clearTimeout(busyLook);
  }, [chargeState]);

  // Main refused the sale (here or while the cashier was on another screen): show why.
  const { failureShown } = charge;
  useEffect(() => {
    if (chargeState?.phase !== 'failed') return;
    showRefusal(chargeState.error);
    failureShown();
  }, [chargeState, failureShown]);

  const recheck = (field: SaleFormField, value: string, force = false) => {
    if (!force && !touched[field] && !errors[field]) {
      // Not yet shown: only an amount over the limit or text that is no amount (`15.000,5`) is
      // worth saying while typing; `25.` on its way to `25.000` is not.
      if (field !== 'amount') return;
      const error = checkField(field, value, view);
      if (!error || !SAID_WHILE_TYPING.has(error.code) || amountMayBeUnfinished(value)) {
        setErrors((current) => ({ ...current, amount: undefined }));
        return;
      }
    }
    const error = checkField(field, value, view);
    setErrors((current) => ({ ...current, [field]: error ?? undefined }));
  };

  const onAmount = (action: AmountAction) => {
    if (charge.inFlight()) return;
    const next = amountReducer(amountText, action);
    dispatch(action);
    setFailure(null);
    if (next !== '') recheck('amount', next);
  };

  const onCustomer = (field: Exclude<SaleFormField, 'amount'>, value: string) => {
    if (charge.inFlight()) return;
    setCustomer((current) => ({ ...current, [field]: value }));
    if (touched[field] || errors[field]) recheck(field, value, true);
  };

  const blur = (field: SaleFormField, value: string) => {
    if (field === 'amount' && value === '') return; // leaving an empty amount is not an error yet
    setTouched((current) => ({ ...current, [field]: true }));
    recheck(field, value, true);
  };

  // A QR cannot be paid while Paypro is unreachable: the cashier is asked before charging.
  const connection = useConnectionLevel();
  const [offlineWarning, setOfflineWarning] = useState(false);

  /** The sale as typed, checked by the shared rules; null (errors shown, focus on the first) when it is not valid. */
  const validSale = (): { amount: number; customer?: Record<string, string> } | null => {
    const all: FieldErrors = {};
    for (const field of ['amount', 'name', 'mobile', 'email'] as const) {
      const error = checkField(field, field === 'amount' ? amountText : customer[field], view);
      if (error) all[field] = error;
    }
    const amount = validateAmount(amountText, view.settings.limits);
    setTouched({ amount: true, name: true, mobile: true, email: true });
    setErrors(all);
    if (!amount.ok || Object.keys(all).length > 0) {
      if (!all.amount) setShowCustomer(true);
      focusFirstError(all);
      return null;
    }
    const trimmed = Object.fromEntries(Object.entries(customer).filter(([, value]) => value.trim() !== ''));
    return { amount: amount.value, ...(Object.keys(trimmed).length > 0 ? { customer: trimmed } : {}) };
  };

  const submit = (event?: FormEvent, offlineConfirmed = false) => {
    event?.preventDefault();
    if (charge.inFlight()) return; // a second Enter while charging does nothing
    const sale = validSale();
    if (sale === null) return;
    if (connection === 'unreachable' && !offlineConfirmed) {
      setOfflineWarning(true);
      return;
    }
    setFailure(null);
    charge.start(sale, { amountText, customer });
  };

  // Tunai (F8, issue 22): the same checked sale, paid in cash; no gateway, so no offline question.
  const [cashSale, setCashSale] = useState<{ amount: number; customer?: Record<string, string> } | null>(null);
  const openCash = () => {
    if (charge.inFlight()) return;
    const sale = validSale();
    if (sale !== null) setCashSale(sale);
  };
  useCashKey(cashSale === null && !charging, openCash);

  const showRefusal = (error: IpcError) => {
    if (error.code === 'validation' && error.fields) {
      const fromMain: FieldErrors = {};
      for (const [key, fieldError] of Object.entries(error.fields)) {
        const field = saleFieldOf(key);
        if (field) fromMain[field] = fieldError;
      }
      setErrors(fromMain);
      if (fromMain.name || fromMain.mobile || fromMain.email) setShowCustomer(true);
      if (Object.keys(fromMain).length === Object.keys(error.fields).length) {
        focusFirstError(fromMain);
        return;
      }
    }
    setFailure(error);
  };

  const focusFirstError = (all: FieldErrors) => {
    const first = (['amount', 'name', 'mobile', 'email'] as const).find((field) => all[field]);
    if (first === 'amount') amountRef.current?.focus();
    else if (first) requestAnimationFrame(() => document.getElementById(`sale-${first}`)?.focus());
  };

  const message = (field: SaleFormField) => {
    const error = errors[field];
    return error ? tc(error.code, error.params) : null;
  };

  return (
    <form className="sale" onSubmit={submit} noValidate aria-busy={charging}>
      <h1 className="visually-hidden">{t('sale.heading')}</h1>
      <div className="sale-entry">
        <div className={`amount-field${errors.amount ? ' field-invalid' : ''}`}>
          <label htmlFor="sale-amount">{t('sale.amount.label')}</label>
          <AmountBox
            id="sale-amount"
            inputRef={amountRef}
            value={amountText}
            readOnly={charging}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={errors.amount ? 'sale-amount-error' : 'sale-amount-hint'}
            onChange={(event) => onAmount({ type: 'text', text: event.target.value })}
            onBlur={() => blur('amount', amountText)}
          />
          {errors.amount ? (
            <p id="sale-amount-error" className="field-error">
              {message('amount')}
            </p>
          ) : (
            <p id="sale-amount-hint" className="field-hint">
              {t('sale.amount.hint')}
            </p>
          )}
        </div>

        <div className="customer">
          <button
            type="button"
            className="disclosure"
            aria-expanded={showCustomer}
            aria-controls="sale-customer"
            onClick={() => setShowCustomer((open) => !open)}
          >
            {t('sale.customer.toggle')}
          </button>
          {showCustomer ? (
            <div id="sale-customer" className="customer-fields">
              <p className="field-hint">{t('sale.customer.help')}</p>
              <TextField
                id="sale-name"
                label={t('sale.customer.name')}
                name="name"
                autoComplete="off"
                value={customer.name}
                error={message('name')}
                onChange={(event) => onCustomer('name', event.target.value)}
                onBlur={(event) => blur('name', event.target.value)}
                readOnly={charging}
              />
              <TextField
                id="sale-mobile"
                label={t('sale.customer.mobile')}
                name="mobile"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                value={customer.mobile}
                error={message('mobile')}
                onChange={(event) => onCustomer('mobile', event.target.value)}
                onBlur={(event) => blur('mobile', event.target.value)}
                readOnly={charging}
              />
              <TextField
                id="sale-email"
                label={t('sale.customer.email')}
                name="email"
                type="email"
                autoComplete="off"
                value={customer.email}
                error={message('email')}
                onChange={(event) => onCustomer('email', event.target.value)}
                onBlur={(event) => blur('email', event.target.value)}
                readOnly={charging}
              />
            </div>
          ) : null}
        </div>

        {failure ? (
          <div ref={failureRef}>
            <ErrorBanner error={failure}>
              {failure.code === 'not_configured' || failure.code === 'payment.shop_contact_missing' ? (
                <button type="button" className="button button-secondary" onClick={onOpenSettings}>
                  {t('sale.open_settings')}
                </button>
              ) : null}
            </ErrorBanner>
          </div>
        ) : null}

        <button type="submit" className="button button-primary button-charge" disabled={charging}>
          {t('sale.charge')}
          <kbd aria-hidden="true">{t('sale.charge_key')}</kbd>
        </button>
        <button type="button" className="button button-secondary button-cash" disabled={charging} aria-keyshortcuts="F8" onClick={openCash}>
          {t('cashSale.button')}
          <kbd aria-hidden="true">{t('cashSale.key')}</kbd>
        </button>
        <p className="sale-progress" role="status">
          {charging ? t('sale.charging') : ''}
        </p>
      </div>
      <Keypad onKey={onAmount} disabled={charging} />
      {cashSale ? (
        <CashDialog
          amount={cashSale.amount}
          pay={(tendered) => safeCall((api) => api.payCash({ ...cashSale, tendered }))}
          onPaid={(payment) => {
            setCashSale(null);
            onPaid(payment);
          }}
          onDismiss={() => setCashSale(null)}
        />
      ) : null}
      {offlineWarning ? (
        <ConfirmDialog
          title={t('offline.title')}
          body={t('offline.body')}
          confirmLabel={t('offline.confirm')}
          dismissLabel={t('offline.dismiss')}
          onConfirm={() => {
            setOfflineWarning(false);
            submit(undefined, true);
          }}
          onDismiss={() => setOfflineWarning(false)}
        />
      ) : null}
    </form>
  );
}
