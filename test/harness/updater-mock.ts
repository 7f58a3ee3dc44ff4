import { vi } from 'vitest';

/**
 * A stand-in for `electron-updater` (which needs Electron). Use it with
 *   vi.mock('electron-updater', async () => (await import('../../harness/updater-mock.ts')).updaterModule);
 * and call `resetFakeAutoUpdater()` in `beforeEach`.
 *
 * It keeps the real library's timing (electron-updater 6.8, out/BaseUpdater.js and MacUpdater.js),
 * which is what a kinder fake once hid:
 *  - `autoInstallOnAppQuit` is read when a download FINISHES: BaseUpdater.executeDownload's `done`
 *    emits `update-downloaded`, then `addQuitHandler()` registers the install-at-quit hook only if
 *    the flag is true at that moment (MacUpdater likewise hands the file to Squirrel only then).
 *    Setting it later, in `before-quit`, installs nothing.
 *  - `quitAndInstall(isSilent, isForceRunAfter)` installs only a downloaded update, ignores a second
 *    call, and then quits the app itself (setImmediate → app.quit()); without a download it emits
 *    `error` and does not quit.
 * A test drives it with `finishDownload()` (a download completing) and `appQuit()` (the app's
 * `quit` event), and reads what was installed from `installs`.
 *
 * `useMacUpdater({ signed })` switches to MacUpdater (out/MacUpdater.js), which is no BaseUpdater:
 *  - `quitAndInstall()` IGNORES its arguments. Unless Squirrel.Mac already holds the update it
 *    registers on the native `update-downloaded` and (autoInstallOnAppQuit being false) asks
 *    Squirrel to check now: the round trip through MacUpdater's local proxy happens AT QUIT, later
 *    (a tick here), and the app keeps running meanwhile.
 *  - Once Squirrel has it, `handleUpdateDownloaded` relaunches the app (native quitAndInstall)
 *    when `autoRunAppAfterInstall` is true — the AppUpdater default — else only `app.quit()`
 *    (Squirrel.Mac applies the update as the app exits, without starting it again).
 *  - Squirrel.Mac installs only into a signed app: an unsigned one gets the native `error`
 *    ("Could not get code signature for running application"), re-emitted as `error`; no quit.
 */
type Listener = (...args: any[]) => void;
const listeners = new Map<string, Listener[]>();

export interface FakeInstall {
  isSilent: boolean;
  isForceRunAfter: boolean;
  /** `quitAndInstall`, the install-at-quit hook registered after a download, or Squirrel.Mac. */
  via: 'quitAndInstall' | 'quit_hook' | 'squirrel';
}

const state = {
  downloaded: false,
  quitHandlerAdded: false,
  quitAndInstallCalled: false,
  /** MacUpdater only (null: BaseUpdater, i.e. Windows NSIS and Linux AppImage). */
  mac: null as null | { signed: boolean; squirrelDownloaded: boolean; onSquirrelDownloaded: (() => void)[] },
};

function emit(event: string, ...args: unknown[]): void {
  for (const listener of listeners.get(event) ?? []) listener(...args);
}

/** BaseUpdater.install: sync, once, only with a downloaded file. */
function install(isSilent: boolean, isForceRunAfter: boolean, via: FakeInstall['via']): boolean {
  if (state.quitAndInstallCalled) return false;
  if (!state.downloaded) {
    emit('error', new Error("No update filepath provided, can't quit and install"));
    return false;
  }
  state.quitAndInstallCalled = true;
  fakeAutoUpdater.installs.push({ isSilent, isForceRunAfter, via });
  return true;
}

export const fakeAutoUpdater = {
  listeners,
  installs: [] as FakeInstall[],
  /** What the library's app adapter does to quit (ElectronAppAdapter.quit → app.quit()). */
  appAdapterQuit: vi.fn(),
  /** Electron's native autoUpdater.quitAndInstall (macOS): quits and starts the app again. */
  nativeQuitAndInstall: vi.fn(),
  autoDownload: true,
  autoInstallOnAppQuit: true,
  autoRunAppAfterInstall: true,
  logger: null as unknown,
  forceDevUpdateConfig: false,
  updateConfigPath: null as string | null,
  checkForUpdates: vi.fn(async (): Promise<unknown> => null),
  quitAndInstall: vi.fn((isSilent = false, isForceRunAfter = false) => {
    if (state.mac) {
      macQuitAndInstall(state.mac);
      return;
    }
    if (install(isSilent, isSilent ? isForceRunAfter : fakeAutoUpdater.autoRunAppAfterInstall, 'quitAndInstall')) {
      setImmediate(() => fakeAutoUpdater.appAdapterQuit());
    } else {
      state.quitAndInstallCalled = false;
    }
  }),
  on: vi.fn((event: string, listener: Listener) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    return fakeAutoUpdater;
  }),
  /** A download completing: `update-downloaded`, then the quit hook if autoInstallOnAppQuit is true now. */
  finishDownload(info: { version: string }): void {
    state.downloaded = true;
    emit('update-downloaded', info);
    if (state.mac) {
      // MacUpdater.updateDownloaded: Squirrel is asked at once only with autoInstallOnAppQuit.
      if (fakeAutoUpdater.autoInstallOnAppQuit) squirrelCheck(state.mac);
      return;
    }
    if (!state.quitHandlerAdded && fakeAutoUpdater.autoInstallOnAppQuit) state.quitHandlerAdded = true;
  },
  /** The app's `quit` event: the hook (if registered) installs silently, as BaseUpdater.addQuitHandler does. */
  appQuit(exitCode = 0): void {
    if (state.mac) return; // MacUpdater adds no quit hook: Squirrel applies what it holds on exit.
    if (!state.quitHandlerAdded || state.quitAndInstallCalled || !fakeAutoUpdater.autoInstallOnAppQuit || exitCode !== 0) return;
    install(true, false, 'quit_hook');
  },
};

/** MacUpdater.quitAndInstall: no arguments read; install once Squirrel holds the update. */
function macQuitAndInstall(mac: NonNullable<typeof state.mac>): void {
  if (mac.squirrelDownloaded) {
    macHandleUpdateDownloaded();
    return;
  }
  mac.onSquirrelDownloaded.push(macHandleUpdateDownloaded);
  if (!fakeAutoUpdater.autoInstallOnAppQuit) squirrelCheck(mac);
}

/** Electron's native autoUpdater.checkForUpdates against MacUpdater's proxy: answers later. */
function squirrelCheck(mac: NonNullable<typeof state.mac>): void {
  setImmediate(() => {
    if (!state.downloaded) return emit('error', new Error('Update check failed. The server sent an invalid response.'));
    if (!mac.signed) return emit('error', new Error('Could not get code signature for running application'));
    mac.squirrelDownloaded = true;
    for (const listener of mac.onSquirrelDownloaded) listener();
  });
}

/** MacUpdater.handleUpdateDownloaded: relaunch (native quitAndInstall) or a plain app.quit(). */
function macHandleUpdateDownloaded(): void {
  const relaunch = fakeAutoUpdater.autoRunAppAfterInstall;
  fakeAutoUpdater.installs.push({ isSilent: false, isForceRunAfter: relaunch, via: 'squirrel' });
  if (relaunch) fakeAutoUpdater.nativeQuitAndInstall();
  else fakeAutoUpdater.appAdapterQuit();
}

/** From now on the fake is MacUpdater (electron-updater picks it on darwin). */
export function useMacUpdater(options: { signed: boolean }): void {
  state.mac = { signed: options.signed, squirrelDownloaded: false, onSquirrelDownloaded: [] };
}

/** The module shape: electron-updater is CommonJS, imported as its default export. */
export const updaterModule = { default: { autoUpdater: fakeAutoUpdater } };

export function resetFakeAutoUpdater(): void {
  listeners.clear();
  Object.assign(state, { downloaded: false, quitHandlerAdded: false, quitAndInstallCalled: false, mac: null });
  fakeAutoUpdater.installs.length = 0;
  // The library's defaults (AppUpdater's constructor).
  Object.assign(fakeAutoUpdater, {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    autoRunAppAfterInstall: true,
    logger: null,
    forceDevUpdateConfig: false,
    updateConfigPath: null,
  });
  fakeAutoUpdater.checkForUpdates.mockReset().mockResolvedValue(null);
  fakeAutoUpdater.quitAndInstall.mockClear();
  fakeAutoUpdater.appAdapterQuit.mockReset();
  fakeAutoUpdater.nativeQuitAndInstall.mockReset();
  fakeAutoUpdater.on.mockClear();
}
