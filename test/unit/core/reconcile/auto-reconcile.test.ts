import { describe, expect, it } from 'vitest';
import { AUTO_RECONCILE_DELAY_MS, lastDayDue } from '../../../../electron/core/reconcile/auto-reconcile.ts';

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
});
