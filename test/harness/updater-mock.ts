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
 */
type Listener = (...args: any[]) => void;
const listeners = new Map<string, Listener[]>();

export interface FakeInstall {
  isSilent: boolean;
  isForceRunAfter: boolean;
  /** `quitAndInstall`, or the install-at-quit hook registered after a download. */
  via: 'quitAndInstall' | 'quit_hook';
}

const state = { downloaded: false, quitHandlerAdded: false, quitAndInstallCalled: false };

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
  autoDownload: true,
  autoInstallOnAppQuit: true,
  autoRunAppAfterInstall: true,
  logger: null as unknown,
  forceDevUpdateConfig: false,
  updateConfigPath: null as string | null,
  checkForUpdates: vi.fn(async (): Promise<unknown> => null),
  quitAndInstall: vi.fn((isSilent = false, isForceRunAfter = false) => {
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
    if (!state.quitHandlerAdded && fakeAutoUpdater.autoInstallOnAppQuit) state.quitHandlerAdded = true;
  },
  /** The app's `quit` event: the hook (if registered) installs silently, as BaseUpdater.addQuitHandler does. */
  appQuit(exitCode = 0): void {
    if (!state.quitHandlerAdded || state.quitAndInstallCalled || !fakeAutoUpdater.autoInstallOnAppQuit || exitCode !== 0) return;
    install(true, false, 'quit_hook');
  },
};

/** The module shape: electron-updater is CommonJS, imported as its default export. */
export const updaterModule = { default: { autoUpdater: fakeAutoUpdater } };

export function resetFakeAutoUpdater(): void {
  listeners.clear();
  Object.assign(state, { downloaded: false, quitHandlerAdded: false, quitAndInstallCalled: false });
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
  fakeAutoUpdater.on.mockClear();
}
