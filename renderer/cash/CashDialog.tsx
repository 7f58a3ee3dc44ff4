import { useEffect, useId, useRef, useState } from 'react';
import type { IpcError, IpcResult } from '../../shared/ipc-contract.ts';
import { changeFor, quickTenders } from '../../shared/cash.ts';
import { formatRupiah, groupRupiah, parseRupiahText } from '../../shared/money.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { AmountBox } from '../components/AmountBox.tsx';
import { AmountText } from '../components/AmountText.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import './cash.css';

type Props = {
  /** What the customer pays in cash (the sale, or what it still owes). */
  amount: number;
  /** The sale has an open QR: say that it is cancelled first. */
  cancelsQr?: boolean;
  /** Records the cash in main (payCash); the dialog stays open on a refusal and says why. */
  pay: (tendered: number) => Promise<IpcResult<PaymentView>>;
  onPaid: (payment: PaymentView) => void;
  onDismiss: () => void;
};

/**
 * "Tunai" (issue 22): the amount, what the customer hands over (typed, or a quick button: uang pas
 * and the next round notes), the change shown large, Enter to take the cash, Esc to go back.
 * Keyboard only: the tender field has the focus; digits type, F9–F12 (or a click) fill in a quick
 * tender, Enter confirms. A tender below the amount cannot be confirmed (main refuses it too).
 */
export function CashDialog({ amount, cancelsQr = false, pay, onPaid, onDismiss }: Props) {
  const { t, tc } = useI18n();
  const titleId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const busyRef = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const quick = quickTenders(amount);
  const parsed = parseRupiahText(text);
  const tendered = parsed.ok ? parsed.value : null;
  const change = tendered === null ? null : changeFor(amount, tendered);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const confirm = async (value: number | null) => {
    if (value === null || busyRef.current || !changeFor(amount, value).ok) return;
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    const result = await pay(value);
    busyRef.current = false;
    setBusy(false);
    if (result.ok) onPaid(result.value);
    else setFailure(result.error);
  };

  // The key handler reads the newest tender without re-subscribing on every keystroke.
  const confirmTyped = useRef(() => {});
  confirmTyped.current = () => void confirm(tendered);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const quickIndex = ['F9', 'F10', 'F11', 'F12'].indexOf(event.key);
      if (event.key === 'Enter') {
        // Enter is this dialog's alone: the screen behind must not also take it (a new sale).
        // A focused button other than the confirm one (Kembali, a quick tender) answers it itself.
        event.stopPropagation();
        if (event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        confirmTyped.current();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        if (!busyRef.current) onDismiss();
      } else if (quickIndex >= 0 && quick[quickIndex] !== undefined) {
        event.preventDefault();
        event.stopPropagation();
        setText(groupRupiah(quick[quickIndex]));
      }
    };
    // Capture phase: the dialog answers before the screen behind it sees the key.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onDismiss, quick]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog cash-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-busy={busy}>
        <h2 id={titleId}>{t('cashSale.title')}</h2>
        <p className="cash-due">
          <span>{t('cashSale.amount')}</span>
          <AmountText amount={amount} className="cash-due-amount" />
        </p>
        {cancelsQr ? <p className="field-hint">{t('cashSale.cancels_qr')}</p> : null}
        <label htmlFor="cash-tendered">{t('cashSale.tendered')}</label>
        <AmountBox
          id="cash-tendered"
          className="cash-tendered-box"
          inputRef={inputRef}
          value={text}
          readOnly={busy}
          aria-describedby="cash-change"
          onChange={(event) => {
            setFailure(null);
            setText(event.target.value);
          }}
        />
        <div className="cash-quick" role="group" aria-label={t('cashSale.quick')}>
          {quick.map((value, index) => (
            <button
              key={value}
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => {
                setText(groupRupiah(value));
                inputRef.current?.focus();
              }}
            >
              {index === 0 ? t('cashSale.exact') : groupRupiah(value)}
              <kbd aria-hidden="true">{`F${9 + index}`}</kbd>
            </button>
          ))}
        </div>
        <div id="cash-change" className="cash-change" role="status" aria-live="polite">
          {change === null ? (
            <span className="cash-change-label">{text.trim() === '' ? t('cashSale.type_tendered') : tc('cashSale.tender_invalid')}</span>
          ) : change.ok ? (
            <>
              <span className="cash-change-label">{t('cashSale.change')}</span>
              <AmountText amount={change.change} className="cash-change-amount" />
            </>
          ) : (
            <span className="cash-short">{t('cashSale.short', { amount: formatRupiah(change.short) })}</span>
          )}
        </div>
        {failure ? <ErrorBanner error={failure} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={onDismiss}>
            {t('cashSale.back')}
            <kbd aria-hidden="true">Esc</kbd>
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || change === null || !change.ok}
            onClick={() => void confirm(tendered)}
          >
            {t('cashSale.confirm')}
            <kbd aria-hidden="true">Enter</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
