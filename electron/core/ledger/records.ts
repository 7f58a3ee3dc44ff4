import type { PaymentState } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';

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
export type NewPayment = Omit<PaymentRecord, MutableField | 'updatedAt'>;

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
  | 'already_resolved';

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
