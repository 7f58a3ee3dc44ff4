import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBusinessDate, formatSaleMoment } from '../../../renderer/app/time.ts';
import { setTimeZone } from '../../harness/time-zone.ts';

describe('formatBusinessDate', () => {
  it('writes the business day as people do, in the cashier\'s language', () => {
    expect(formatBusinessDate('2026-11-30', 'id')).toBe('Senin, 30 November 2026');
    expect(formatBusinessDate('2026-11-30', 'en')).toBe('Monday, 30 November 2026');
  });

  it('keeps the date at the turn of a month and a year', () => {
    expect(formatBusinessDate('2027-01-01', 'id')).toBe('Jumat, 1 Januari 2027');
    expect(formatBusinessDate('2026-02-28', 'id')).toBe('Sabtu, 28 Februari 2026');
  });
});

describe('when a sale was made, as lists show it', () => {
  let restoreZone: () => void;
  beforeAll(() => {
    restoreZone = setTimeZone('Asia/Jakarta');
  });
  afterAll(() => restoreZone());
  const halfPastMidnight = Date.parse('2026-12-01T00:30:05+07:00');

  it('the time alone on the date the list is of; with the date on any other (or on a list of any day)', () => {
    expect(formatSaleMoment(halfPastMidnight, '2026-12-01', 'id')).toBe('00:30:05');
    // A 04:00 cut-off: searched as 30 Nov, this sale says which night it was.
    expect(formatSaleMoment(halfPastMidnight, '2026-11-30', 'id')).toBe('1 Des 2026 00:30:05');
    expect(formatSaleMoment(halfPastMidnight, null, 'id')).toBe('1 Des 2026 00:30:05');
    expect(formatSaleMoment(halfPastMidnight, null, 'en')).toBe('1 Dec 2026 00:30:05');
  });
});
