import { vi } from 'vitest';

/**
 * A stand-in for `electron-updater` (which needs Electron). Use it with
 *   vi.mock('electron-updater', async () => (await import('../../harness/updater-mock.ts')).updaterModule);
 * and call `resetFakeAutoUpdater()` in `beforeEach`. The fake records its settings and calls, and
 * keeps the listeners the code under test registers so a test can fire them.
 */
const listeners = new Map<string, (...args: any[]) => void>();

export const fakeAutoUpdater = {
  listeners,
  autoDownload: false,
  autoInstallOnAppQuit: true,
  logger: null as unknown,
  forceDevUpdateConfig: false,
  updateConfigPath: null as string | null,
  checkForUpdates: vi.fn(async (): Promise<unknown> => null),
  quitAndInstall: vi.fn(),
  on: vi.fn((event: string, listener: (...args: any[]) => void) => listeners.set(event, listener)),
};

/** The module shape: electron-updater is CommonJS, imported as its default export. */
export const updaterModule = { default: { autoUpdater: fakeAutoUpdater } };

export function resetFakeAutoUpdater(): void {
  listeners.clear();
  Object.assign(fakeAutoUpdater, { autoDownload: false, autoInstallOnAppQuit: true, logger: null, forceDevUpdateConfig: false, updateConfigPath: null });
  fakeAutoUpdater.checkForUpdates.mockReset().mockResolvedValue(null);
  fakeAutoUpdater.quitAndInstall.mockClear();
  fakeAutoUpdater.on.mockClear();
}
