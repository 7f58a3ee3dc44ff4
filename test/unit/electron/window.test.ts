import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectronMock } from '../../harness/electron-mock.ts';
import { APP_START_URL, isAppUrl } from '../../../electron/app-protocol.ts';
import { createMainWindow, secureWebPreferences } from '../../../electron/window.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

function openWindow() {
  const onLoadFailed = vi.fn();
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', startUrl: APP_START_URL, isAppUrl, onLoadFailed, devTools: false });
  const window = FakeBrowserWindow.created.at(-1)!;
  return { window, contents: window.webContents, onLoadFailed };
}

/** Fires a webContents event the way Electron would and reports whether it was cancelled. */
function fire(contents: FakeBrowserWindow['webContents'], name: string, url?: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  // As Electron 45 does: details on the event, and the deprecated positional URL too.
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('secureWebPreferences', () => {
  it('is the security baseline, with the preload given', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: false })).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/p.cjs',
    });
  });
});

describe('createMainWindow', () => {
  beforeEach(() => resetElectronMock());

  it('creates one window with the secure preferences, hidden until ready, and loads the app', () => {
    const { window } = openWindow();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/dist/electron/preload.cjs', { devTools: false }));
    expect(window.options).toMatchObject({ show: false, backgroundColor: expect.any(String) });
    expect(window.options.width).toBeGreaterThanOrEqual(1280);
    expect(window.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND');
    const { onLoadFailed } = openWindow();
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(FakeBrowserWindow.loadFailure));
  });

  it('allows navigation and redirects within the app only', () => {
    const { contents } = openWindow();
    expect(fire(contents, 'will-navigate', 'app://pos/index.html#/report')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      expect(fire(contents, 'will-navigate', url)).toBe(true);
      expect(fire(contents, 'will-redirect', url)).toBe(true);
    }
  });

  it('denies window.open, webviews and every permission', () => {
    const { contents } = openWindow();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: unknown) => unknown;
    expect(openHandler({ url: 'app://pos/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://paypro.example/pay' })).toEqual({ action: 'deny' });
    expect(fire(contents, 'will-attach-webview')).toBe(true);

    const requestHandler = contents.session.setPermissionRequestHandler.mock.calls[0]![0];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler(contents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const checkHandler = contents.session.setPermissionCheckHandler.mock.calls[0]![0];
    expect(checkHandler(contents, 'media', 'app://pos', {})).toBe(false);
  });
});
