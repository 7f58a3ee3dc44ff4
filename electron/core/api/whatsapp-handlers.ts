import type { PaymentView } from '../../../shared/payment.ts';
import type { ReceiptService } from '../receipts/receipt-service.ts';
import { allowedExternalUrl, type ExternalOpener } from '../whatsapp/external-links.ts';
import { receiptWhatsAppNumber, whatsAppReceiptLink } from '../whatsapp/whatsapp-receipt.ts';
import { PosError } from '../errors.ts';
import type { IpcHandlers } from './router.ts';

export const WHATSAPP_CALLS = ['sendReceiptWhatsApp'] as const;
export type WhatsAppCallName = (typeof WHATSAPP_CALLS)[number];

/**
 * "Kirim struk via WhatsApp": main writes the message from the ledger (the renderer names only the
 * sale) and opens it through the one allow-listed opener. Without one (the web preview) the link
 * is answered for the page to open.
 */
export function createWhatsAppHandlers(deps: {
  receipts: ReceiptService;
  payment: (tradeNo: string) => PaymentView;
  /** Paypro's proof-of-payment URL for the sale, or null (proof-of-payment.ts: bounded, never throws). */
  proofUrl: (payment: PaymentView) => Promise<string | null>;
  opener?: ExternalOpener;
}): Pick<IpcHandlers, WhatsAppCallName> {
  return {
    sendReceiptWhatsApp: async ({ tradeNo }) => {
      const payment = deps.payment(tradeNo);
      const receipt = deps.receipts.model(tradeNo);
      // Refused before Paypro is asked: no proof is fetched for a sale with nobody to send it to.
      receiptWhatsAppNumber(payment);
      const url = whatsAppReceiptLink(payment, receipt, await deps.proofUrl(payment));
      // Checked here too: a link that the opener would refuse is a bug, not the cashier's problem.
      if (allowedExternalUrl(url) === null) throw new PosError('external.not_allowed', { detail: url.slice(0, 80) });
      if (deps.opener === undefined) return { opened: false, url };
      await deps.opener.open(url);
      return { opened: true, url };
    },
  };
}
