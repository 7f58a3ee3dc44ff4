import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  businessDay,
  businessDayOf,
  businessDayRange,
  MAX_CUTOFF_MINUTES,
  parseCutoff,
  shiftBusinessDay,
} from '../../../../shared/day/business-day.ts';

// Shop time: WIB (UTC+7). Node re-reads TZ when it is assigned.
beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const wib = (iso: string): number => Date.parse(`${iso}+07:00`);
const FOUR_AM = 4 * 60;

describe('business day', () => {
  it('puts a sale after midnight but before the cut-off in the day before', () => {
    expect(businessDayOf(wib('2026-03-03T01:30:00'), FOUR_AM)).toEqual({
      date: '2026-03-02',
      start: wib('2026-03-02T04:00:00'),
      end: wib('2026-03-03T04:00:00'),
    });
    expect(businessDayOf(wib('2026-03-03T03:59:59.999'), FOUR_AM).date).toBe('2026-03-02');
    expect(businessDayOf(wib('2026-03-03T04:00:00'), FOUR_AM).date).toBe('2026-03-03');
  });

  it('is the calendar day with a cut-off at midnight', () => {
    expect(businessDayOf(wib('2026-03-03T00:00:00'), 0)).toEqual({
      date: '2026-03-03',
      start: wib('2026-03-03T00:00:00'),
      end: wib('2026-03-04T00:00:00'),
    });
    expect(businessDayOf(wib('2026-03-02T23:59:59'), 0).date).toBe('2026-03-02');
  });

  it('crosses month and year ends', () => {
    expect(businessDayOf(wib('2027-01-01T02:00:00'), FOUR_AM).date).toBe('2026-12-31');
    expect(businessDay('2026-02-28', FOUR_AM)?.end).toBe(wib('2026-03-01T04:00:00'));
  });

  it('names a day by its date and refuses dates that do not exist', () => {
    expect(businessDay('2026-03-02', 90)).toEqual({
      date: '2026-03-02',
      start: wib('2026-03-02T01:30:00'),
      end: wib('2026-03-03T01:30:00'),
    });
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-2', '', '02-03-2026']) {
      expect(businessDay(bad, 0)).toBeNull();
    }
  });

  it('spans a range of days inclusive of both ends, and refuses a reversed one', () => {
    expect(businessDayRange('2026-03-01', '2026-03-31', FOUR_AM)).toEqual({
      start: wib('2026-03-01T04:00:00'),
      end: wib('2026-04-01T04:00:00'),
    });
    expect(businessDayRange('2026-03-02', '2026-03-01', 0)).toBeNull();
    expect(businessDayRange('2026-03-02', 'nope', 0)).toBeNull();
  });

  it('steps to the previous and next day', () => {
    const day = businessDay('2026-03-01', FOUR_AM)!;
    expect(shiftBusinessDay(day, -1, FOUR_AM).date).toBe('2026-02-28');
    expect(shiftBusinessDay(day, 1, FOUR_AM).start).toBe(day.end);
  });

  it('reads the cut-off setting as HH:MM up to noon', () => {
    expect(parseCutoff('04:00')).toBe(240);
    expect(parseCutoff('00:00')).toBe(0);
    expect(parseCutoff('12:00')).toBe(MAX_CUTOFF_MINUTES);
    for (const bad of ['12:01', '4:00', '24:00', '04:60', 'x', '']) expect(parseCutoff(bad)).toBeNull();
    expect(() => businessDayOf(0, MAX_CUTOFF_MINUTES + 1)).toThrow(RangeError);
  });

  it('every moment lies in exactly one day, and the days tile time without gaps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: wib('2020-01-01T00:00:00'), max: wib('2035-12-31T00:00:00') }),
        fc.integer({ min: 0, max: MAX_CUTOFF_MINUTES }),
        (ms, cutoff) => {
          const day = businessDayOf(ms, cutoff);
          expect(day.start).toBeLessThanOrEqual(ms);
          expect(ms).toBeLessThan(day.end);
          expect(businessDay(day.date, cutoff)).toEqual(day);
          expect(businessDayOf(day.end, cutoff)).toEqual(shiftBusinessDay(day, 1, cutoff));
          expect(businessDayOf(day.start - 1, cutoff).end).toBe(day.start);
        },
      ),
    );
  });
});
