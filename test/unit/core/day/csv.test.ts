import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../../../electron/core/day/csv.ts';

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false }) as string[][];

describe('CSV writer', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv(['a', 'b'], [['x', 1]]);
    expect(text).toBe(`${UTF8_BOM}a,b\r\nx,1\r\n`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with a comma, quote, CR or LF and doubles the quotes', () => {
    expect(csvCell('Toko "Maju", Jaya')).toBe('"Toko ""Maju"", Jaya"');
    expect(csvCell('baris\ndua')).toBe('"baris\ndua"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('writes amounts as plain integers and refuses fractions', () => {
    expect(csvCell(10_000_000)).toBe('10000000');
    expect(() => csvCell(1.5)).toThrow(RangeError);
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Budi = 1')).toBe('Budi = 1');
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
  });

  it('round-trips any text through an RFC 4180 parser (guarded cells come back with their quote)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.integer({ min: 0, max: 10_000_000 })), { maxLength: 8 }),
        (rows) => {
          const parsed = parseCsv(toCsv(['text', 'amount'], rows));
          expect(parsed).toEqual([
            ['text', 'amount'],
            ...rows.map(([text, amount]) => [/^[=+\-@\t\r]/.test(text) ? `'${text}` : text, String(amount)]),
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes every line in order across the chunks it joins internally (0, 1, 1023–1025, 2,500 rows)', () => {
    for (const count of [0, 1, 1023, 1024, 1025, 2048, 2500]) {
      const rows = Array.from({ length: count }, (_, i) => [i, `r,${i}`] as const);
      const text = toCsv(['n', 'name'], rows);
      expect(text).toBe(`${UTF8_BOM}n,name\r\n${rows.map(([n]) => `${n},"r,${n}"\r\n`).join('')}`);
    }
  });
});
