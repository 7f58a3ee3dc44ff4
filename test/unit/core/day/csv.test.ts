import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvWriter, UTF8_BOM } from '../../../../electron/core/day/csv.ts';
import { CSV_FORMATS, type CsvFormat } from '../../../../shared/day/csv-format.ts';
import { unprotect } from '../../../harness/csv-cells.ts';

const SEPARATOR: Record<CsvFormat, string> = { 'excel-semicolon': ';', 'excel-comma': ',', rfc4180: ',' };
const parseCsv = (text: string, format: CsvFormat): string[][] => parse(text, { bom: true, delimiter: SEPARATOR[format], relax_column_count: false }) as string[][];
const file = (writer: CsvWriter, rows: (string | number | null)[][]) => writer.head() + rows.map((row) => writer.line(row)).join('');

describe('CSV writer', () => {
  it('starts with a UTF-8 BOM, ends every line with CRLF, and separates with the format\'s separator', () => {
    expect(file(new CsvWriter('rfc4180', ['a', 'b']), [['x', 1]])).toBe(`${UTF8_BOM}a,b\r\nx,1\r\n`);
    expect(file(new CsvWriter('excel-comma', ['a', 'b']), [['x', 1]])).toBe(`${UTF8_BOM}a,b\r\nx,1\r\n`);
    expect(file(new CsvWriter('excel-semicolon', ['a', 'b']), [['x', 1]])).toBe(`${UTF8_BOM}a;b\r\nx;1\r\n`);
    expect(Buffer.from(new CsvWriter('rfc4180', ['a']).head(), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields holding the separator, a quote, CR or LF and doubles the quotes', () => {
    const comma = new CsvWriter('rfc4180', ['a']);
    const semicolon = new CsvWriter('excel-semicolon', ['a']);
    expect(comma.cell('Toko "Maju", Jaya')).toBe('"Toko ""Maju"", Jaya"');
    expect(comma.cell('baris\ndua')).toBe('"baris\ndua"');
    expect(comma.cell('a;b')).toBe('a;b');
    expect(semicolon.cell('a;b')).toBe('"a;b"');
    expect(semicolon.cell('a,b')).toBe('a,b');
    expect(comma.cell('plain')).toBe('plain');
    expect(comma.cell(null)).toBe('');
  });

  it('writes amounts as plain integers and refuses fractions', () => {
    const writer = new CsvWriter('excel-semicolon', ['a']);
    expect(writer.cell(10_000_000)).toBe('10000000');
    expect(() => writer.cell(1.5)).toThrow(RangeError);
    expect(() => writer.cell(Number.NaN)).toThrow(RangeError);
  });

  it('defuses text a spreadsheet would run as a formula, and a leading quote so that the guard can be undone', () => {
    const writer = new CsvWriter('rfc4180', ['a']);
    expect(writer.cell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    for (const start of ['+', '-', '@', '\t', '\r', "'"]) expect(writer.cell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(writer.cell('Budi = 1')).toBe('Budi = 1');
  });

  it('in the Excel formats writes ID columns as ="…" (text to Excel), never a formula of their content; elsewhere plain', () => {
    const excel = new CsvWriter('excel-semicolon', ['name', 'mobile'], ['mobile']);
    expect(excel.line(['0812', '081234567890'])).toBe('0812;"=""081234567890"""\r\n');
    // A hostile "mobile" stays inside the string literal: its quotes are doubled, nothing runs.
    expect(excel.line(['x', '=1+"2"'])).toBe('x;"=""=1+""""2"""""""\r\n');
    expect(unprotect(parseCsv(excel.line(['x', '=1+"2"']), 'excel-semicolon')[0]![1]!)).toBe('=1+"2"');
    expect(excel.line(['x', ''])).toBe('x;\r\n');
    // Past Excel's 255-character string literal, or with a line break: plain text (guarded).
    expect(excel.line(['x', `=${'9'.repeat(255)}`])).toBe(`x;'=${'9'.repeat(255)}\r\n`);
    expect(excel.line(['x', '08\n12'])).toBe('x;"08\n12"\r\n');
    expect(new CsvWriter('excel-comma', ['mobile'], ['mobile']).line(['0812'])).toBe('"=""0812"""\r\n');
    expect(new CsvWriter('rfc4180', ['mobile'], ['mobile']).line(['0812'])).toBe('0812\r\n');
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => new CsvWriter('rfc4180', ['a', 'b']).line(['x'])).toThrow(RangeError);
  });

  it('property: any text and amounts come back exactly through an RFC 4180 parser with the format\'s separator, after unprotecting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CSV_FORMATS),
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.integer({ min: 0, max: 10_000_000 })), { maxLength: 8 }),
        (format, rows) => {
          const writer = new CsvWriter(format, ['text', 'id', 'amount'], ['id']);
          const parsed = parseCsv(file(writer, rows), format);
          expect(parsed[0]).toEqual(['text', 'id', 'amount']);
          expect(parsed.slice(1).map(([text, id, amount]) => [unprotect(text!), unprotect(id!), Number(amount)])).toEqual(rows);
        },
      ),
      { numRuns: 100 },
    );
  });
});
