import { formatDifference, type ShiftCash } from '../../../shared/day/shift-cash.ts';
import { formatRupiah } from '../../../shared/money.ts';
import type { ReceiptRow } from './receipt-model.ts';

/**
 * The printed shift report's cash, apart from QRIS (issue 22): float, cash sales, kas masuk and
 * keluar, cash refunds, expected, and — counted at close — the count and the difference (selisih).
 */
export function cashReportRows(cash: ShiftCash): ReceiptRow[] {
  const pair = (label: string, value: string): ReceiptRow => ({ kind: 'pair', label, value });
  const rows: ReceiptRow[] = [
    { kind: 'status', text: 'UANG TUNAI' },
    pair('Modal awal', formatRupiah(cash.float)),
    pair('Penjualan tunai', formatRupiah(cash.cashSales)),
    pair(`Kas masuk (${cash.cashIn.count})`, formatRupiah(cash.cashIn.amount)),
    pair(`Kas keluar (${cash.cashOut.count})`, `-${formatRupiah(cash.cashOut.amount)}`),
    pair(`Kembali tunai (${cash.cashRefunds.count})`, `-${formatRupiah(cash.cashRefunds.amount)}`),
    pair('Seharusnya di laci', formatRupiah(cash.expected)),
  ];
  if (cash.counted !== null && cash.difference !== null) {
    rows.push(pair('Dihitung', formatRupiah(cash.counted)));
    rows.push(pair(cash.differenceApproved ? 'Selisih (ok pemilik)' : 'Selisih', formatDifference(cash.difference, '-')));
  } else rows.push(pair('Dihitung', 'tidak dihitung'));
  rows.push(pair('Buka laci tanpa jual', String(cash.noSaleOpenings)));
  rows.push({ kind: 'rule' });
  return rows;
}
