/**
 * The CSV export's formats (issue 16, audit item 5). A double-clicked CSV is read by Excel with
 * the separator of the computer's region ("list separator"): `;` wherever the decimal mark is a
 * comma (Indonesia, most of Europe), `,` elsewhere. A `sep=` first line would force it, but Excel
 * then ignores the UTF-8 byte-order mark and mangles every non-ASCII name, so the file's
 * separator has to match the region instead:
 * - `excel-semicolon`: `;`, for Excel on a decimal-comma region (Excel Indonesia);
 * - `excel-comma`: `,`, for Excel on a decimal-point region;
 * - `rfc4180`: plain RFC 4180 (`,`, no Excel protection) for scripts, databases, other programs.
 * Both Excel formats write the ID-like columns (trade numbers, mobile) as `="…"` so that Excel
 * keeps them as text (electron/core/day/csv.ts says why and how that stays safe).
 */
export const CSV_FORMATS = ['excel-semicolon', 'excel-comma', 'rfc4180'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

/**
 * The format Excel on this computer opens in columns: follows the decimal mark of `locale` (the
 * operating system's region, from main). A locale Intl cannot read counts as the runtime's own.
 */
export function csvFormatForLocale(locale: string | undefined): CsvFormat {
  return decimalMark(locale) === ',' ? 'excel-semicolon' : 'excel-comma';
}

function decimalMark(locale: string | undefined): string | undefined {
  const parts = (tag: string | undefined) => new Intl.NumberFormat(tag).formatToParts(1.5);
  let formatted: Intl.NumberFormatPart[];
  try {
    // Chromium may report a region with extensions ICU refuses ("en-US@rg=idzzzz"): fall back.
    formatted = parts(locale?.replace(/@.*$/, '').replaceAll('_', '-'));
  } catch {
    formatted = parts(undefined);
  }
  return formatted.find((part) => part.type === 'decimal')?.value;
}
