import type { PaymentState } from '../../../shared/payment.ts';
import { businessDayOf, type BusinessDay } from '../../../shared/day/business-day.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { isoLocal, localDateTime } from './local-time.ts';
import { receivedOf } from './report.ts';

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
  environment: string;
  lateAt: number | null;
  resolution: string | null;
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
] as const;

export function saleCsvRow(sale: ExportSale, day: BusinessDay, clock: Pick<MinuteClock, 'isoLocal' | 'localDateTime'> = { isoLocal, localDateTime }): CsvCell[] {
  const received = receivedOf(sale);
  return [
    day.date,
    clock.isoLocal(sale.createdAt),
    clock.localDateTime(sale.createdAt),
    sale.tradeNo,
    sale.platformTradeNo,
    sale.state,
    sale.amount,
    received,
    sale.state === 'partially_paid' ? sale.amount - received : 0,
    sale.lateAt === null ? 'no' : 'yes',
    sale.resolution,
    sale.cashierName,
    sale.shiftId,
    sale.customerName,
    sale.customerMobile,
    sale.customerEmail,
    sale.environment,
  ];
}

export function salesCsv(sales: Iterable<ExportSale>, cutoffMinutes: number): string {
  // Sales come oldest first: the business day is worked out once per day, not once per row, and
  // the local clock once per minute (MinuteClock); 100k rows must export within a second.
  let day: BusinessDay | undefined;
  const clock = new MinuteClock();
  const rows = function* (): Iterable<CsvCell[]> {
    for (const sale of sales) {
      if (day === undefined || sale.createdAt < day.start || sale.createdAt >= day.end) day = businessDayOf(sale.createdAt, cutoffMinutes);
      yield saleCsvRow(sale, day, clock);
    }
  };
  return toCsv(SALES_CSV_HEADER, rows());
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
