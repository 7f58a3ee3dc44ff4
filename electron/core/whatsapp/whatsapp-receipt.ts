import { formatRupiah } from '../../../shared/money.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { whatsAppLink, whatsAppNumber } from '../../../shared/whatsapp.ts';
import { PosError } from '../errors.ts';
import type { Receipt } from '../receipts/receipt-model.ts';

/**
 * The receipt as a WhatsApp message: the shop, when, the amount, the state and both numbers
 * (the shop's and Paypro's), in Indonesian like the printed receipt; Paypro's proof of payment
 * (a PDF link) when there is one.
 */
export function whatsAppReceiptText(receipt: Receipt, proofUrl: string | null = null): string {
  const lines = [
    `*${receipt.shopName}*`,
    `Struk pembayaran QRIS`,
    `Waktu: ${receipt.paidAt}`,
    `Jumlah: ${formatRupiah(receipt.amount)}`,
    `Status: ${receipt.status}`,
  ];
  if (receipt.received !== null) lines.push(`Diterima: ${formatRupiah(receipt.received)}`);
  if (receipt.outstanding !== null && receipt.outstanding > 0) lines.push(`Kurang: ${formatRupiah(receipt.outstanding)}`);
  lines.push(`No. transaksi: ${receipt.tradeNo}`);
  if (receipt.platformTradeNo) lines.push(`No. Paypro: ${receipt.platformTradeNo}`);
  if (proofUrl) lines.push(`Bukti pembayaran: ${proofUrl}`);
  if (receipt.training) lines.push('LATIHAN — BUKAN BUKTI PEMBAYARAN');
  lines.push('Terima kasih.');
  return lines.join('\n');
}

/**
 * Where a sale's receipt goes: the mobile the cashier typed, as a WhatsApp number; refused
 * (`whatsapp.no_mobile`) without one (the view carries no other: the shop's contact sent to Paypro
 * is not the customer's).
 */
export function receiptWhatsAppNumber(payment: PaymentView): string {
  const number = whatsAppNumber(payment.customer.mobile);
  if (number === null) throw new PosError('whatsapp.no_mobile', { detail: `${payment.tradeNo} has no customer mobile` });
  return number;
}

/** The wa.me link for a sale's receipt, with Paypro's proof of payment when there is one. */
export function whatsAppReceiptLink(payment: PaymentView, receipt: Receipt, proofUrl: string | null): string {
  return whatsAppLink(receiptWhatsAppNumber(payment), whatsAppReceiptText(receipt, proofUrl));
}
