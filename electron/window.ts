import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';

/**
 * The renderer gets no Node, no remote content, no webviews: only what the preload exposes.
 * `devTools` is false in the packaged app (`!app.isPackaged`): no shortcut or menu can open them.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: options.devTools,
    preload: preloadPath,
  };
}

/**
 * Denies everything that could take the page somewhere else or grant it more: navigation and
 * redirects off the app's own URL, new windows, webviews, and every permission (camera,
 * notifications, geolocation… the counter needs none).
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  // The URL from the event's details: the positional `url` argument is deprecated.
  const denyForeign = (details: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  /** `app://pos/index.html`, or the Vite dev server in development. */
  startUrl: string;
  isAppUrl: (url: string) => boolean;
  onLoadFailed: (error: unknown) => void;
  /** Developer tools allowed: `!app.isPackaged`. */
  devTools: boolean;
}

/** The one window: large for a counter screen, shown only once painted so it never flashes. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f8fafc',
    autoHideMenuBar: true,
    title: 'Paypro POS',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  hardenWebContents(window.webContents, options.isAppUrl);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.startUrl).catch(options.onLoadFailed);
  return window;
}

export interface CustomerWindowOptions {
  preloadPath: string;
  /** `app://pos/customer.html`, or the Vite dev server's page in development. */
  startUrl: string;
  isAppUrl: (url: string) => boolean;
  /** The customer display's bounds: the window fills that screen. */
  bounds: { x: number; y: number; width: number; height: number };
  onLoadFailed: (error: unknown) => void;
  /** Developer tools allowed: `!app.isPackaged`. */
  devTools: boolean;
}

/**
 * The customer-facing window: full screen on its display, no frame or menu, never in the task bar,
 * and never taking the keyboard from the cashier (not focusable, shown without activating).
 * The same security baseline as the main window, with its own subscribe-only preload.
 */
export function createCustomerWindow(options: CustomerWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    fullscreen: true,
    frame: false,
    show: false,
    focusable: false,
    skipTaskbar: true,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    title: 'Paypro POS',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  window.removeMenu();
  hardenWebContents(window.webContents, options.isAppUrl);
  window.once('ready-to-show', () => window.showInactive());
  window.loadURL(options.startUrl).catch(options.onLoadFailed);
  return window;
}
