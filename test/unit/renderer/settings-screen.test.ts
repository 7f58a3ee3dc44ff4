import { describe, expect, it } from 'vitest';
import { DEFAULT_CASH_SETTINGS } from '../../../shared/cash-settings.ts';
import { DEFAULT_RECEIPT_SETTINGS } from '../../../shared/receipt-settings.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { toReceiptForm } from '../../../renderer/app/receiptSettingsForm.ts';
import { formFromSettings } from '../../../renderer/app/settingsForm.ts';
import { hqErrors, toHqForm, toHqRequest } from '../../../renderer/app/hqSettingsForm.ts';
import { buildDrawerPatch, drawerErrors, toDrawerForm } from '../../../renderer/drawer/drawerSettingsForm.ts';
import {
  EMPTY_PIN,
  firstSectionWithError,
  hasUnsaved,
  pinErrors,
  sectionOf,
  unsavedParts,
} from '../../../renderer/app/settingsScreen.ts';

// Issue 20 item 11: one save for the settings screen, which knows whatever is typed and unsaved.
const saved = { form: formFromSettings(DEFAULT_SETTINGS), receipt: toReceiptForm(DEFAULT_RECEIPT_SETTINGS), drawer: toDrawerForm(DEFAULT_CASH_SETTINGS), hq: toHqForm({ tillName: 'Kasir', outletName: '' }) };
const untouched = { form: saved.form, secret: '', receipt: saved.receipt, drawer: saved.drawer, pin: EMPTY_PIN, hq: saved.hq };

describe('settings screen: what is unsaved', () => {
  it('nothing typed: nothing to save, no question on leaving', () => {
    expect(hasUnsaved(untouched, saved)).toBe(false);
  });

  it('the shop name typed counts as unsaved (it was dropped by the old first save button)', () => {
    const draft = { ...untouched, receipt: { ...saved.receipt, shopName: 'Warung Sari Rasa' } };
    expect(unsavedParts(draft, saved)).toEqual({ settings: false, receipt: true, drawer: false, pin: false, hq: false });
    expect(hasUnsaved(draft, saved)).toBe(true);
  });

  it('a secret, a field or a PIN typed each count, and each names its own save call', () => {
    expect(unsavedParts({ ...untouched, secret: 'x' }, saved).settings).toBe(true);
    expect(unsavedParts({ ...untouched, form: { ...saved.form, merchantNo: '1' } }, saved).settings).toBe(true);
    expect(unsavedParts({ ...untouched, pin: { ...EMPTY_PIN, current: '1' } }, saved).pin).toBe(true);
  });

  it('a drawer setting typed counts as unsaved, under its own save call (it had a save button of its own)', () => {
    const draft = { ...untouched, drawer: { ...saved.drawer, threshold: '50.000' } };
    expect(unsavedParts(draft, saved)).toEqual({ settings: false, receipt: false, drawer: true, pin: false, hq: false });
    expect(hasUnsaved(draft, saved)).toBe(true);
  });

  it('receipt and drawer settings still loading are not unsaved', () => {
    expect(hasUnsaved({ ...untouched, receipt: null, drawer: null, hq: null }, { ...saved, receipt: null, drawer: null, hq: null })).toBe(false);
  });
});

describe('settings screen: the cash drawer (Laci kas) in the one save', () => {
  it('the typed threshold is read as rupiah and the times as whole milliseconds', () => {
    expect(buildDrawerPatch({ drawerPin: 5, pulseOnMs: ' 120 ', pulseOffMs: '480', threshold: 'Rp 10.000.000' })).toEqual({
      ok: true,
      patch: { drawerPin: 5, pulseOnMs: 120, pulseOffMs: 480, differenceApprovalAbove: 10_000_000 },
    });
  });

  it('a typo is refused on its own box before anything is sent, with the schema message', () => {
    const built = buildDrawerPatch({ drawerPin: 2, pulseOnMs: '100ms', pulseOffMs: '600', threshold: 'dua puluh ribu' });
    expect(built).toEqual({
      ok: false,
      errors: {
        'drawer.pulseOnMs': { code: 'drawer.pulse_ms' },
        'drawer.pulseOffMs': { code: 'drawer.pulse_ms' },
        'drawer.differenceApprovalAbove': { code: 'drawer.threshold' },
      },
    });
  });

  it("main's refusals land in Toko dan struk, where the drawer sits beside the receipt printer", () => {
    const errors = drawerErrors({ pulseOffMs: { code: 'drawer.pulse_ms' } });
    expect(errors).toEqual({ 'drawer.pulseOffMs': { code: 'drawer.pulse_ms' } });
    expect(firstSectionWithError({ merchantNo: { code: 'x' }, ...errors })).toBe('shop');
    for (const field of ['drawer.drawerPin', 'drawer.pulseOnMs', 'drawer.pulseOffMs', 'drawer.differenceApprovalAbove']) expect(sectionOf(field)).toBe('shop');
  });
});

describe('settings screen: errors lead to their section', () => {
  it('each field belongs to the section a shop would look in', () => {
    expect(sectionOf('shopName')).toBe('shop');
    expect(sectionOf('merchantNo')).toBe('payment');
    expect(sectionOf('newPin')).toBe('cashiers');
    expect(sectionOf('customerDisplay.language')).toBe('display');
    expect(sectionOf('baseUrl')).toBe('advanced');
  });

  it('the first section in screen order wins', () => {
    expect(firstSectionWithError({ baseUrl: { code: 'x' }, copies: { code: 'y' } })).toBe('shop');
    expect(firstSectionWithError({})).toBeNull();
  });

  it('the PIN is checked before anything is sent', () => {
    expect(pinErrors({ current: '', next: '12', repeat: '12' })).toEqual({ newPin: { code: 'local.pin_format' } });
    expect(pinErrors({ current: '', next: '2468', repeat: '2469' })).toEqual({ repeatPin: { code: 'local.pin_mismatch' } });
    expect(pinErrors({ current: '', next: '2468', repeat: '2468' })).toEqual({});
  });
});

describe('settings screen: Kantor pusat (issue 23)', () => {
  it('a head-office field typed is unsaved under its own save call; the logins are sent only when an address is typed', () => {
    const draft = { ...untouched, hq: { ...saved.hq, password: 'rahasia' } };
    expect(unsavedParts(draft, saved)).toEqual({ settings: false, receipt: false, drawer: false, pin: false, hq: true });
    expect(toHqRequest({ ...saved.hq, tillName: ' Kasir 2 ', outletName: 'Outlet Sudirman' })).toEqual({ names: { tillName: 'Kasir 2', outletName: 'Outlet Sudirman' } });
    expect(toHqRequest({ ...saved.hq, url: ' postgres://k1@hq.example.com/pos ', password: 'p', ca: '' })).toMatchObject({ till: { url: 'postgres://k1@hq.example.com/pos', password: 'p' } });
    expect(toHqRequest({ ...saved.hq, url: 'postgres://k1@h/pos', ownerUrl: 'postgres://o@h/pos', ownerPassword: 'q', ca: 'PEM' }))
      .toMatchObject({ till: { ca: 'PEM' }, owner: { url: 'postgres://o@h/pos', password: 'q', ca: 'PEM' } });
  });

  it('main\'s refusal of a head-office box brings the Kantor pusat section into view', () => {
    const errors = hqErrors({ password: { code: 'hq.login_refused' }, 'names.tillName': { code: 'validation' } });
    expect(Object.keys(errors)).toEqual(['hq.password', 'hq.tillName']);
    expect(firstSectionWithError(errors)).toBe('headOffice');
    expect(sectionOf('hq.ownerUrl')).toBe('headOffice');
  });
});
