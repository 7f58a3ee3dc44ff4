import type { ClosedShift, DayReport, ReportView } from '../../../shared/day/day-contract.ts';
import { formatRupiah } from '../../../shared/money.ts';
import { TRAINING_MARK, type ReceiptRow } from './receipt-model.ts';
import { cashReportRows } from './cash-report-rows.ts';
import type { MdrPlan, PayoutEstimate } from '../../../shared/day/mdr.ts';

/** The MDR plan as the printed report names it (32 columns: short). */
const MDR_PLAN_LABELS: Record<MdrPlan, string> = { regular: 'reguler 0,7%', micro: 'mikro 0%/0,3%' };

/** What a customer's overpayment became (schema 12), as the printed report lists it. */
const OVERPAID_LABELS: readonly [keyof NonNullable<ReportView['overpaidResolved']>, string][] = [
  ['refunded_cash', 'Lebih bayar kembali tunai'],
  ['refunded_outside', 'Lebih bayar kembali luar'],
  ['kept', 'Lebih bayar disimpan'],
];

const BUCKETS: readonly [keyof ReportView['buckets'], string][] = [
  ['paid', 'Lunas'],
  ['partially_paid', 'Dibayar sebagian'],
  ['late', 'Dibayar terlambat'],
  ['failed', 'Gagal'],
  ['expired', 'Kedaluwarsa'],
  ['cancelled', 'Dibatalkan'],
  ['open', 'Masih terbuka'],
];

/** What the receipt service knows when a report is printed (see ReceiptService.printReport). */
export interface ReportPrintContext {
  /** The receipt settings' shop name (empty: none printed). */
  shopName: string;
  printedAt: string;
  /** HH.MM of an instant, in the shop's time zone. */
  clock: (epochMs: number) => string;
  /** DD/MM/YYYY HH.MM and the zone, as receipts print their time. */
  dateTime: (epochMs: number) => string;
}

export interface ReportReceiptContext extends ReportPrintContext {
  training: boolean;
}

/**
 * The day (or range) report as receipt rows, in the cashier's language like the receipt: the
 * same numbers as the Laporan screen (money received first, then every state, the partial, late
 * and void figures, what Paypro will pay out, then each shift). Both printer renderers lay these rows out.
 */
export function dayReportRows(day: DayReport, context: ReportReceiptContext, payout?: PayoutEstimate): ReceiptRow[] {
  const span = day.businessDate === day.toDate ? day.businessDate : `${day.businessDate} s/d ${day.toDate}`;
  const rows = [...headingRows('LAPORAN HARI', [span], context), ...reportRows(day.report, context)];
  // This day's sales' money that came in after their shift closed: in a later shift's "untuk shift sebelumnya".
  rows.splice(rows.length - 1, 0, { kind: 'pair', label: `Diterima stlh shift tutup (${day.later.count})`, value: formatRupiah(day.later.amount) });
  if (payout) rows.push(...payoutRows(payout));
  if (day.shifts.length > 0) {
    rows.push({ kind: 'status', text: 'SHIFT' });
    let total = 0;
    for (const shift of day.shifts) {
      const until = shift.closedAt === null ? 'masih buka' : context.clock(shift.closedAt);
      rows.push({ kind: 'pair', label: shift.cashierName, value: `${context.clock(shift.openedAt)}-${until}` });
      rows.push({ kind: 'pair', label: `  ${shift.report.saleCount} penjualan`, value: formatRupiah(shift.report.received) });
      if (shift.report.earlier.count > 0) rows.push({ kind: 'pair', label: '  untuk shift sebelumnya', value: formatRupiah(shift.report.earlier.amount) });
      total += shift.report.received + shift.report.earlier.amount;
    }
    rows.push({ kind: 'pair', label: 'Jumlah semua shift', value: formatRupiah(total) });
    rows.push({ kind: 'rule' });
  }
  return rows;
}

/**
 * One shift's report (the frozen one of a closed shift, "Tutup kasir"): who, when it opened and
 * closed, then the same figures as the day report.
 */
export function shiftReportRows(shift: ClosedShift, context: ReportReceiptContext): ReceiptRow[] {
  const closed = shift.closedAt === null ? 'MASIH BUKA' : `Tutup ${context.dateTime(shift.closedAt)}`;
  const lines = [`Kasir: ${shift.cashierName}`, `Buka ${context.dateTime(shift.openedAt)}`, closed];
  const cash = shift.report.cash ? cashReportRows(shift.report.cash) : [];
  return [...headingRows('LAPORAN SHIFT', lines, context), ...reportRows(shift.report, context), ...cash];
}

function headingRows(title: string, lines: string[], context: ReportReceiptContext): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  if (context.training) rows.push({ kind: 'banner', text: TRAINING_MARK });
  const shop = context.shopName.trim();
  if (shop) rows.push({ kind: 'title', text: shop });
  rows.push({ kind: 'title', text: title });
  for (const text of lines) rows.push({ kind: 'center', text });
  rows.push({ kind: 'center', text: `Dicetak ${context.printedAt}` });
  rows.push({ kind: 'rule' });
  return rows;
}

function reportRows(report: ReportView, context: ReportReceiptContext): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const pair = (label: string, value: string) => rows.push({ kind: 'pair', label, value });
  const rupiah = formatRupiah;
  // Reports frozen before cash sales read as all QRIS (day-book frozenReport).
  const byMethod = report.receivedByMethod ?? { qris: report.received, cash: 0 };
  pair('Uang diterima QRIS', rupiah(byMethod.qris));
  pair('Uang diterima tunai', rupiah(byMethod.cash));
  pair('Jumlah diterima', rupiah(report.received));
  rows.push({ kind: 'rule' });
  for (const [bucket, label] of BUCKETS) pair(`${label} (${report.buckets[bucket].count})`, rupiah(report.buckets[bucket].amount));
  rows.push({ kind: 'rule' });
  pair('Penjualan', String(report.saleCount));
  pair('Sebagian diterima', rupiah(report.partial.received));
  pair('Sebagian kurang', rupiah(report.partial.outstanding));
  pair(`Untuk shift sebelumnya (${report.earlier.count})`, rupiah(report.earlier.amount));
  if (report.overpaid.count > 0) pair(`Kelebihan bayar (${report.overpaid.count})`, rupiah(report.overpaid.amount));
  pair('Barang diberikan', String(report.resolutions.goods_handed_over));
  pair('Dikembalikan tunai', String(report.resolutions.refunded_cash));
  pair('Tindakan lain', String(report.resolutions.other));
  for (const [outcome, label] of OVERPAID_LABELS) {
    const resolved = report.overpaidResolved?.[outcome];
    if (resolved && resolved.count > 0) pair(`${label} (${resolved.count})`, rupiah(resolved.amount));
  }
  const time = (ms: number | null) => (ms === null ? '-' : context.clock(ms));
  pair('Penjualan pertama', time(report.firstSaleAt));
  pair('Penjualan terakhir', time(report.lastSaleAt));
  rows.push({ kind: 'rule' });
  return rows;
}

/**
 * "Perkiraan dana dari Paypro" under the day report, from the same estimate the Laporan screen shows
 * (DayService.payoutEstimate): QRIS received − each transaction's MDR.
 */
function payoutRows(payout: PayoutEstimate): ReceiptRow[] {
  return [
    { kind: 'pair', label: `QRIS diterima (${payout.count})`, value: formatRupiah(payout.received) },
    { kind: 'pair', label: `MDR ${MDR_PLAN_LABELS[payout.plan]}`, value: `-${formatRupiah(payout.mdr)}` },
    { kind: 'pair', label: 'Perkiraan dana Paypro', value: formatRupiah(payout.expected) },
    { kind: 'rule' },
  ];
}
