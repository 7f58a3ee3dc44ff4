import { describe, expect, it } from 'vitest';
import {
  chooseCustomerDisplay,
  displayOptions,
  parseDisplayMemory,
  planCustomerWindow,
  type DisplayLike,
} from '../../../../electron/core/customer/display-placement.ts';

const LAPTOP: DisplayLike = { id: 1, label: 'Built-in', internal: true, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const MONITOR: DisplayLike = { id: 2, label: '', internal: false, bounds: { x: 1366, y: 0, width: 1024, height: 600 } };
const OTHER: DisplayLike = { id: 3, label: 'DELL P2419H', internal: false, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };

describe('chooseCustomerDisplay', () => {
  it('is the chosen display when it is connected', () => {
    expect(chooseCustomerDisplay([LAPTOP, MONITOR], 2, 1)).toBe(MONITOR);
  });

  it('is none when the chosen display is unplugged: nothing falls back onto another screen', () => {
    expect(chooseCustomerDisplay([LAPTOP], 2, 1)).toBeNull();
    expect(chooseCustomerDisplay([LAPTOP, OTHER], 2, 1)).toBeNull();
  });

  it('is none without a choice, or when the choice is the screen the cashier works on', () => {
    expect(chooseCustomerDisplay([LAPTOP, MONITOR], null, 1)).toBeNull();
    expect(chooseCustomerDisplay([LAPTOP, MONITOR], 1, 1)).toBeNull();
  });
});

describe('planCustomerWindow: hot-plug', () => {
  const onMonitor = { displayId: 2, bounds: MONITOR.bounds };

  it('opens on the display when it is plugged (back) in', () => {
    expect(planCustomerWindow(null, MONITOR)).toEqual({ kind: 'open', displayId: 2, bounds: MONITOR.bounds });
  });

  it('closes the window when its display goes away, and keeps nothing open otherwise', () => {
    expect(planCustomerWindow(onMonitor, null)).toEqual({ kind: 'close' });
    expect(planCustomerWindow(null, null)).toEqual({ kind: 'keep' });
  });

  it('keeps a window that is where it belongs, and moves it when the display moved or changed', () => {
    expect(planCustomerWindow(onMonitor, MONITOR)).toEqual({ kind: 'keep' });
    const moved = { ...MONITOR, bounds: { ...MONITOR.bounds, x: -1024 } };
    expect(planCustomerWindow(onMonitor, moved)).toEqual({ kind: 'move', displayId: 2, bounds: moved.bounds });
    expect(planCustomerWindow(onMonitor, OTHER)).toEqual({ kind: 'move', displayId: 3, bounds: OTHER.bounds });
  });

  it('unplug then plug back: close, then open on the same display', () => {
    const unplugged = planCustomerWindow(onMonitor, chooseCustomerDisplay([LAPTOP], 2, 1));
    const back = planCustomerWindow(null, chooseCustomerDisplay([LAPTOP, MONITOR], 2, 1));
    expect([unplugged.kind, back]).toEqual(['close', { kind: 'open', displayId: 2, bounds: MONITOR.bounds }]);
  });
});

describe('displayOptions', () => {
  it('names every display, marks the cashier\'s, with its size', () => {
    expect(displayOptions([LAPTOP, MONITOR, OTHER], 1)).toEqual([
      { id: 1, label: 'Built-in', width: 1366, height: 768, cashier: true },
      { id: 2, label: '#2', width: 1024, height: 600, cashier: false },
      { id: 3, label: 'DELL P2419H', width: 1920, height: 1080, cashier: false },
    ]);
  });
});

describe('chooseCustomerDisplay: a saved id that changed after a re-plug', () => {
  const SAVED = { id: 2, label: 'HP V22', bounds: MONITOR.bounds };
  const REPLUGGED: DisplayLike = { ...MONITOR, id: 7, label: 'HP V22' };

  it('finds the monitor again by position and size (then label), whatever its new id', () => {
    expect(chooseCustomerDisplay([LAPTOP, REPLUGGED], 2, 1, SAVED)).toBe(REPLUGGED);
    const unlabelled = { ...REPLUGGED, label: '' };
    expect(chooseCustomerDisplay([LAPTOP, unlabelled], 2, 1, SAVED)).toBe(unlabelled);
    const moved = { ...REPLUGGED, bounds: { ...MONITOR.bounds, x: -1024 } };
    expect(chooseCustomerDisplay([LAPTOP, moved], 2, 1, SAVED)).toBe(moved);
  });

  it('never guesses: no memory of that id, two alike, or only the cashier\'s screen left', () => {
    expect(chooseCustomerDisplay([LAPTOP, REPLUGGED], 2, 1, null)).toBeNull();
    expect(chooseCustomerDisplay([LAPTOP, REPLUGGED], 2, 1, { ...SAVED, id: 5 })).toBeNull();
    const twin = { ...REPLUGGED, id: 8, label: '', bounds: { ...MONITOR.bounds, y: 600 } };
    const twins = [LAPTOP, { ...REPLUGGED, label: '', bounds: { ...MONITOR.bounds, y: -600 } }, twin];
    expect(chooseCustomerDisplay(twins, 2, 1, SAVED)).toBeNull();
    expect(chooseCustomerDisplay([{ ...LAPTOP, bounds: MONITOR.bounds, label: 'HP V22' }], 2, 1, SAVED)).toBeNull();
  });

  it('reads back only a well-formed memory', () => {
    expect(parseDisplayMemory(SAVED)).toEqual(SAVED);
    for (const bad of [null, 'x', { ...SAVED, id: '2' }, { ...SAVED, bounds: { x: 1 } }, { id: 2, bounds: MONITOR.bounds }]) {
      expect(parseDisplayMemory(bad)).toBeNull();
    }
  });
});
