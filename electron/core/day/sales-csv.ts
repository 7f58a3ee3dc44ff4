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

export function saleCsvRow(sale: ExportSale, day: BusinessDay): CsvCell[] {
  const received = receivedOf(sale);
  return [
    day.date,
    isoLocal(sale.createdAt),
    localDateTime(sale.createdAt),
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
  // Sales come oldest first: the business day is worked out once per day, not once per row.
  let day: BusinessDay | undefined;
  const rows = function* (): Iterable<CsvCell[]> {
    for (const sale of sales) {
      if (day === undefined || sale.createdAt < day.start || sale.createdAt >= day.end) day = businessDayOf(sale.createdAt, cutoffMinutes);
      yield saleCsvRow(sale, day);
    }
  };
  return toCsv(SALES_CSV_HEADER, rows());
}
