import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../harness/electron-mock.ts';
import { isAppUrl } from '../../../electron/app-protocol.ts';
import { startCustomerDisplay } from '../../../electron/customer-display.ts';
import { createCustomerWindow, createMainWindow, secureWebPreferences } from '../../../electron/window.ts';
import type { DisplayMemory } from '../../../electron/core/customer/display-placement.ts';
import type { CustomerView } from '../../../shared/customer-view.ts';
import { customerViewChannel } from '../../../shared/ipc-channels.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const MONITOR = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 600 } };
const IDLE: CustomerView = { kind: 'idle', shopName: 'Toko', language: 'id', training: false };

function setUp(chosen: number | null, options: { platform?: NodeJS.Platform; memory?: DisplayMemory | null } = {}) {
  const cashier = createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://pos/index.html', isAppUrl, onLoadFailed: vi.fn(), devTools: false });
  const cashierFake = cashier as unknown as FakeBrowserWindow;
  const settings = { displayId: chosen };
  const store = { memory: options.memory ?? null };
  const viewListeners: ((view: CustomerView) => void)[] = [];
  const settingsListeners: (() => void)[] = [];
  const display = startCustomerDisplay({
    screen: electronMock.screen as never,
    cashierWindow: () => cashier,
    chosenDisplayId: () => settings.displayId,
    rememberedDisplay: () => store.memory,
    rememberDisplay: (memory) => {
      store.memory = memory;
    },
    saveChosenDisplayId: (id) => {
      settings.displayId = id;
    },
    openWindow: (bounds) =>
      createCustomerWindow({
        preloadPath: '/c.cjs',
        startUrl: 'app://pos/customer.html',
        isAppUrl,
        bounds,
        onLoadFailed: vi.fn(),
        devTools: false,
        platform: options.platform ?? 'win32',
      }),
    currentView: () => IDLE,
    onView: (listener) => {
      viewListeners.push(listener);
      return () => undefined;
    },
    onSettingsChanged: (listener) => {
      settingsListeners.push(listener);
      return () => undefined;
    },
  });
  const customerWindows = () => FakeBrowserWindow.created.filter((window) => window !== cashierFake);
  const open = () => customerWindows().filter((window) => !window.isDestroyed());
  return {
    cashier,
    display,
    settings,
    store,
    customerWindows,
    open,
    push: (view: CustomerView) => viewListeners.forEach((listener) => listener(view)),
    choose: (id: number | null) => {
      settings.displayId = id;
      settingsListeners.forEach((listener) => listener());
    },
  };
}

describe('customer display glue', () => {
  beforeEach(() => {
    resetElectronMock();
    electronMock.screen.setDisplays([LAPTOP, MONITOR]);
  });

  it('opens a frameless window the size of the chosen display (no native fullscreen), unfocusable, menu-less, with the secure preferences', () => {
    const { open } = setUp(2);
    const [window] = open();
    expect(window!.options).toMatchObject({ ...MONITOR.bounds, frame: false, focusable: false, skipTaskbar: true, fullscreenable: false });
    expect(window!.options.fullscreen).not.toBe(true);
    expect(window!.setFullScreen).not.toHaveBeenCalled();
    expect(window!.getBounds()).toEqual(MONITOR.bounds);
    expect(window!.options.webPreferences).toEqual(secureWebPreferences('/c.cjs', { devTools: false }));
    expect(window!.removeMenu).toHaveBeenCalled();
    expect(window!.webContents.setWindowOpenHandler).toHaveBeenCalled();
    // Above the Windows taskbar (and the Dock / menu bar on macOS).
    expect(window!.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    // Nothing shows before the page is ready (fullscreen: true would show it at creation), then inactive.
    expect(window!.isVisible()).toBe(false);
    window!.emit('ready-to-show');
    expect(window!.showInactive).toHaveBeenCalled();
    expect(window!.show).not.toHaveBeenCalled();
    expect(window!.isVisible()).toBe(true);
  });

  it('on Linux stays focusable (the window manager ignores a non-focusable window), on top at the plain level', () => {
    const [window] = setUp(2, { platform: 'linux' }).open();
    expect(window!.options).toMatchObject({ focusable: true, frame: false });
    expect(window!.setAlwaysOnTop).toHaveBeenCalledWith(true);
  });

  it('moves to a display that changed by resizing the window only, never through fullscreen', () => {
    const { open } = setUp(2);
    const [window] = open();
    const wider = { ...MONITOR, bounds: { ...MONITOR.bounds, width: 1280, height: 800 } };
    electronMock.screen.setDisplays([LAPTOP, wider]);
    electronMock.screen.emit('display-metrics-changed', {}, wider, ['bounds']);
    expect(window!.getBounds()).toEqual(wider.bounds);
    expect(window!.setFullScreen).not.toHaveBeenCalled();
  });

  it('a monitor re-plugged under a new id is found by its place and label, and the new id is saved', () => {
    const { open, settings, store } = setUp(2);
    expect(store.memory).toEqual({ id: 2, label: '', bounds: MONITOR.bounds });
    electronMock.screen.unplug(2);
    expect(open()).toHaveLength(0);
    electronMock.screen.plug({ ...MONITOR, id: 9 });
    expect(open()).toHaveLength(1);
    expect(open()[0]!.getBounds()).toEqual(MONITOR.bounds);
    expect(settings.displayId).toBe(9);
    expect(store.memory?.id).toBe(9);
  });

  it('after a restart, a saved id Windows renumbered still opens on that monitor', () => {
    electronMock.screen.setDisplays([LAPTOP, { ...MONITOR, id: 5, label: 'HP V22' }]);
    const { open, settings } = setUp(2, { memory: { id: 2, label: 'HP V22', bounds: MONITOR.bounds } });
    expect(open()).toHaveLength(1);
    expect(settings.displayId).toBe(5);
  });

  it('feeds the window: the current view once loaded, then every change', () => {
    const { open, push } = setUp(2);
    const [window] = open();
    window!.webContents.emit('did-finish-load');
    expect(window!.webContents.send).toHaveBeenLastCalledWith(customerViewChannel, IDLE);
    const sale = { ...IDLE, kind: 'result', outcome: 'paid', amount: 1, paidAmount: 1, outstanding: null, settledAt: 1 } as const;
    push(sale);
    expect(window!.webContents.send).toHaveBeenLastCalledWith(customerViewChannel, sale);
  });

  it('unplugged: the window closes and nothing opens on the cashier\'s screen; plugged back: it opens again there', () => {
    const { open, customerWindows } = setUp(2);
    expect(open()).toHaveLength(1);
    electronMock.screen.unplug(2);
    expect(open()).toHaveLength(0);
    expect(customerWindows()).toHaveLength(1);
    electronMock.screen.plug(MONITOR);
    expect(open()).toHaveLength(1);
    expect(open()[0]!.options).toMatchObject(MONITOR.bounds);
  });

  it('opens nothing when the choice is the cashier\'s own screen, or no choice', () => {
    expect(setUp(1).open()).toHaveLength(0);
    resetElectronMock();
    electronMock.screen.setDisplays([LAPTOP, MONITOR]);
    expect(setUp(null).open()).toHaveLength(0);
  });

  it('follows the settings: opens when a display is chosen, closes when the choice is cleared', () => {
    const { open, choose } = setUp(null);
    choose(2);
    expect(open()).toHaveLength(1);
    choose(null);
    expect(open()).toHaveLength(0);
  });

  it('lists the displays with the cashier\'s marked, and stops cleanly', () => {
    const { display, open } = setUp(2);
    expect(display.displays().map((option) => [option.id, option.cashier])).toEqual([
      [1, true],
      [2, false],
    ]);
    display.stop();
    expect(open()).toHaveLength(0);
    electronMock.screen.plug({ id: 3, bounds: { x: -800, y: 0, width: 800, height: 600 } });
    expect(open()).toHaveLength(0);
  });
});
