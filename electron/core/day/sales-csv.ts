import { PAID_AMOUNT_FLAGS, type PaymentState } from '../../../shared/payment.ts';
import { businessDayOf, type BusinessDay } from '../../../shared/day/business-day.ts';
import type { CsvFormat } from '../../../shared/day/csv-format.ts';
import { CsvWriter, type CsvCell } from './csv.ts';
import { isoLocal, localDateTime } from './local-time.ts';
import { maskEmail, maskMobile } from '../logging/redact.ts';
import { receivedOf } from './report.ts';
import type { PaymentMethod } from '../ledger/records.ts';
import { estimatePayout, type MdrPlan } from '../../../shared/day/mdr.ts';
import type { CustomerTyped } from '../../../shared/validation.ts';

/** A sale's follow-up payments (Tagih sisa, the rest in cash), summed for its one CSV row. */
export interface ExportFollowUps {
  received: number;
  methods: PaymentMethod[];
  cashTendered: number | null;
  cashChange: number | null;
  tradeNos: string[];
  payproTradeNos: string[];
  /** Overpaid beyond the charge on the follow-ups (a Tagih sisa QR paid twice), and what became of it. */
  overpaid?: number | null;
  overpaidResolutions?: string[];
  /** Money received on each follow-up QR: its MDR is its own (per transaction). */
  qrisReceived?: number[];
}

/** One sale as the export writes it: a history row of the ledger (SaleRecord) fits. */
export interface ExportSale {
  tradeNo: string;
  platformTradeNo: string | null;
  state: PaymentState;
  amount: number;
  paidAmount: number | null;
  createdAt: number;
  cashierName: string | null;
  shiftId: number | null;
  customerName: string;
  customerMobile: string;
  customerEmail: string;
  /** Which customer fields the cashier typed (schema 11); the others are the shop's contact sent to Paypro. */
  customerTyped: CustomerTyped;
  environment: string;
  lateAt: number | null;
  resolution: string | null;
  /** Schema 5; absent means a QRIS sale with one payment. */
  method?: PaymentMethod;
  cashTendered?: number | null;
  cashChange?: number | null;
  /** Its payments together paid it in full. */
  completed?: boolean;
  followUps?: ExportFollowUps;
  /** Paid beyond the charge, apart from `received` (issue 21). */
  overpaidAmount: number | null;
  /** Why the sale needs a look (e.g. payment.paid_amount_unreadable), or null. */
  errorCode: string | null;
  /** What became of the sale's own overpayment (schema 12), or null. */
  overpaidResolution?: string | null;
}

/**
 * The column names stay English and fixed: a spreadsheet or script the owner builds on the file
 * keeps working whatever language the till is set to.
 */
export const SALES_CSV_HEADER = [
  'business_date',
  'time_iso',
  'time_local',
  'trade_no',
  'paypro_trade_no',
  'state',
  'amount',
  'received',
  'outstanding',
  'late_payment',
  'late_resolution',
  'cashier',
  'shift',
  'customer_name',
  'customer_mobile',
  'customer_email',
  'environment',
  // Issue 22 (appended, so other appended columns merge): how the sale was paid ('qris', 'cash' or
  // 'qris+cash'), the cash handed over and given back, and the sale's follow-up payments' numbers.
  'method',
  'cash_tendered',
  'cash_change',
  'follow_up_trade_nos',
  'follow_up_paypro_trade_nos',
  // Appended (issue 21): paid beyond the charge, and a paid amount to check in the Paypro back office.
  'overpaid',
  'amount_check',
  // Appended (issue 22): what became of the overpayment (refunded_cash, refunded_outside, kept; one
  // per overpaid payment of the sale), then the QRIS MDR of the sale's QRIS payments under the MDR
  // setting and what Paypro pays out for them (QRIS received − MDR): the same per-transaction
  // rounding as the day report's estimate (shared/day/mdr.ts), so the column sums are its figures.
  // Both empty for a sale with no QRIS money.
  'overpaid_resolution',
  'mdr',
  'payout_estimate',
  // Appended (issue 20 #6): where the customer columns come from — 'pelanggan' (typed by the
  // cashier), 'toko' (the shop's own contact, sent to Paypro because it requires the fields), both
  // ('pelanggan+toko') or '' (nothing recorded: a cash sale without customer).
  'customer_source',
] as const;

/** Who each customer value that was recorded came from: the cashier ('pelanggan') or the shop's contact ('toko'). */
function customerSource(sale: ExportSale): string {
  const values = { name: sale.customerName, mobile: sale.customerMobile, email: sale.customerEmail };
  const filled = (Object.keys(values) as (keyof CustomerTyped)[]).filter((field) => values[field] !== '');
  const sources = new Set<string>(filled.map((field) => (sale.customerTyped[field] ? 'pelanggan' : 'toko')));
  return ['pelanggan', 'toko'].filter((source) => sources.has(source)).join('+');
}

export function saleCsvRow(
  sale: ExportSale,
  day: BusinessDay,
  clock: Pick<MinuteClock, 'isoLocal' | 'localDateTime'> = { isoLocal, localDateTime },
  personalData = true,
  mdrPlan: MdrPlan = 'regular',
): CsvCell[] {
  const followUps = sale.followUps;
  const qrisReceived = [...((sale.method ?? 'qris') === 'qris' ? [receivedOf(sale)] : []), ...(followUps?.qrisReceived ?? [])];
  const payout = estimatePayout(qrisReceived, mdrPlan);
  // One row per sale: received is the money of all its payments.
  const received = receivedOf(sale) + (followUps?.received ?? 0);
  const outstanding = sale.state === 'partially_paid' && sale.completed !== true ? Math.max(0, sale.amount - received) : 0;
  const methods = new Set([sale.method ?? 'qris', ...(followUps?.methods ?? [])]);
  return [
    day.date,
    clock.isoLocal(sale.createdAt),
    clock.localDateTime(sale.createdAt),
    sale.tradeNo,
    sale.platformTradeNo,
    sale.state,
    sale.amount,
    received,
    outstanding,
    sale.lateAt === null ? 'no' : 'yes',
    sale.resolution,
    sale.cashierName,
    sale.shiftId,
    sale.customerName,
    // Without personal data, masked as on a receipt: enough to recognise a sale, not to contact anyone.
    personalData || !sale.customerMobile ? sale.customerMobile : maskMobile(sale.customerMobile),
    personalData || !sale.customerEmail ? sale.customerEmail : maskEmail(sale.customerEmail),
    sale.environment,
    (['qris', 'cash'] as const).filter((method) => methods.has(method)).join('+'),
    sumOrNull(sale.cashTendered, followUps?.cashTendered),
    sumOrNull(sale.cashChange, followUps?.cashChange),
    followUps?.tradeNos.join(' ') ?? '',
    followUps?.payproTradeNos.join(' ') ?? '',
    (sale.overpaidAmount ?? 0) + (followUps?.overpaid ?? 0),
    sale.errorCode !== null && PAID_AMOUNT_FLAGS.has(sale.errorCode) ? sale.errorCode : null,
    [...(sale.overpaidResolution ? [sale.overpaidResolution] : []), ...(followUps?.overpaidResolutions ?? [])].join(' '),
    payout.count === 0 ? null : payout.mdr,
    payout.count === 0 ? null : payout.expected,
    customerSource(sale),
  ];
}

/** Cash of the sale's own payment and of its follow-ups together; null when there was none. */
function sumOrNull(own: number | null | undefined, ofFollowUps: number | null | undefined): number | null {
  return own == null && ofFollowUps == null ? null : (own ?? 0) + (ofFollowUps ?? 0);
}

/** The columns Excel would turn into numbers or dates: written so that it keeps them as text. */
const ID_COLUMNS = ['trade_no', 'paypro_trade_no', 'customer_mobile', 'follow_up_trade_nos', 'follow_up_paypro_trade_nos'];

/** Columns appended to the sales CSV, and each sale's cells for them. */
export interface ExtraColumns<S> {
  header: readonly string[];
  cells: (sale: S) => CsvCell[];
}

export interface SalesCsvOptions<S> {
  personalData?: boolean;
  mdrPlan?: MdrPlan;
  extra?: ExtraColumns<S>;
}

/**
 * The sales CSV in pieces: `head()` first, then `lines(sales)` for each batch of sales, oldest
 * first across batches, so a month is written batch by batch (never held whole) and the caller
 * can let the event loop run between batches.
 */
export class SalesCsv<S extends ExportSale = ExportSale> {
  readonly #writer: CsvWriter;
  readonly #cutoffMinutes: number;
  // The business day is worked out once per day, not once per row, and the local clock once per
  // minute (MinuteClock); 100k rows must export within a second.
  #day: BusinessDay | undefined;
  readonly #clock = new MinuteClock();

  readonly #personalData: boolean;
  readonly #mdrPlan: MdrPlan;
  readonly #extra: ExtraColumns<S> | undefined;

  /**
   * `personalData`: customers' mobiles and emails in clear (default) or masked; `mdrPlan`: for the
   * mdr and payout_estimate columns; `extra`: columns after the till's own (the head office's till
   * and outlet), so the till's columns keep their places.
   */
  constructor(cutoffMinutes: number, format: CsvFormat, options: SalesCsvOptions<S> = {}) {
    this.#cutoffMinutes = cutoffMinutes;
    this.#personalData = options.personalData ?? true;
    this.#mdrPlan = options.mdrPlan ?? 'regular';
    this.#extra = options.extra;
    this.#writer = new CsvWriter(format, [...SALES_CSV_HEADER, ...(options.extra?.header ?? [])], ID_COLUMNS);
  }

  head(): string {
    return this.#writer.head();
  }

  lines(sales: Iterable<S>): string {
    let text = '';
    for (const sale of sales) {
      const day = this.#day;
      this.#day = day === undefined || sale.createdAt < day.start || sale.createdAt >= day.end ? businessDayOf(sale.createdAt, this.#cutoffMinutes) : day;
      const row = saleCsvRow(sale, this.#day, this.#clock, this.#personalData, this.#mdrPlan);
      text += this.#writer.line(this.#extra ? [...row, ...this.#extra.cells(sale)] : row);
    }
    return text;
  }
}

/**
 * isoLocal and localDateTime, formatted once per clock minute: every UTC offset in use is a whole
 * number of minutes and changes only on a minute, so within one minute only the seconds differ.
 */
export class MinuteClock {
  #minute = Number.NaN;
  #local = '';
  #iso = '';
  #zone = '';

  #at(ms: number): number {
    const minute = Math.floor(ms / 60_000);
    if (minute !== this.#minute) {
      this.#minute = minute;
      const start = minute * 60_000;
      const local = localDateTime(start);
      this.#local = local.slice(0, -2);
      const iso = isoLocal(start);
      this.#iso = iso.slice(0, 17);
      this.#zone = iso.slice(19);
    }
    return Math.floor((ms - minute * 60_000) / 1000);
  }

  isoLocal(ms: number): string {
    const second = this.#at(ms);
    return `${this.#iso}${second < 10 ? '0' : ''}${second}${this.#zone}`;
  }

  localDateTime(ms: number): string {
    const second = this.#at(ms);
    return `${this.#local}${second < 10 ? '0' : ''}${second}`;
  }
}
