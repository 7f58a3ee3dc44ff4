import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../../../shared/day/business-day.ts';
import { validateLateResolution } from '../../../../shared/day/late-rules.ts';
import { searchWindow } from '../../../../shared/day/search-rules.ts';

// Shop time: WIB (UTC+7). Node re-reads TZ when it is assigned.
beforeAll(() => {
  process.env.TZ = 'Asia/Jakarta';
});

const wib = (iso: string): number => Date.parse(`${iso}+07:00`);
const FOUR_AM = 4 * 60;
const day = (date: string, cutoff = 0) => businessDay(date, cutoff)!;

describe('search window', () => {
  it('"to" includes the whole minute typed: 14:10 covers 14:10:59.999, not 14:11', () => {
    const window = searchWindow(day('2026-03-02'), day('2026-03-02'), '14:00', '14:10');
    expect(window).toEqual({ ok: true, start: wib('2026-03-02T14:00:00'), end: wib('2026-03-02T14:11:00') });
  });

  it('without times it is the whole business day; one time narrows one end', () => {
    const march2 = day('2026-03-02', FOUR_AM);
    expect(searchWindow(march2, march2)).toEqual({ ok: true, start: march2.start, end: march2.end });
    expect(searchWindow(march2, march2, '20:00')).toEqual({ ok: true, start: wib('2026-03-02T20:00:00'), end: march2.end });
    expect(searchWindow(march2, march2, undefined, '09:30')).toEqual({ ok: true, start: march2.start, end: wib('2026-03-02T09:31:00') });
  });

  it('with a 04:00 cut-off, a time before it is the night after the business date, and the end never passes the day', () => {
    const march2 = day('2026-03-02', FOUR_AM);
    expect(searchWindow(march2, march2, '23:00', '01:30')).toEqual({ ok: true, start: wib('2026-03-02T23:00:00'), end: wib('2026-03-03T01:31:00') });
    expect(searchWindow(march2, march2, '01:00', '03:59')).toEqual({ ok: true, start: wib('2026-03-03T01:00:00'), end: march2.end });
  });

  it('over a range, "from" is on the first day and "to" on the last', () => {
    expect(searchWindow(day('2026-03-02'), day('2026-03-04'), '14:00', '10:15')).toEqual({
      ok: true,
      start: wib('2026-03-02T14:00:00'),
      end: wib('2026-03-04T10:16:00'),
    });
  });

  it('refuses a window that ends before it starts, and a time that is not a time of day, naming the field', () => {
    const march2 = day('2026-03-02');
    expect(searchWindow(march2, march2, '14:10', '14:00')).toEqual({ ok: false, field: 'toTime', code: 'search.time_order' });
    expect(searchWindow(march2, march2, '14:10', '14:10')).toMatchObject({ ok: true });
    expect(searchWindow(march2, march2, '24:00')).toEqual({ ok: false, field: 'fromTime', code: 'search.time_invalid' });
    expect(searchWindow(march2, march2, undefined, '12:60')).toEqual({ ok: false, field: 'toTime', code: 'search.time_invalid' });
  });
});

describe('late payment resolution', () => {
  it('"Lainnya" (other) needs a note; the other outcomes may go without; notes are trimmed', () => {
    expect(validateLateResolution({ outcome: 'other', note: ' \t ' })).toEqual({ ok: false, fields: { note: { code: 'late.note_required' } } });
    expect(validateLateResolution({ outcome: 'other', note: ' ditukar barang lain ' })).toEqual({ ok: true, value: { outcome: 'other', note: 'ditukar barang lain' } });
    expect(validateLateResolution({ outcome: 'goods_handed_over', note: '' })).toEqual({ ok: true, value: { outcome: 'goods_handed_over', note: '' } });
  });
});
