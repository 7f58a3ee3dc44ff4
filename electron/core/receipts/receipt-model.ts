import { formatRupiah } from '../../../shared/money.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import type { ReceiptSettings } from '../../../shared/receipt-settings.ts';
import { maskEmail, maskMobile } from '../logging/redact.ts';
import { receivedOf } from '../day/report.ts';

/**
 * The one receipt model (issue 12): what a receipt says, decided once from a payment, the shop's
 * receipt settings and the cashier. Both renderers (ESC/POS bytes, HTML) lay out this model and
 * nothing else, so a network printer and a PDF can never disagree about a sale.
 *
 * The customer reads the receipt, so its words are Indonesian whatever the till's language.
 */
export interface Receipt {
  shopName: string;
  addressLines: string[];
  headerLines: string[];
  footerLines: string[];
  /** When the sale was settled, formatted with its zone named (`30/11/2026 14.05 WIB`). */
  paidAt: string;
  amount: number;
  status: 'LUNAS' | 'DIBAYAR SEBAGIAN';
  /** Partial payments only: what arrived and what is still owed. */
  received: number | null;
  outstanding: number | null;
  /** How the sale was paid: 'QRIS', 'TUNAI', or both for a sale of several payments (issue 22). */
  method: string;
  /** Every payment of a sale paid in cash or in several parts; empty for one QRIS payment. */
  payments: ReceiptPayment[];
  platformTradeNo: string | null;
  tradeNo: string;
  /** The merchant name inside the QRIS payload (tag 59), when there was one. */
  merchantName: string | null;
  cashier: string | null;
  customerName: string;
  /** Masked: never printed in full. */
  customerMobile: string;
  customerEmail: string;
  training: boolean;
  reprint: boolean;
  /** Paid after the counter had closed the sale: never a plain LUNAS (issue 20 #3). */
  late: boolean;
}

export interface ReceiptPayment {
  method: 'QRIS' | 'TUNAI';
  /** The money this payment brought in. */
  received: number;
  platformTradeNo: string | null;
  /** Cash only: handed over and given back. */
  tendered: number | null;
  change: number | null;
}

export const TRAINING_MARK = 'LATIHAN — BUKAN BUKTI PEMBAYARAN';
export const REPRINT_MARK = 'CETAK ULANG';
export const LATE_MARK = 'PEMBAYARAN TERLAMBAT';

export type ReceiptErrorCode = 'receipt.not_printable';

export class ReceiptError extends Error {
  readonly code: ReceiptErrorCode;
  constructor(code: ReceiptErrorCode, message: string) {
    super(message);
    this.name = 'ReceiptError';
    this.code = code;
  }
}

export interface ReceiptContext {
  settings: ReceiptSettings;
  /** Until shifts exist (issue 13) nobody is named. */
  cashier?: string | null;
  reprint?: boolean;
  /** IANA zone of the till; default the machine's. */
  timeZone?: string;
}

/** Only paid and partially paid sales get a receipt: anything else proves no payment. */
export function buildReceipt(payment: PaymentView, context: ReceiptContext): Receipt {
  if (payment.state !== 'paid' && payment.state !== 'partially_paid') {
    throw new ReceiptError('receipt.not_printable', `Payment ${payment.tradeNo} is ${payment.state}; only paid and partial sales get a receipt.`);
  }
  const { settings } = context;
  const merchantName = payment.qr.kind === 'qris' ? payment.qr.merchantName?.trim() || null : null;
  const { sale } = payment;
  // A sale of several payments prints the sale: its amount, what all of them brought in, each one.
  const amount = sale?.amount ?? payment.amount;
  const saleReceived = sale?.received ?? (payment.state === 'partially_paid' ? (payment.paidAmount ?? 0) : amount);
  const partial = saleReceived < amount;
  const received = partial ? saleReceived : null;
  const payments = (sale?.payments ?? []).filter((each) => receivedOf(each) > 0).map((each): ReceiptPayment => ({
    method: each.method === 'cash' ? 'TUNAI' : 'QRIS',
    received: receivedOf(each),
    platformTradeNo: each.platformTradeNo,
    tendered: each.cashTendered,
    change: each.cashChange,
  }));
  // The view's customer is what the cashier typed: a field sent with the shop's contact is empty.
  const { customer } = payment;
  return {
    shopName: settings.shopName.trim() || merchantName || 'Toko',
    addressLines: nonEmpty(settings.addressLines),
    headerLines: nonEmpty(settings.headerLines),
    footerLines: nonEmpty(settings.footerLines),
    paidAt: formatReceiptTime(payment.updatedAt, context.timeZone),
    amount,
    status: partial ? 'DIBAYAR SEBAGIAN' : 'LUNAS',
    received,
    outstanding: received === null ? null : Math.max(0, amount - received),
    method: payments.length === 0 ? 'QRIS' : [...new Set(payments.map((each) => each.method))].join(' + '),
    payments,
    platformTradeNo: payment.platformTradeNo,
    tradeNo: payment.tradeNo,
    merchantName,
    cashier: context.cashier?.trim() || null,
    customerName: customer.name.trim(),
    customerMobile: customer.mobile ? maskMobile(customer.mobile) : '',
    customerEmail: customer.email ? maskEmail(customer.email) : '',
    training: payment.environment === 'training',
    reprint: context.reprint ?? false,
    late: payment.paidLate !== null,
  };
}

/** Indonesia's zones by their usual names; any other zone is stated by its IANA name. */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function formatReceiptTime(epochMs: number, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const parts = new Intl.DateTimeFormat('id-ID', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}.${part('minute')} ${ZONE_NAMES[zone] ?? zone}`;
}

/**
 * The receipt as rows, top to bottom: the layout both renderers share. A `pair` is a label and
 * a value on one line when they fit, the value under the label when they do not.
 */
export type ReceiptRow =
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string }
  | { kind: 'banner'; text: string }
  | { kind: 'amount'; text: string }
  | { kind: 'status'; text: string }
  | { kind: 'pair'; label: string; value: string }
  | { kind: 'rule' }
  | { kind: 'qr'; value: string };

export function receiptRows(receipt: Receipt, options: { qr: boolean }): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const pair = (label: string, value: string | null) => {
    if (value) rows.push({ kind: 'pair', label, value });
  };
  if (receipt.training) rows.push({ kind: 'banner', text: TRAINING_MARK });
  rows.push({ kind: 'title', text: receipt.shopName });
  for (const text of [...receipt.addressLines, ...receipt.headerLines]) rows.push({ kind: 'center', text });
  if (receipt.reprint) rows.push({ kind: 'banner', text: REPRINT_MARK });
  if (receipt.late) rows.push({ kind: 'banner', text: LATE_MARK });
  rows.push({ kind: 'rule' });
  pair('Waktu', receipt.paidAt);
  pair('Metode', receipt.method);
  pair('Merchant', receipt.merchantName);
  pair('Kasir', receipt.cashier);
  pair('Pelanggan', receipt.customerName);
  pair('No. HP', receipt.customerMobile);
  pair('Email', receipt.customerEmail);
  rows.push({ kind: 'rule' });
  rows.push({ kind: 'amount', text: formatRupiah(receipt.amount) });
  rows.push({ kind: 'status', text: receipt.status });
  if (receipt.received !== null && receipt.outstanding !== null) {
    pair('Diterima', formatRupiah(receipt.received));
    pair('Kurang', formatRupiah(receipt.outstanding));
  }
  for (const each of receipt.payments) {
    rows.push({ kind: 'rule' });
    pair(each.method, formatRupiah(each.received));
    if (each.tendered !== null) pair('Tunai diterima', formatRupiah(each.tendered));
    if (each.change !== null) pair('Kembalian', formatRupiah(each.change));
    pair('No. Paypro', each.method === 'QRIS' ? each.platformTradeNo : null);
  }
  rows.push({ kind: 'rule' });
  pair('No. Paypro', receipt.platformTradeNo);
  pair('No. transaksi', receipt.tradeNo);
  if (options.qr && receipt.platformTradeNo) rows.push({ kind: 'qr', value: receipt.platformTradeNo });
  if (receipt.footerLines.length > 0) rows.push({ kind: 'rule' });
  for (const text of receipt.footerLines) rows.push({ kind: 'center', text });
  if (receipt.training) rows.push({ kind: 'banner', text: TRAINING_MARK });
  return rows;
}

function nonEmpty(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}
