import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { whatsAppNumber } from '../../shared/whatsapp.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';

type Props = {
  payment: Pick<PaymentView, 'tradeNo' | 'state' | 'customer'>;
  onFailure: (error: IpcError) => void;
  /** In a table row: the visible label is just "WhatsApp" (the accessible name stays whole). */
  short?: boolean;
};

/**
 * "Kirim struk via WhatsApp": on a paid or partly paid sale whose cashier typed the customer's
 * mobile (the view carries no other). Main
 * writes the message and opens wa.me; the web preview (no main process) opens the link itself.
 */
export function WhatsAppReceiptButton({ payment, onFailure, short = false }: Props) {
  const { t } = useI18n();
  const receiptable = payment.state === 'paid' || payment.state === 'partially_paid';
  if (!receiptable || whatsAppNumber(payment.customer.mobile) === null) return null;

  const send = async () => {
    const result = await safeCall((api) => api.sendReceiptWhatsApp({ tradeNo: payment.tradeNo }));
    if (!result.ok) return onFailure(result.error);
    if (!result.value.opened) window.open(result.value.url, '_blank', 'noopener,noreferrer');
  };

  return (
    <button
      type="button"
      className="button button-small button-secondary"
      aria-label={t('whatsapp.send_label', { tradeNo: payment.tradeNo })}
      onClick={() => void send()}
    >
      {t(short ? 'whatsapp.send_short' : 'whatsapp.send')}
    </button>
  );
}
