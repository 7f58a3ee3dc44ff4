import type { CsvFormat } from '../../../shared/day/csv-format.ts';

/**
 * CSV as RFC 4180 describes it (CRLF, fields holding the separator, a quote, CR or LF in double
 * quotes, quotes doubled), with the separator of the chosen format (shared/day/csv-format.ts),
 * prefixed with a UTF-8 byte-order mark: without it Excel reads the file in the system code page
 * and mangles every non-ASCII name.
 *
 * A cell is either a whole number (written as plain digits, so a spreadsheet sums it) or text.
 * Text starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by a spreadsheet
 * (CSV injection, OWASP): such a cell gets a leading `'`, which the spreadsheet shows as text.
 * Text already starting with `'` gets one too, so the guard can be undone exactly: a reader drops
 * one leading `'` when one of those characters (or `'`) follows it.
 *
 * ID columns in the Excel formats: Excel turns text that looks like a number into one (the
 * mobile 081234567890 loses its 0, a 22-digit trade number becomes 2.02603E+21, `12E4567` becomes
 * 1.2E+4571) or into a date. Written as the formula `="…"` the cell is the text itself, whatever
 * Excel's type guess: the common trick. It stays safe against injection because the value sits
 * inside a string literal with its quotes doubled — nothing in it is ever evaluated. Excel's
 * string literals hold at most 255 characters; a longer value (or one with a line break) is
 * written as plain text. An RFC 4180 reader sees `="…"` literally, so the standard format
 * (`rfc4180`) never writes it.
 */
export type CsvCell = string | number | null;

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r']/;
const LINE_BREAK = /[\r\n]/;
/** Excel's limit on a string literal in a formula. */
const EXCEL_STRING_MAX = 255;

interface CsvDialect {
  separator: ',' | ';';
  /** Excel's formats: ID columns as `="…"`. */
  textFormulas: boolean;
}

const DIALECTS: Record<CsvFormat, CsvDialect> = {
  'excel-semicolon': { separator: ';', textFormulas: true },
  'excel-comma': { separator: ',', textFormulas: true },
  rfc4180: { separator: ',', textFormulas: false },
};

export class CsvWriter {
  readonly #separator: string;
  readonly #needsQuotes: RegExp;
  readonly #header: readonly string[];
  /** Per column: written as `="…"` (an ID column in an Excel format). */
  readonly #asText: readonly boolean[];

  /** `idColumns`: the header names whose values Excel must keep as text (trade numbers, mobiles). */
  constructor(format: CsvFormat, header: readonly string[], idColumns: readonly string[] = []) {
    const dialect = DIALECTS[format];
    this.#separator = dialect.separator;
    this.#needsQuotes = dialect.separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
    this.#header = header;
    this.#asText = header.map((name) => dialect.textFormulas && idColumns.includes(name));
  }

  /** The file's start: the byte-order mark and the header line. */
  head(): string {
    return UTF8_BOM + this.#line(this.#header, false);
  }

  line(cells: readonly CsvCell[]): string {
    if (cells.length !== this.#header.length) throw new RangeError(`CSV row has ${cells.length} cells, header has ${this.#header.length}`);
    return this.#line(cells, true);
  }

  text(value: string, asText = false): string {
    if (asText && value.length > 0 && value.length <= EXCEL_STRING_MAX && !LINE_BREAK.test(value)) {
      // ="value" as a quoted CSV field: a quote in the value is doubled in the string literal,
      // and each of those again in the field.
      return `"=""${value.includes('"') ? value.replaceAll('"', '""""') : value}"""`;
    }
    const written = FORMULA_START.test(value) ? `'${value}` : value;
    return this.#needsQuotes.test(written) ? `"${written.replaceAll('"', '""')}"` : written;
  }

  cell(cell: CsvCell, asText = false): string {
    if (cell === null) return '';
    if (typeof cell === 'number') {
      // Amounts are whole rupiah; anything else is a bug upstream, not something to round quietly.
      if (!Number.isSafeInteger(cell)) throw new RangeError(`CSV numbers must be whole: ${cell}`);
      return String(cell);
    }
    return this.text(cell, asText);
  }

  #line(cells: readonly CsvCell[], body: boolean): string {
    // A plain loop: at 100k rows, map + join's intermediate array showed in the export's time.
    const separator = this.#separator;
    const asText = this.#asText;
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += separator;
      line += this.cell(cells[i]!, body && asText[i]!);
    }
    return `${line}\r\n`;
  }
}
