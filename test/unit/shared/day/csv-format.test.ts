import { describe, expect, it } from 'vitest';
import { csvFormatForLocale } from '../../../../shared/day/csv-format.ts';

describe('the CSV format Excel opens in columns on a region', () => {
  it("is ';' where the decimal mark is a comma (Indonesia, Germany, Brazil) and ',' where it is a point", () => {
    for (const locale of ['id-ID', 'id', 'de-DE', 'pt-BR', 'fr-FR']) expect(csvFormatForLocale(locale), locale).toBe('excel-semicolon');
    for (const locale of ['en-US', 'en-GB', 'ja-JP', 'th-TH', 'ms-MY']) expect(csvFormatForLocale(locale), locale).toBe('excel-comma');
  });

  it('reads the forms an operating system reports (POSIX underscore, ICU keywords) and never throws on one it cannot read', () => {
    expect(csvFormatForLocale('id_ID')).toBe('excel-semicolon');
    expect(csvFormatForLocale('id-ID@calendar=gregorian')).toBe('excel-semicolon');
    const runtime = csvFormatForLocale(undefined);
    expect(csvFormatForLocale('not a locale!')).toBe(runtime);
    expect(csvFormatForLocale('')).toBe(runtime);
  });
});
