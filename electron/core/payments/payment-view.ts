import {
  counterStateFor,
  MAX_PAYMENT_URL_LENGTH,
  PAYMENT_URL_TOO_LONG,
  type PaidLate,
  type PaymentView,
  type QrDisplay,
} from '../../../shared/payment.ts';
import { displaySafe } from '../../../shared/display-text.ts';
import { checkQrisForCharge } from '../../../shared/qris/check.ts';
import type { PaymentRecord } from '../ledger/ledger.ts';

/**
 * A ledger record as the renderer sees it, with the QR integrity verdict made here in main.
 * `paidLate`: from the day book's stamps (paidLateFrom), which the payment record does not carry.
 */
export function toPaymentView(record: PaymentRecord, paidLate: PaidLate): PaymentView {
  const qr = qrDisplayFor(record);
  return {
    tradeNo: record.tradeNo,
    platformTradeNo: record.platformTradeNo,
    amount: record.amount,
    paidAmount: record.paidAmount,
    state: record.state,
    counterState: counterStateFor(record.state, qr),
    gatewayStatus: record.gatewayStatus,
    customer: { name: record.customerName, mobile: record.customerMobile, email: record.customerEmail },
    qr,
    paymentUrl: record.paymentUrl,
    errorCode: record.errorCode,
    errorDetail: record.errorDetail,
    environment: record.environment,
    paidLate,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    expiresAt: record.expiresAt,
  };
}

/** Whether a sale was paid late, and after what, from the day book's `late_at` and `voided_at`. */
export function paidLateFrom(lateAt: number | null, voidedAt: number | null): PaidLate {
  if (lateAt === null) return null;
  return voidedAt === null ? 'after_close' : 'after_cancel';
}

/**
 * What may be put in front of the customer (design.md, lifecycle step 4): the gateway's QRIS
 * code only when it parses, its CRC holds and it asks for exactly the amount charged, with no
 * surcharge; otherwise the cashier is told why and no scannable code is shown. Without a QRIS
 * code the hosted payment page's URL may be shown as a QR instead.
 */
export function qrDisplayFor(record: Pick<PaymentRecord, 'qrString' | 'paymentUrl' | 'amount'>): QrDisplay {
  if (record.qrString) {
    const checked = checkQrisForCharge(record.qrString, record.amount);
    // The detail quotes the payload (tag values): shown to the cashier, so made safe to show.
    if (!checked.ok) return { kind: 'integrity_error', code: checked.error.code, detail: displaySafe(checked.error.detail) };
    return { kind: 'qris', payload: record.qrString, merchantName: checked.value.merchantNameDisplay };
  }
  if (record.paymentUrl && record.paymentUrl.length > MAX_PAYMENT_URL_LENGTH) {
    const detail = `the payment URL has ${record.paymentUrl.length} characters, more than ${MAX_PAYMENT_URL_LENGTH}`;
    return { kind: 'integrity_error', code: PAYMENT_URL_TOO_LONG, detail };
  }
  if (record.paymentUrl && isWebUrl(record.paymentUrl)) return { kind: 'payment_url', payload: record.paymentUrl };
  return { kind: 'none' };
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
