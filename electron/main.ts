import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen } from 'electron';
import log from 'electron-log/main';
import ElectronStore from 'electron-store';
import { paymentUpdateChannel } from '../shared/ipc-contract.ts';
import {
  APP_HOST,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  createAppProtocolHandler,
  devServerOrigin,
  isAppUrl,
} from './app-protocol.ts';
import { installApplicationMenu } from './app-menu.ts';
import { createAppLogger } from './core/logging/log.ts';
import { startCustomerDisplay, type CustomerDisplay } from './customer-display.ts';
import { parseDisplayMemory } from './core/customer/display-placement.ts';
import { createPosCore, type PosCore } from './core/pos-core.ts';
import type { KeyValueStore } from './core/vault/vault.ts';
import { removeForeignIpc } from './foreign-ipc.ts';
import { registerIpc } from './ipc.ts';
import { createSystemPrinter } from './receipt-printing.ts';
import { createFileSaver } from './save-dialog.ts';
import { createExternalOpener } from './open-external.ts';
import { createSafeStorageCipher, secretProtection } from './safe-storage-cipher.ts';
import { startAutoUpdates, updateFeedConfigured, type AutoUpdates } from './updater.ts';
import { createCustomerWindow, createMainWindow } from './window.ts';

// Bundled to dist/electron/main.js, next to preload.cjs; the renderer build is dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, 'preload.cjs');
const customerPreloadPath = path.join(here, 'customer-preload.cjs');
const rendererDir = path.join(here, '..', 'renderer');

// `npm run dev` points this at the Vite server; a packaged app never trusts it.
const devOrigin = app.isPackaged ? null : devServerOrigin(process.env.POS_DEV_SERVER_URL);
const trustedOrigins = devOrigin === null ? [] : [devOrigin];
const isTrustedUrl = (url: string) => isAppUrl(url, trustedOrigins);
// The customer display's page is the app's too, but it may call nothing: only the cashier's page may.
const CUSTOMER_PAGE = '/customer.html';
/** In settings.json beside the settings: the customer display's monitor, to find it again after a re-plug. */
const CUSTOMER_DISPLAY_MEMORY_KEY = 'customerDisplayMemory';
const isCashierPage = (url: string) => isTrustedUrl(url) && new URL(url).pathname !== CUSTOMER_PAGE;
const customerPageUrl = devOrigin === null ? `${APP_SCHEME}://${APP_HOST}${CUSTOMER_PAGE}` : `${devOrigin}${CUSTOMER_PAGE}`;

// electron-log: a file in userData/logs (main.log, rotated at 1 MB), and the console in
// development. Every line is redacted first (secret, sign, customer mobile and email).
log.transports.file.level = 'info';
log.transports.console.level = app.isPackaged ? false : 'info';
const logger = createAppLogger(log);

let mainWindow: BrowserWindow | null = null;
let core: PosCore | null = null;
let updates: AutoUpdates | null = null;
let customerDisplay: CustomerDisplay | null = null;
/** Windows is shutting down or logging off: close the core, start no installer. */
let sessionEnding = false;

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    startUrl: devOrigin === null ? APP_START_URL : `${devOrigin}/`,
    isAppUrl: isTrustedUrl,
    onLoadFailed: (error) => logger.error('Renderer failed to load', { error }),
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
    // Without the cashier's window the app is closing: the customer's goes too.
    customerDisplay?.stop();
  });
  // Windows shutdown or log-off never emits before-quit: start the graceful quit ourselves, at the
  // query already (the session may end soon after `session-end`), and install no update then.
  const endOfSession = () => {
    sessionEnding = true;
    app.quit();
  };
  mainWindow.on('query-session-end', endOfSession);
  mainWindow.on('session-end', endOfSession);
}

async function start(): Promise<void> {
  await app.whenReady();
  installApplicationMenu(app.isPackaged, process.platform);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  const userDataDir = app.getPath('userData');
  // electron-store (the design card's store; it extends conf, the core's KeyValueStore) at
  // userData/settings.json. electron-store's `electron-store-get-data` and electron-log's
  // `__ELECTRON_LOG__` channels are removed below, before any window exists (foreign-ipc.ts).
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: userDataDir,
    name: 'settings',
    projectVersion: app.getVersion(),
    // Owner-only (0600): other accounts on the till must not read or edit the settings and PIN.
    configFileMode: 0o600,
  });
  removeForeignIpc(ipcMain);

  // ─── Core wiring: the one call into the Electron-free core (electron/core/pos-core.ts) ───
  // It opens the ledger in userData, the vault on `store`, starts the training simulator on
  // 127.0.0.1 when in training mode, and resumes every unsettled payment.
  const fileSaver = createFileSaver({ parentWindow: () => mainWindow });
  core = createPosCore({
    userDataDir,
    store,
    cipher: createSafeStorageCipher(),
    secretProtection,
    logger,
    displays: () => customerDisplay?.displays() ?? [],
    // Receipts on printers installed in the OS and "Simpan PDF" (electron/receipt-printing.ts);
    // the CSV export and the PDF go where the owner chooses in the save dialog (save-dialog.ts).
    systemPrinter: createSystemPrinter({ parentWindow: () => mainWindow, fileSaver }),
    fileSaver,
    externalOpener: createExternalOpener(),
    // Region formats, not the UI language: Excel's list separator follows them (CSV export).
    systemLocale: app.getSystemLocale(),
  });

  registerIpc(ipcMain, core.router, isCashierPage, logger);
  core.onPaymentUpdate((payment) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(paymentUpdateChannel, payment);
  });
  openWindow();
  startCustomerWindow(core, store);

  // Background updates (electron/updater.ts): off in training mode and without a feed; installs
  // only at quit or end of day, and only with no payment open.
  const running = core;
  updates = startAutoUpdates({
    feedConfigured: updateFeedConfigured({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath ?? '', env: process.env }),
    devUpdateConfigPath: app.isPackaged ? undefined : process.env.POS_UPDATE_CONFIG,
    environment: async () => {
      const view = await running.router.dispatch('getSettings', {});
      return view.ok ? view.value.settings.environment : 'training';
    },
    paymentStates: () => running.payments.unsettledStates(),
    quitApp: () => app.quit(),
    logger,
  });
}

/** The customer-facing window on the display chosen in the settings, following hot-plug. */
function startCustomerWindow(running: PosCore, store: KeyValueStore): void {
  customerDisplay = startCustomerDisplay({
    screen,
    cashierWindow: () => mainWindow,
    chosenDisplayId: () => running.settings().customerDisplay.displayId,
    rememberedDisplay: () => parseDisplayMemory(store.get(CUSTOMER_DISPLAY_MEMORY_KEY)),
    rememberDisplay: (memory) => store.set(CUSTOMER_DISPLAY_MEMORY_KEY, memory),
    saveChosenDisplayId: (id) => running.saveCustomerDisplayId(id),
    openWindow: (bounds) =>
      createCustomerWindow({
        preloadPath: customerPreloadPath,
        startUrl: customerPageUrl,
        isAppUrl: isTrustedUrl,
        bounds,
        onLoadFailed: (error) => logger.error('Customer display failed to load', { error }),
        devTools: !app.isPackaged,
        platform: process.platform,
      }),
    currentView: () => running.customerView(),
    onView: (listener) => running.onCustomerView(listener),
    onSettingsChanged: (listener) => running.onSettingsChanged(() => listener()),
  });
}

/** Stops polling and closes the ledger before the process ends; a second quit goes straight through. */
function quitGracefully(): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (core === null || closing) return;
    event.preventDefault();
    closing = true;
    customerDisplay?.stop();
    // A downloaded update installs only if no payment is open right now (asked before the ledger
    // closes), and only once the core has closed: electron-updater then quits the app itself.
    const running = core;
    const install = sessionEnding ? null : (updates?.installAtQuit() ?? null);
    const updater = updates;
    updates?.stop();
    core = null;
    running
      .close()
      .catch((error: unknown) => logger.error('Core did not close cleanly', { error }))
      .finally(() => (install && updater ? updater.install(install) : app.quit()));
  });
  app.on('window-all-closed', () => app.quit());
}

// `npm start` / `npm run dev` on a till must neither open the installed app's live ledger nor be
// turned away by its single-instance lock: both live in userData, so unpackaged runs get their own
// folder (set before the lock is requested, and before anything reads the path).
if (!app.isPackaged) app.setPath('userData', `${app.getPath('userData')} (development)`);

// Before `ready`: Chromium's own controls (the date boxes of Laporan and the search) write dates in
// the UI locale, which follows the system language: on an English Windows a till would show
// 12/06/2026 for 12 June's eve. Indonesian, as the cashier reads them: 06/12/2026. (Region
// formats, app.getSystemLocale(), still pick the CSV format.)
app.commandLine.appendSwitch('lang', 'id-ID');
// Before `ready`: the scheme must be privileged (standard, secure) to get an origin and fetch.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // One counter, one ledger writer: a second instance hands over to the first and exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  quitGracefully();
  start().catch((error: unknown) => {
    logger.error('Start-up failed', { error });
    dialog.showErrorBox('Paypro POS', `The app could not start.\n\n${String(error)}`);
    app.exit(1);
  });
}
