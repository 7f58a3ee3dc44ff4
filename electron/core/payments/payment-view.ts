import {
  counterStateFor,
  MAX_PAYMENT_URL_LENGTH,
  PAYMENT_URL_NOT_HTTPS,
  PAYMENT_URL_TOO_LONG,
  type PaidLate,
  type PaymentView,
  type QrDisplay,
  type SaleOfPayment,
} from '../../../shared/payment.ts';
import { receivedOf } from '../day/report.ts';
import type { SalePayment } from '../ledger/records.ts';
import { displaySafe } from '../../../shared/display-text.ts';
import { checkQrisForCharge } from '../../../shared/qris/check.ts';
import type { PaymentRecord } from '../ledger/ledger.ts';

/**
 * A ledger record as the renderer sees it, with the QR integrity verdict made here in main, and
 * the sale it belongs to when that is more than this one QRIS payment (`salePayments`, issue 22).
 * `paidLate`: from the day book's stamps (paidLateFrom), and `cashier` from its shifts
 * (namedCashierOf), which the payment record does not carry.
 */
export function toPaymentView(
  record: PaymentRecord,
  paidLate: PaidLate,
  salePayments: readonly SalePayment[] = [],
  cashier: string | null = null,
): PaymentView {
  const qr = qrDisplayFor(record);
  const sale = saleOf(salePayments);
  return {
    ...(sale === undefined ? {} : { sale }),
    tradeNo: record.tradeNo,
    platformTradeNo: record.platformTradeNo,
    amount: record.amount,
    paidAmount: record.paidAmount,
    overpaidAmount: record.overpaidAmount,
    state: record.state,
    counterState: counterStateFor(record.state, qr),
    gatewayStatus: record.gatewayStatus,
    // Only what the cashier typed: the shop's contact sent in its place is nobody to print or message.
    customer: {
      name: record.customerTyped.name ? record.customerName : '',
      mobile: record.customerTyped.mobile ? record.customerMobile : '',
      email: record.customerTyped.email ? record.customerEmail : '',
    },
    cashier,
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

/** The sale of these payments (its first one first); none for a sale of one QRIS payment. */
export function saleOf(payments: readonly SalePayment[]): SaleOfPayment | undefined {
  const [first] = payments;
  if (first === undefined || (payments.length === 1 && first.method === 'qris')) return undefined;
  const received = payments.reduce((sum, payment) => sum + receivedOf(payment), 0);
  return {
    tradeNo: first.tradeNo,
    amount: first.amount,
    payments: payments.map(({ tradeNo, platformTradeNo, method, state, amount, paidAmount, cashTendered, cashChange }) => ({
      tradeNo, platformTradeNo, method, state, amount, paidAmount, cashTendered, cashChange,
    })),
    received,
    outstanding: Math.max(0, first.amount - received),
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
 * code the hosted payment page's URL may be shown as a QR instead — in live mode only an https:
 * one (a plain http: page can be read and changed on its way to the customer's phone); training's
 * simulator serves its pages over http: on this computer.
 */
export function qrDisplayFor(record: Pick<PaymentRecord, 'qrString' | 'paymentUrl' | 'amount' | 'environment'>): QrDisplay {
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
  const protocol = record.paymentUrl ? protocolOf(record.paymentUrl) : null;
  if (protocol === 'http:' && record.environment === 'live') {
    return { kind: 'integrity_error', code: PAYMENT_URL_NOT_HTTPS, detail: 'the payment URL is http:, not https:' };
  }
  if (record.paymentUrl && (protocol === 'https:' || protocol === 'http:')) return { kind: 'payment_url', payload: record.paymentUrl };
  return { kind: 'none' };
}

function protocolOf(text: string): string | null {
  try {
    return new URL(text).protocol;
  } catch {
    return null;
  }
}
