import type { PaymentMethod, PaymentState } from '../../../shared/payment.ts';

export type { PaymentMethod } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';
import type { CustomerTyped } from '../../../shared/validation.ts';

/** One payment as the ledger keeps it. Amounts are whole rupiah; times are epoch milliseconds. */
export interface PaymentRecord {
  tradeNo: string;
  platformTradeNo: string | null;
  amount: number;
  /** At most `amount`: what counts as received. */
  paidAmount: number | null;
  /** What the gateway reported paid beyond the charge (never counted as received); null: none. */
  overpaidAmount: number | null;
  state: PaymentState;
  gatewayStatus: string | null;
  customerName: string;
  customerMobile: string;
  customerEmail: string;
  /** Which customer fields the cashier typed (schema 11); the others hold the shop's contact, or nothing for cash. */
  customerTyped: CustomerTyped;
  qrString: string | null;
  paymentUrl: string | null;
  errorCode: string | null;
  errorDetail: string | null;
  environment: Environment;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** What is known before any network I/O; recorded in state 'creating'. */
export type NewPayment = Omit<PaymentRecord, MutableField | 'updatedAt'> & {
  /** A follow-up charge ("Tagih sisa"): the trade number of the sale's first payment. */
  saleTradeNo?: string;
};


/** Cash handed over at the counter: recorded paid at once, never sent to a gateway. */
export interface NewCashPayment {
  tradeNo: string;
  amount: number;
  tendered: number;
  customerName: string;
  customerMobile: string;
  customerEmail: string;
  customerTyped: CustomerTyped;
  environment: Environment;
  createdAt: number;
  /** The sale's first payment when this cash pays the rest of (or replaces the QR of) a sale. */
  saleTradeNo?: string;
}

/** One payment of a sale (schema 5): the sale's first payment or one of its follow-ups. */
export interface SalePayment {
  tradeNo: string;
  platformTradeNo: string | null;
  method: PaymentMethod;
  state: PaymentState;
  amount: number;
  paidAmount: number | null;
  cashTendered: number | null;
  cashChange: number | null;
  createdAt: number;
  /** Null on the sale's first payment; its trade number on a follow-up. */
  saleTradeNo: string | null;
}

export type PaymentChange = Partial<Pick<PaymentRecord, MutableField>>;

export interface PaymentEvent {
  id: number;
  tradeNo: string;
  at: number;
  fromState: PaymentState | null;
  toState: PaymentState;
  note: string | null;
  change: PaymentChange;
}

export interface DaySummary {
  count: number;
  byState: Record<PaymentState, { count: number; amount: number }>;
  /** Money received: paidAmount (or the amount charged) of paid sales plus paidAmount of partial ones. */
  receivedTotal: number;
  /** The same money split by how it was paid (schema 5). */
  receivedByMethod: Record<PaymentMethod, number>;
  /** What partially paid sales still owe: their amounts charged minus what was paid on them. */
  outstandingTotal: number;
}

export interface Durability {
  journalMode: string;
  synchronous: string;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  /** The WAL size (pages) at which SQLite checkpoints inside a commit: a ceiling, not routine. */
  walAutocheckpointPages: number;
  schemaVersion: number;
}

export type LedgerErrorCode =
  | 'duplicate_trade_no'
  | 'illegal_transition'
  | 'not_found'
  | 'invalid_record'
  | 'corrupt'
  | 'newer_schema'
  // issue 16: shifts and late payments
  | 'shift_open'
  | 'shift_closed'
  | 'payments_open'
  | 'not_late'
  | 'not_overpaid'
  | 'already_resolved'
  // issue 22: the expected cash changed between the count and the close
  | 'cash_changed'
  | 'float_set';

export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  constructor(code: LedgerErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LedgerError';
    this.code = code;
  }
}

/** The fields a payment may change after it is recorded, with their columns. */
export const MUTABLE_COLUMNS = {
  state: 'state',
  platformTradeNo: 'platform_trade_no',
  paidAmount: 'paid_amount',
  overpaidAmount: 'overpaid_amount',
  gatewayStatus: 'gateway_status',
  qrString: 'qr_string',
  paymentUrl: 'payment_url',
  errorCode: 'error_code',
  errorDetail: 'error_detail',
} as const;
export type MutableField = keyof typeof MUTABLE_COLUMNS;
export const MUTABLE_FIELDS = Object.keys(MUTABLE_COLUMNS) as MutableField[];
