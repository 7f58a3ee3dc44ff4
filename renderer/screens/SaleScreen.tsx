import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import type { FieldError, IpcError, SettingsView } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { validateAmount, validateEmail, validateMobile, validateName } from '../../shared/validation.ts';
import { amountReducer, displayAmount, type AmountAction } from '../app/amount.ts';
import { useConnectionLevel } from '../app/connection.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { saleFieldOf, type SaleFormField } from '../app/saleFields.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Keypad } from '../components/Keypad.tsx';
import { TextField } from '../components/TextField.tsx';

type Props = {
  view: SettingsView;
  onCharged: (payment: PaymentView) => void;
  onOpenSettings: () => void;
};

type Customer = { name: string; mobile: string; email: string };
type FieldErrors = Partial<Record<SaleFormField, FieldError>>;

/**
 * The busy look (locked fields, "Menagih…") appears only when a charge takes longer than this: a
 * fast answer then reads as instant, with no flash of it, and the QR is not held back by painting
 * it. Input is refused from the first moment either way.
 */
const BUSY_LOOK_DELAY_MS = 150;

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

export function SaleScreen({ view, onCharged, onOpenSettings }: Props) {
  const { t, tc } = useI18n();
  const [digits, dispatch] = useReducer(amountReducer, '');
  const [customer, setCustomer] = useState<Customer>({ name: '', mobile: '', email: '' });
  const [showCustomer, setShowCustomer] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Errors are shown for a field once the cashier has left it or tried to charge.
  const [touched, setTouched] = useState<Partial<Record<SaleFormField, boolean>>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  /** The busy look is on (a charge is taking long); `inFlight` is what refuses input. */
  const [charging, setCharging] = useState(false);
  const inFlight = useRef(false);
  const amountRef = useRef<HTMLInputElement>(null);

  useEffect(() => amountRef.current?.focus(), []);

  const recheck = (field: SaleFormField, value: string, force = false) => {
    if (!force && !touched[field] && !errors[field]) {
      // Not yet shown: only an amount over the limit is worth saying while typing.
      if (field !== 'amount') return;
      const error = checkField(field, value, view);
      if (error?.code !== 'amount.above_max') {
        setErrors((current) => ({ ...current, amount: undefined }));
        return;
      }
    }
    const error = checkField(field, value, view);
    setErrors((current) => ({ ...current, [field]: error ?? undefined }));
  };

  const onAmount = (action: AmountAction) => {
    if (inFlight.current) return;
    const next = amountReducer(digits, action);
    dispatch(action);
    setFailure(null);
    if (next !== '') recheck('amount', next);
  };

  const onCustomer = (field: Exclude<SaleFormField, 'amount'>, value: string) => {
    if (inFlight.current) return;
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

  const submit = async (event?: FormEvent, offlineConfirmed = false) => {
    event?.preventDefault();
    if (inFlight.current) return; // a second Enter while charging does nothing
    const all: FieldErrors = {};
    for (const field of ['amount', 'name', 'mobile', 'email'] as const) {
      const error = checkField(field, field === 'amount' ? digits : customer[field], view);
      if (error) all[field] = error;
    }
    setTouched({ amount: true, name: true, mobile: true, email: true });
    setErrors(all);
    if (Object.keys(all).length > 0) {
      if (!all.amount) setShowCustomer(true);
      focusFirstError(all);
      return;
    }
    if (connection === 'unreachable' && !offlineConfirmed) {
      setOfflineWarning(true);
      return;
    }
    inFlight.current = true;
    const busyLook = setTimeout(() => setCharging(true), BUSY_LOOK_DELAY_MS);
    setFailure(null);
    const trimmed = Object.fromEntries(Object.entries(customer).filter(([, value]) => value.trim() !== ''));
    const result = await safeCall((api) =>
      api.charge({ amount: Number(digits), ...(Object.keys(trimmed).length > 0 ? { customer: trimmed } : {}) }),
    );
    clearTimeout(busyLook);
    inFlight.current = false;
    setCharging(false);
    if (result.ok) {
      onCharged(result.value);
      return;
    }
    if (result.error.code === 'validation' && result.error.fields) {
      const fromMain: FieldErrors = {};
      for (const [key, error] of Object.entries(result.error.fields)) {
        const field = saleFieldOf(key);
        if (field) fromMain[field] = error;
      }
      setErrors(fromMain);
      if (fromMain.name || fromMain.mobile || fromMain.email) setShowCustomer(true);
      if (Object.keys(fromMain).length === Object.keys(result.error.fields).length) {
        focusFirstError(fromMain);
        return;
      }
    }
    setFailure(result.error);
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
  const defaults = view.settings.defaultCustomer;

  return (
    <form className="sale" onSubmit={(event) => void submit(event)} noValidate aria-busy={charging}>
      <h1 className="visually-hidden">{t('sale.heading')}</h1>
      <div className="sale-entry">
        <div className={`amount-field${errors.amount ? ' field-invalid' : ''}`}>
          <label htmlFor="sale-amount">{t('sale.amount.label')}</label>
          <div className="amount-box">
            <span className="amount-currency" aria-hidden="true">
              {t('sale.amount.currency')}
            </span>
            <input
              id="sale-amount"
              ref={amountRef}
              className="amount-input"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={displayAmount(digits)}
              placeholder="0"
              readOnly={charging}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? 'sale-amount-error' : 'sale-amount-hint'}
              onChange={(event) => onAmount({ type: 'text', text: event.target.value })}
              onBlur={() => blur('amount', digits)}
            />
          </div>
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
                placeholder={t('sale.customer.default', { value: defaults.name })}
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
                placeholder={t('sale.customer.default', { value: defaults.mobile })}
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
                placeholder={t('sale.customer.default', { value: defaults.email })}
                error={message('email')}
                onChange={(event) => onCustomer('email', event.target.value)}
                onBlur={(event) => blur('email', event.target.value)}
                readOnly={charging}
              />
            </div>
          ) : null}
        </div>

        {failure ? (
          <ErrorBanner error={failure}>
            {failure.code === 'not_configured' ? (
              <button type="button" className="button button-secondary" onClick={onOpenSettings}>
                {t('sale.open_settings')}
              </button>
            ) : null}
          </ErrorBanner>
        ) : null}

        <button type="submit" className="button button-primary button-charge" disabled={charging}>
          {t('sale.charge')}
          <kbd aria-hidden="true">{t('sale.charge_key')}</kbd>
        </button>
        <p className="sale-progress" role="status">
          {charging ? t('sale.charging') : ''}
        </p>
      </div>
      <Keypad onKey={onAmount} disabled={charging} />
      {offlineWarning ? (
        <ConfirmDialog
          title={t('offline.title')}
          body={t('offline.body')}
          confirmLabel={t('offline.confirm')}
          dismissLabel={t('offline.dismiss')}
          onConfirm={() => {
            setOfflineWarning(false);
            void submit(undefined, true);
          }}
          onDismiss={() => setOfflineWarning(false)}
        />
      ) : null}
    </form>
  );
}
