import { describe, expect, it } from 'vitest';
import { formatBusinessDate } from '../../../renderer/app/time.ts';

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
