import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../../shared/settings.ts';

describe('day settings', () => {
  it('default to a midnight cut-off and no cashier PINs, so nothing changes for a one-person shop', () => {
    expect(DEFAULT_SETTINGS.day).toEqual({ cutoff: '00:00', cashierPins: false, supervisorCancelAfterMinutes: 0 });
  });

  it('accept a cut-off up to noon and refuse anything else with settings.day_cutoff at day.cutoff', () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, day: { cutoff: '04:00', cashierPins: true, supervisorCancelAfterMinutes: 0 } }).success).toBe(true);
    for (const cutoff of ['13:00', '4:00', '04:60', '']) {
      const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, day: { ...DEFAULT_SETTINGS.day, cutoff } });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['day.cutoff', 'settings.day_cutoff']]);
    }
  });
});
