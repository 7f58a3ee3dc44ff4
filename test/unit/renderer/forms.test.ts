import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { routeForKey } from '../../../renderer/app/routes.ts';
import { saleFieldOf } from '../../../renderer/app/saleFields.ts';
import { buildSettingsPatch, formFromSettings } from '../../../renderer/app/settingsForm.ts';
import { formatClock, formatRemaining } from '../../../renderer/app/time.ts';

const key = (k: string, alt = false) => ({ key: k, altKey: alt, ctrlKey: false, metaKey: false, shiftKey: false });

describe('navigation keys', () => {
  it('maps F1–F3 and Alt+1–3 to the three screens', () => {
    expect(routeForKey(key('F1'))).toBe('sale');
    expect(routeForKey(key('F2'))).toBe('today');
    expect(routeForKey(key('F3'))).toBe('settings');
    expect(routeForKey(key('1', true))).toBe('sale');
    expect(routeForKey(key('3', true))).toBe('settings');
    expect(routeForKey(key('1'))).toBeNull();
    expect(routeForKey({ ...key('F1'), ctrlKey: true })).toBeNull();
  });
});

describe('settings form', () => {
  it('round-trips the stored settings into a patch', () => {
    const built = buildSettingsPatch(formFromSettings(DEFAULT_SETTINGS));
    expect(built).toEqual({ ok: true, patch: DEFAULT_SETTINGS });
  });

  it('reads grouped amounts and flags text that is not a number, keyed by setting path', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), minAmount: '5.000', maxAmount: 'lots', qrExpiryMinutes: '' };
    const built = buildSettingsPatch(form);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual(['limits.maxAmount', 'qrExpiryMinutes']);
    const ok = buildSettingsPatch({ ...form, maxAmount: '20.000.000', qrExpiryMinutes: '10' });
    expect(ok.ok && ok.patch.limits).toEqual({ minAmount: 5000, maxAmount: 20_000_000 });
  });

  it('shows the limits grouped and refuses a decimal limit or a grouped/priced expiry', () => {
    expect(formFromSettings(DEFAULT_SETTINGS)).toMatchObject({ minAmount: '1.000', maxAmount: '10.000.000', qrExpiryMinutes: '15' });
    const form = { ...formFromSettings(DEFAULT_SETTINGS), maxAmount: '1.000.000,50', qrExpiryMinutes: 'Rp 15' };
    const built = buildSettingsPatch(form);
    expect(built.ok ? [] : Object.keys(built.errors).sort()).toEqual(['limits.maxAmount', 'qrExpiryMinutes']);
  });
});

describe('owner PIN to cancel after N minutes', () => {
  it('reads a plain count of minutes into day.supervisorCancelAfterMinutes and flags anything else', () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(form.supervisorCancelAfterMinutes).toBe('0');
    const built = buildSettingsPatch({ ...form, supervisorCancelAfterMinutes: ' 10 ' });
    expect(built.ok && built.patch.day).toMatchObject({ supervisorCancelAfterMinutes: 10 });
    const refused = buildSettingsPatch({ ...form, supervisorCancelAfterMinutes: '10 menit' });
    expect(refused.ok ? [] : Object.keys(refused.errors)).toEqual(['day.supervisorCancelAfterMinutes']);
  });
});

describe('sale field keys from main', () => {
  it('accepts bare and customer.-prefixed keys', () => {
    expect(saleFieldOf('amount')).toBe('amount');
    expect(saleFieldOf('customer.mobile')).toBe('mobile');
    expect(saleFieldOf('email')).toBe('email');
    expect(saleFieldOf('tradeNo')).toBeNull();
  });
});

describe('time formatting', () => {
  it('counts down in m:ss and never below zero', () => {
    expect(formatRemaining(90_500)).toBe('1:31');
    expect(formatRemaining(60_000)).toBe('1:00');
    expect(formatRemaining(-5)).toBe('0:00');
  });
  it('shows a 24-hour clock', () => {
    expect(formatClock(new Date(2025, 0, 2, 7, 5, 9).getTime())).toBe('07:05:09');
  });
});
