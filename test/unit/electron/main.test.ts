import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { electronMock as ElectronMock } from '../../harness/electron-mock.ts';
import type { updaterModule as UpdaterModule } from '../../harness/updater-mock.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_START_URL } from '../../../electron/app-protocol.ts';
import { ipcContract, paymentUpdateChannel } from '../../../shared/ipc-contract.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);
const electronLog = vi.hoisted(() => ({
  hooks: [] as unknown[],
  transports: { file: { level: 'silly' as unknown }, console: { level: 'silly' as unknown } },
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
}));
vi.mock('electron-updater', async () => (await import('../../harness/updater-mock.ts')).updaterModule);
// electron-store itself runs (inlined by vitest.config.ts, on the electron mock), over a fake conf.
vi.mock('conf', () => ({
  default: vi.fn(function FakeConf(this: { options: unknown; values: Map<string, unknown>; get: unknown; set: unknown }, options: unknown) {
    this.options = options;
    this.values = new Map();
    this.get = (key: string) => this.values.get(key);
    this.set = (key: string, value: unknown) => this.values.set(key, value);
  }),
}));

const core = vi.hoisted(() => ({
  close: vi.fn(async () => undefined),
  listeners: [] as ((payment: unknown) => void)[],
  viewListeners: [] as ((view: unknown) => void)[],
  /** The customer display's chosen screen in the fake settings. */
  displayId: null as number | null,
  options: null as unknown,
}));
vi.mock('../../../electron/core/pos-core.ts', () => ({
  createPosCore: vi.fn((options: unknown) => {
    core.options = options;
    return {
      router: { dispatch: vi.fn(async () => ({ ok: true, value: { settings: { environment: 'live' } } })) },
      payments: { unsettledStates: vi.fn(() => []) },
      onPaymentUpdate: (listener: (payment: unknown) => void) => core.listeners.push(listener),
      settings: () => ({ customerDisplay: { displayId: core.displayId } }),
      onSettingsChanged: () => () => undefined,
      saveCustomerDisplayId: (id: number) => {
        core.displayId = id;
      },
      customerView: () => ({ kind: 'idle', shopName: 'Toko', language: 'id', training: true }),
      onCustomerView: (listener: (view: unknown) => void) => {
        core.viewListeners.push(listener);
        return () => undefined;
      },
      close: core.close,
    };
  }),
}));

/**
 * main.ts runs on import: each test loads it afresh on a reset electron mock, reached through
 * `import('electron')` because resetModules re-creates the harness module but not the mock.
 */
async function load(configure: (electron: typeof ElectronMock) => void = () => {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof ElectronMock;
  const { resetElectronMock } = await import('../../harness/electron-mock.ts');
  resetElectronMock(electron);
  configure(electron);
  // Like the real electron-log/main (src/main/index.js): importing it registers `__ELECTRON_LOG__`
  // on ipcMain, as a listener and as an invoke handler, with no sender check. (doMock: a mock
  // factory registered with vi.mock runs once, not again after resetModules.)
  vi.doMock('electron-log/main', () => {
    electron.ipcMain.on('__ELECTRON_LOG__', () => undefined);
    electron.ipcMain.handle('__ELECTRON_LOG__', async () => ({}));
    return { default: electronLog };
  });
  const updater = ((await import('electron-updater')) as unknown as typeof UpdaterModule).default.autoUpdater;
  await import('../../../electron/main.ts');
  return { electron, updater, windows: electron.BrowserWindow.created };
}

async function launch() {
  const loaded = await load();
  await vi.waitFor(() => expect(loaded.windows).toHaveLength(1));
  return { electronMock: loaded.electron, updater: loaded.updater, window: loaded.windows[0]! };
}

/** Launches with a dev update feed (POS_UPDATE_CONFIG) and a finished download, then runs `use`. */
async function withDownloadedUpdate(use: (launched: Awaited<ReturnType<typeof launch>>) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-main-feed-'));
  const feed = path.join(dir, 'dev-app-update.yml');
  writeFileSync(feed, 'provider: github\nowner: paypro-pos\nrepo: paypro-pos\n');
  vi.stubEnv('POS_UPDATE_CONFIG', feed);
  try {
    const launched = await launch();
    await vi.waitFor(() => expect(launched.updater.checkForUpdates).toHaveBeenCalled());
    launched.updater.finishDownload({ version: '0.2.0' });
    await use(launched);
  } finally {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('main', () => {
  beforeEach(() => {
    core.listeners.length = 0;
    core.viewListeners.length = 0;
    core.displayId = null;
    core.close.mockClear();
  });

  it('opens no customer window without a chosen display', async () => {
    const { electronMock } = await launch();
    expect(electronMock.BrowserWindow.created).toHaveLength(1);
  });

  it('opens the customer window on the chosen display with its own preload, feeds it, and refuses its calls', async () => {
    core.displayId = 2;
    const loaded = await load((electron) =>
      electron.screen.setDisplays([
        { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
        { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 600 } },
      ]),
    );
    await vi.waitFor(() => expect(loaded.windows).toHaveLength(2));
    const customer = loaded.windows[1]!;
    expect(customer.loadURL).toHaveBeenCalledWith('app://pos/customer.html');
    expect(customer.options).toMatchObject({ x: 1366, y: 0, width: 1024, height: 600, fullscreen: false, frame: false, focusable: process.platform === 'linux' });
    expect(customer.options.webPreferences.preload).toMatch(/customer-preload\.cjs$/);
    customer.webContents.emit('did-finish-load');
    expect(customer.webContents.send).toHaveBeenCalledWith('customer:view', expect.objectContaining({ kind: 'idle' }));

    // A call from the customer page is dropped by the sender check, even though it is the app's own URL.
    const handler = loaded.electron.ipcMain.handlers.get(ipcContract.getSettings.channel)!;
    const fromCustomer = { senderFrame: { url: 'app://pos/customer.html', parent: null } };
    expect(await handler(fromCustomer, {})).toEqual({ ok: false, error: { code: 'bad_sender' } });

    // Unplugged: the window closes instead of moving onto the cashier's screen.
    loaded.electron.screen.unplug(2);
    expect(customer.close).toHaveBeenCalled();
    expect(loaded.windows).toHaveLength(2);
  });

  it('privileges app://, enables the sandbox and sets the UI locale before ready, then serves the renderer from it', async () => {
    const { electronMock, window } = await launch();
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(electronMock.app.enableSandbox).toHaveBeenCalled();
    // Chromium's date boxes in Indonesian order (dd/mm/yyyy) whatever the system language.
    expect(electronMock.app.commandLine.getSwitchValue('lang')).toBe('id-ID');
    expect(electronMock.protocol.handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
    expect(window.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(window.options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('packaged: DevTools off in the window and a menu without DevTools or reload', async () => {
    const { electron, windows } = await load((mock) => {
      mock.app.isPackaged = true;
    });
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(windows[0]!.options.webPreferences.devTools).toBe(false);
    const menu = electron.Menu.getApplicationMenu();
    expect(menu).not.toBeNull();
    const roles = JSON.stringify(menu, (key, value) => (key === 'label' ? undefined : value));
    expect(roles).toContain('"paste"');
    expect(roles).not.toMatch(/devtools|reload/i);
  });

  it('in development: DevTools allowed and Electron\'s default menu kept', async () => {
    const { electronMock, window } = await launch();
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(electronMock.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });

  it('wires the core with userData, the safeStorage cipher and an electron-store there', async () => {
    await launch(); // unpackaged: the development userData
    expect(core.options).toMatchObject({
      userDataDir: '/tmp/paypro-pos-user-data (development)',
      // The OS region (the CSV format Excel opens in columns), not the UI language.
      systemLocale: 'id-ID',
      cipher: { encrypt: expect.any(Function), decrypt: expect.any(Function) },
      secretProtection: expect.any(Function),
      store: { options: { cwd: '/tmp/paypro-pos-user-data (development)', configName: 'settings', configFileMode: 0o600 } },
    });
    const { default: ElectronStore } = await import('electron-store');
    expect((core.options as { store: unknown }).store).toBeInstanceOf(ElectronStore);
  });

  it('after start-up, the only IPC channels registered in main are the contract\'s (no electron-log, no electron-store)', async () => {
    const { electronMock } = await launch();
    const contract = Object.values(ipcContract).map((call) => call.channel).sort();
    expect([...electronMock.ipcMain.handlers.keys()].sort()).toEqual(contract);
    expect(electronMock.ipcMain.eventNames()).toEqual([]);
    // They were there: the libraries registered them, main removed them before opening the window.
    expect(electronMock.ipcMain.handle).toHaveBeenCalledWith('__ELECTRON_LOG__', expect.any(Function));
    expect(electronMock.ipcMain.on).toHaveBeenCalledWith('__ELECTRON_LOG__', expect.any(Function));
    expect(electronMock.ipcMain.on).toHaveBeenCalledWith('electron-store-get-data', expect.any(Function));
  });

  it('logs through electron-log (file transport) with the redaction hook first, in main and in the core', async () => {
    await launch();
    // main.ts's own instance of the hook (resetModules loads a fresh log.ts per launch).
    const redactionHook = electronLog.hooks[0] as (message: { data: unknown[] }) => { data: unknown[] };
    expect(redactionHook.name).toBe('redactionHook');
    expect(electronLog.transports.file.level).toBe('info');
    const logger = (core.options as { logger: { error(message: string, context: object): void } }).logger;
    logger.error('IPC handler failed', { call: 'charge' });
    expect(electronLog.error).toHaveBeenCalledWith('IPC handler failed', { call: 'charge' });
    const redacted = redactionHook({ data: ['for 081234567890', { email: 'budi@toko.id', sign: 'ABCDEF12' }] });
    expect(redacted.data).toEqual(['for *********890', { email: 'b***@toko.id', sign: '[redacted]' }]);
  });

  it('leaves updates off in a build without an update feed, so electron-updater never installs on its own', async () => {
    const { updater } = await launch(); // a fresh fake, which starts with install-on-quit on
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('pushes payment updates to the window', async () => {
    const { window } = await launch();
    core.listeners[0]!({ tradeNo: 'T1' });
    expect(window.webContents.send).toHaveBeenCalledWith(paymentUpdateChannel, { tradeNo: 'T1' });
  });

  it('focuses the first window when a second instance starts', async () => {
    const { electronMock, window } = await launch();
    window.isMinimized.mockReturnValue(true);
    electronMock.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('closes the core before quitting, once', async () => {
    const { electronMock } = await launch();
    const event = { preventDefault: vi.fn() };
    electronMock.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electronMock.app.quit).toHaveBeenCalled());
    expect(core.close).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    electronMock.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('installs a downloaded update once the core has closed, when quitting with no payment open', async () => {
    await withDownloadedUpdate(async ({ electronMock, updater }) => {
      let coreClosed = false;
      core.close.mockImplementationOnce(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        coreClosed = true;
      });
      updater.quitAndInstall.mockImplementationOnce((...args: [boolean?, boolean?]) => {
        expect(coreClosed).toBe(true);
        return updater.quitAndInstall.getMockImplementation()!(...args);
      });
      electronMock.app.emit('before-quit', { preventDefault: vi.fn() });
      await vi.waitFor(() => expect(updater.installs).toEqual([{ isSilent: true, isForceRunAfter: false, via: 'quitAndInstall' }]));
      updater.appQuit(); // the library's own quit hook must not install a second time
      expect(updater.installs).toHaveLength(1);
    });
  });

  for (const event of ['query-session-end', 'session-end'] as const) {
    it(`a Windows shutdown or log-off (${event}, no before-quit) closes the core gracefully and installs nothing`, async () => {
      await withDownloadedUpdate(async ({ window, updater }) => {
        const installedBefore = updater.installs.length; // the fake outlives a test
        window.emit(event, { preventDefault: vi.fn(), reasons: ['shutdown'] });
        await vi.waitFor(() => expect(core.close).toHaveBeenCalledOnce());
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(updater.quitAndInstall).not.toHaveBeenCalled();
        expect(updater.installs).toHaveLength(installedBefore);
      });
    });
  }

  it('an unpackaged run (npm start) gets its own userData, hence its own ledger, settings and single-instance lock', async () => {
    const { electron } = await load();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/paypro-pos-user-data (development)');
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    await vi.waitFor(() => expect(core.options).toMatchObject({ userDataDir: '/tmp/paypro-pos-user-data (development)' }));
    const packaged = await load((electron) => {
      electron.app.isPackaged = true;
    });
    expect(packaged.electron.app.setPath).not.toHaveBeenCalled();
  });

  it('quits at once without starting when another instance holds the lock', async () => {
    const { electron, windows } = await load((electron) => electron.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });
});
