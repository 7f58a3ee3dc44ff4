import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../harness/electron-mock.ts';
import { isAppUrl } from '../../../electron/app-protocol.ts';
import { startCustomerDisplay } from '../../../electron/customer-display.ts';
import { createCustomerWindow, createMainWindow, secureWebPreferences } from '../../../electron/window.ts';
import type { CustomerView } from '../../../shared/customer-view.ts';
import { customerViewChannel } from '../../../shared/ipc-channels.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const MONITOR = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 600 } };
const IDLE: CustomerView = { kind: 'idle', shopName: 'Toko', language: 'id', training: false };

function setUp(chosen: number | null) {
  const cashier = createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://pos/index.html', isAppUrl, onLoadFailed: vi.fn(), devTools: false });
  const cashierFake = cashier as unknown as FakeBrowserWindow;
  const settings = { displayId: chosen };
  const viewListeners: ((view: CustomerView) => void)[] = [];
  const settingsListeners: (() => void)[] = [];
  const display = startCustomerDisplay({
    screen: electronMock.screen as never,
    cashierWindow: () => cashier,
    chosenDisplayId: () => settings.displayId,
    openWindow: (bounds) =>
      createCustomerWindow({ preloadPath: '/c.cjs', startUrl: 'app://pos/customer.html', isAppUrl, bounds, onLoadFailed: vi.fn(), devTools: false }),
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

  it('opens a full-screen, unfocusable, menu-less window with the secure preferences on the chosen display', () => {
    const { open } = setUp(2);
    const [window] = open();
    expect(window!.options).toMatchObject({ ...MONITOR.bounds, fullscreen: true, frame: false, focusable: false, skipTaskbar: true });
    expect(window!.options.webPreferences).toEqual(secureWebPreferences('/c.cjs', { devTools: false }));
    expect(window!.removeMenu).toHaveBeenCalled();
    expect(window!.webContents.setWindowOpenHandler).toHaveBeenCalled();
    window!.emit('ready-to-show');
    expect(window!.showInactive).toHaveBeenCalled();
    expect(window!.show).not.toHaveBeenCalled();
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
