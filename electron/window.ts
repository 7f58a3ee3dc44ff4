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
  /** `process.platform`: the window manager rules differ (see createCustomerWindow). */
  platform: NodeJS.Platform;
}

/**
 * The customer-facing window: a frameless window exactly the size of its display — never native
 * fullscreen, which is asynchronous on macOS (a move re-enters fullscreen on the old display;
 * `fullscreen: true` shows the window at creation even with `show: false`; with "Displays have
 * separate Spaces" off it blanks the cashier's screen). No menu, never in the task bar, shown
 * without activating so the cashier keeps the keyboard, and kept above the taskbar, Dock and menu
 * bar with the 'screen-saver' level (Windows leaves its taskbar over a window that is never
 * active). On Linux it stays focusable: a non-focusable window stops interacting with the window
 * manager, which may then ignore its placement. The same security baseline as the main window,
 * with its own subscribe-only preload.
 */
export function createCustomerWindow(options: CustomerWindowOptions): BrowserWindow {
  const linux = options.platform === 'linux';
  const window = new BrowserWindow({
    ...options.bounds,
    frame: false,
    show: false,
    fullscreen: false,
    fullscreenable: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    hasShadow: false,
    // macOS: may cover the menu bar's strip too (the window is the display's full bounds).
    enableLargerThanScreen: true,
    focusable: linux,
    skipTaskbar: true,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    title: 'Paypro POS',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  // Wayland ignores it (Electron's docs); X11 window managers honour the plain level.
  if (linux) window.setAlwaysOnTop(true);
  else window.setAlwaysOnTop(true, 'screen-saver');
  window.removeMenu();
  hardenWebContents(window.webContents, options.isAppUrl);
  window.once('ready-to-show', () => window.showInactive());
  window.loadURL(options.startUrl).catch(options.onLoadFailed);
  return window;
}
