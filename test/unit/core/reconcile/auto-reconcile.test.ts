import { describe, expect, it } from 'vitest';
import { AUTO_RECONCILE_DELAY_MS, AUTO_RECONCILE_LOOK_BACK_DAYS, daysDue, lastDayDue } from '../../../../electron/core/reconcile/auto-reconcile.ts';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();
const CUTOFF_4AM = 4 * 60;

describe('the automatic reconciliation runs once, an hour after each business day ends', () => {
  it('with a 04:00 cut-off, the 2nd is due from 05:00 on the 3rd, not before', () => {
    expect(lastDayDue(at(3, 4, 59), CUTOFF_4AM, AUTO_RECONCILE_DELAY_MS).date).toBe('2026-03-01');
    expect(lastDayDue(at(3, 5, 0), CUTOFF_4AM, AUTO_RECONCILE_DELAY_MS).date).toBe('2026-03-02');
    expect(lastDayDue(at(3, 23, 0), CUTOFF_4AM, AUTO_RECONCILE_DELAY_MS).date).toBe('2026-03-02');
  });

  it('with midnight as the cut-off, yesterday is due from 01:00', () => {
    expect(lastDayDue(at(3, 0, 30), 0, AUTO_RECONCILE_DELAY_MS).date).toBe('2026-03-01');
    expect(lastDayDue(at(3, 1, 0), 0, AUTO_RECONCILE_DELAY_MS).date).toBe('2026-03-02');
  });

  it('looks back over the last 7 ended days, oldest first, across a month end', () => {
    const due = daysDue(at(3, 5, 0), CUTOFF_4AM, AUTO_RECONCILE_DELAY_MS);
    expect(AUTO_RECONCILE_LOOK_BACK_DAYS).toBe(7);
    expect(due.map((day) => day.date)).toEqual(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    // Each day ends where the next begins, at the cut-off.
    for (let index = 1; index < due.length; index++) expect(due[index]!.start).toBe(due[index - 1]!.end);
    expect(due.at(-1)!.end).toBe(at(3, 4, 0));
  });
});
