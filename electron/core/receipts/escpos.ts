import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { withoutControlCharacters } from '../../../shared/display-text.ts';
import { COLUMNS_BY_PAPER, type PaperWidth } from '../../../shared/receipt-settings.ts';
import { receiptRows, type Receipt, type ReceiptRow } from './receipt-model.ts';

/**
 * Windows-1252 holds every letter Indonesian writes plus the typographic dash and the no-break
 * space of `Rp 150.000`; Epson's ESC/POS selects it as page 16 (`ESC t 16`), as do the common
 * 58 mm Chinese printers. The library's 'epson' table maps the name to that number.
 */
export const RECEIPT_CODEPAGE = 'windows1252';
export const RECEIPT_CODEPAGE_NUMBER = 16;

/** Lines fed before the cut so the last printed line clears the cutter. */
const FEED_BEFORE_CUT = 4;

export interface EscPosOptions {
  paperWidthMm: PaperWidth;
  /** A QR of the Paypro transaction number under the details. */
  qr: boolean;
}

/** The receipt as ESC/POS bytes for a network (or any ESC/POS) printer: init, text, cut. */
export function encodeReceiptEscPos(receipt: Receipt, options: EscPosOptions): Uint8Array {
  return encodeRowsEscPos(receiptRows(receipt, { qr: options.qr }), options.paperWidthMm);
}

/** Rows laid out like a receipt (a receipt's own, or the day report's): init, the rows, cut. */
export function encodeRowsEscPos(rows: readonly ReceiptRow[], paperWidthMm: PaperWidth): Uint8Array {
  const columns = COLUMNS_BY_PAPER[paperWidthMm];
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: 'epson',
    feedBeforeCut: FEED_BEFORE_CUT,
    errors: 'relaxed',
  });
  encoder.initialize().codepage(RECEIPT_CODEPAGE);
  for (const row of rows) writeRow(encoder, printableRow(row), columns);
  return encoder.cut('partial').encode();
}

/** A test page: proves host, port, paper width and code page in one go. */
export function encodeTestPageEscPos(paperWidthMm: PaperWidth, at: string): Uint8Array {
  const columns = COLUMNS_BY_PAPER[paperWidthMm];
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, codepageMapping: 'epson', feedBeforeCut: FEED_BEFORE_CUT });
  encoder.initialize().codepage(RECEIPT_CODEPAGE).align('center').bold(true).line('TES PRINTER').bold(false);
  encoder.line(`Kertas ${paperWidthMm} mm, ${columns} kolom`).line(at).align('left').line('-'.repeat(columns));
  // A full-width ruler: each digit is its column's last digit, so a clipped edge shows.
  encoder.line(Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join(''));
  return encoder.cut('partial').encode();
}

/**
 * The last line of defence against printer commands in data: every text a row carries loses its
 * C0/C1 bytes here, so the only control bytes sent are the encoder's own commands.
 */
function printableRow(row: ReceiptRow): ReceiptRow {
  switch (row.kind) {
    case 'rule':
      return row;
    case 'pair':
      return { ...row, label: withoutControlCharacters(row.label), value: withoutControlCharacters(row.value) };
    case 'qr':
      return { ...row, value: withoutControlCharacters(row.value) };
    default:
      return { ...row, text: withoutControlCharacters(row.text) };
  }
}

function writeRow(encoder: ReceiptPrinterEncoder, row: ReceiptRow, columns: number): void {
  switch (row.kind) {
    case 'title':
      encoder.align('center').bold(true).line(row.text).bold(false).align('left');
      return;
    case 'center':
      encoder.align('center').line(row.text).align('left');
      return;
    case 'banner':
      encoder.align('center').invert(true).line(row.text).invert(false).align('left');
      return;
    case 'amount':
      // Double size when the amount fits twice over (it does up to 16 characters on 58 mm).
      encoder.align('center').bold(true);
      if (row.text.length * 2 <= columns) encoder.size(2, 2).line(row.text).size(1, 1);
      else encoder.line(row.text);
      encoder.bold(false).align('left');
      return;
    case 'status':
      encoder.align('center').bold(true).line(row.text).bold(false).align('left');
      return;
    case 'pair':
      for (const line of pairLines(row.label, row.value, columns)) encoder.line(line);
      return;
    case 'rule':
      encoder.line('-'.repeat(columns));
      return;
    case 'qr':
      encoder.align('center').qrcode(row.value, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
  }
}

/** `label ..... value` on one line when it fits, else the value right-aligned under the label. */
export function pairLines(label: string, value: string, columns: number): string[] {
  const gap = columns - label.length - value.length;
  if (gap >= 1) return [`${label}${' '.repeat(gap)}${value}`];
  if (value.length >= columns) return [label, value];
  return [label, `${' '.repeat(columns - value.length)}${value}`];
}
