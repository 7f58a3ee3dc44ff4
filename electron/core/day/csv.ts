/**
 * CSV as RFC 4180 describes it (comma, CRLF, fields with a comma, quote, CR or LF in double
 * quotes, quotes doubled), prefixed with a UTF-8 byte-order mark: without it Excel reads the file
 * in the system code page and mangles every non-ASCII name.
 *
 * A cell is either a whole number (written as plain digits, so a spreadsheet sums it) or text.
 * Text starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by a spreadsheet
 * (CSV injection, OWASP): such a cell gets a leading `'`, which the spreadsheet shows as text.
 */
export type CsvCell = string | number | null;

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvText(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // Amounts are whole rupiah; anything else is a bug upstream, not something to round quietly.
    if (!Number.isSafeInteger(cell)) throw new RangeError(`CSV numbers must be whole: ${cell}`);
    return String(cell);
  }
  return csvText(cell);
}

export function csvLine(cells: readonly CsvCell[]): string {
  // A plain loop: at 100k rows, map + join's intermediate array showed in the export's time.
  let line = cells.length > 0 ? csvCell(cells[0]!) : '';
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i]!)}`;
  return `${line}\r\n`;
}

/** The whole file: BOM, header line, one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  // Lines are joined into a flat chunk every CHUNK_LINES: each line is a tree of small string
  // pieces, and 100k of them held to the end outlived the young generation (most of an export's
  // time went to the garbage collector).
  const chunks = [UTF8_BOM, csvLine(header)];
  let lines: string[] = [];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`CSV row has ${row.length} cells, header has ${header.length}`);
    lines.push(csvLine(row));
    if (lines.length === CHUNK_LINES) {
      chunks.push(lines.join(''));
      lines = [];
    }
  }
  chunks.push(lines.join(''));
  return chunks.join('');
}

const CHUNK_LINES = 1024;
