import { runInNewContext } from 'node:vm';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, which cannot run here. Use it with
 *   vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);
 * and call `resetElectronMock()` in `beforeEach`. It records what the glue registers so a test
 * can read it back (handlers, exposed API, window options) and drive it (send events).
 */

type Listener = (...args: any[]) => unknown;

/** A minimal EventEmitter that lets a test fire what Electron would. */
class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  });
  once = vi.fn((name: string, listener: Listener) => this.on(name, listener));
  removeListener = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  });
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

export class FakeSession {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
}

/** What the operating system reports as installed printers (Electron's PrinterInfo). */
export type FakePrinterInfo = { name: string; displayName: string; description: string; options: Record<string, string> };

export class FakeWebContents extends FakeEmitter {
  /** Installed printers, as `getPrintersAsync` lists them. */
  static printers: FakePrinterInfo[] = [];
  /** The driver's answer to the next `print` (Electron's callback arguments). */
  static printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  /**
   * The loaded page's content height in CSS px (html and body without margins, as the receipt
   * page is). `executeJavaScript` evaluates the glue's script against a small model of the DOM.
   */
  static contentHeightPx = 0;
  readonly session = new FakeSession();
  /** The window's viewport height, which the root element's scrollHeight never goes below. */
  private readonly viewportHeightPx: () => number;
  constructor(viewportHeightPx: () => number = () => 600) {
    super();
    this.viewportHeightPx = viewportHeightPx;
  }
  setWindowOpenHandler = vi.fn();
  send = vi.fn();
  getPrintersAsync = vi.fn(async () => FakeWebContents.printers.map((printer) => ({ ...printer })));
  /**
   * Evaluates `code` against the page as Chromium lays it out in standards mode: the root's
   * scrollHeight is max(content, viewport) (CSSOM View: the viewport is the root's scrolling box),
   * while the body's box is its content. Anything else the script touches throws, as a missing
   * global would in the page (executeJavaScript then rejects).
   */
  executeJavaScript = vi.fn(async (code: string) => {
    const content = FakeWebContents.contentHeightPx;
    const viewport = this.viewportHeightPx();
    const box = () => ({ top: 0, bottom: content, height: content, left: 0, right: 0, width: 0, x: 0, y: 0 });
    const document = {
      documentElement: { scrollHeight: Math.max(Math.ceil(content), viewport), clientHeight: viewport, getBoundingClientRect: box },
      body: { scrollHeight: Math.ceil(content), clientHeight: Math.ceil(content), getBoundingClientRect: box },
    };
    // Like the page, its own realm: only what the model defines, plus JavaScript's built-ins.
    return runInNewContext(code, { document }) as unknown;
  });
  /**
   * Validates like Electron's lib/browser/api/web-contents.ts (custom pageSize in microns, over
   * 352 each way; not with usePrinterDefaultPageSize) and answers like its native side: an
   * unknown deviceName fails with "Invalid deviceName provided"; the callback comes later.
   */
  print = vi.fn((options: Record<string, any> = {}, callback?: (success: boolean, failureReason: string) => void) => {
    if (typeof options !== 'object' || options === null) throw new TypeError('webContents.print(): Invalid print settings specified.');
    const { pageSize, usePrinterDefaultPageSize, deviceName } = options;
    if (usePrinterDefaultPageSize !== undefined && pageSize !== undefined) {
      throw new Error('usePrinterDefaultPageSize cannot be combined with pageSize');
    }
    if (typeof pageSize === 'object') {
      if (!pageSize.height || !pageSize.width) throw new Error('height and width properties are required for pageSize');
      if (!(Math.ceil(pageSize.width) > 352 && Math.ceil(pageSize.height) > 352)) {
        throw new RangeError('height and width properties must be minimum 352 microns.');
      }
    } else if (pageSize !== undefined && typeof pageSize !== 'string') {
      throw new Error(`Unsupported pageSize: ${pageSize}`);
    }
    const known = deviceName === undefined || FakeWebContents.printers.some((printer) => printer.name === deviceName);
    const outcome = known ? FakeWebContents.printOutcome : { success: false, failureReason: 'Invalid deviceName provided' };
    setImmediate(() => callback?.(outcome.success, outcome.failureReason));
  });
  /** Like Electron's print-to-pdf.ts: a custom pageSize (inches) needs both sides. */
  printToPDF = vi.fn(async (options: Record<string, any>) => {
    const { pageSize } = options;
    if (typeof pageSize === 'object' && (!pageSize.height || !pageSize.width)) {
      throw new Error('height and width properties are required for pageSize');
    }
    return Buffer.from('%PDF-1.4\n% fake\n');
  });
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  /** When set, `loadURL` rejects with it (a missing renderer build, say). */
  static loadFailure: Error | null = null;
  /** Its viewport: a test page is as tall as the window asked for (frames left out). */
  readonly webContents = new FakeWebContents(() => this.bounds.height);
  readonly options: Record<string, any>;
  private bounds: FakeRectangle;
  private destroyed = false;
  /**
   * Shown or not. `show: false` keeps a new window hidden until show()/showInactive() — except
   * with `fullscreen: true`, which (macOS) enters fullscreen and shows it at creation anyway.
   */
  private visible: boolean;
  show = vi.fn(() => {
    this.visible = true;
  });
  showInactive = vi.fn(() => {
    this.visible = true;
  });
  isVisible = vi.fn(() => this.visible && !this.destroyed);
  setAlwaysOnTop = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  removeMenu = vi.fn();
  setFullScreen = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => this.destroyed);
  getBounds = vi.fn(() => ({ ...this.bounds }));
  setBounds = vi.fn((bounds: Partial<FakeRectangle>) => {
    this.bounds = { ...this.bounds, ...bounds };
  });
  /** As Electron: `closed` is emitted, and the window is destroyed from then on. */
  close = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  });
  /** As Electron's force close: no `close` event, but `closed` is still emitted. */
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  });
  loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
  });
  constructor(options: Record<string, any>) {
    super();
    this.options = options;
    // Electron's defaults: 800×600, centred on the primary display when no position is given.
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false || options.fullscreen === true;
    FakeBrowserWindow.created.push(this);
  }
}

/** The part of Electron's `Display` a test sets; the rest is derived as Electron reports it. */
export interface FakeDisplaySpec {
  id: number;
  bounds: FakeRectangle;
  label?: string;
  internal?: boolean;
}

function toDisplay(spec: FakeDisplaySpec) {
  return {
    id: spec.id,
    label: spec.label ?? '',
    bounds: { ...spec.bounds },
    workArea: { ...spec.bounds },
    size: { width: spec.bounds.width, height: spec.bounds.height },
    workAreaSize: { width: spec.bounds.width, height: spec.bounds.height },
    scaleFactor: 1,
    rotation: 0,
    internal: spec.internal ?? false,
    detected: true,
  };
}

function overlap(a: FakeRectangle, b: FakeRectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function distance(a: FakeRectangle, b: FakeRectangle): number {
  return Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
}

/**
 * Electron's `screen`: displays as fresh objects on every call, the primary one at the origin,
 * `getDisplayMatching` the display most intersecting the rectangle (the nearest when none does),
 * and `display-added` / `display-removed` emitted with `(event, display)` as in electron.d.ts.
 */
const BUILT_IN: FakeDisplaySpec = { id: 1, label: 'Built-in', internal: true, bounds: { x: 0, y: 0, width: 1366, height: 768 } };

export class FakeScreen extends FakeEmitter {
  private displays: FakeDisplaySpec[] = [BUILT_IN];
  getAllDisplays = vi.fn(() => this.displays.map(toDisplay));
  getPrimaryDisplay = vi.fn(() => toDisplay(this.displays.find((d) => d.bounds.x === 0 && d.bounds.y === 0) ?? this.displays[0]!));
  getDisplayMatching = vi.fn((rect: FakeRectangle) => {
    const ranked = [...this.displays].sort(
      (a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect) || distance(a.bounds, rect) - distance(b.bounds, rect),
    );
    return toDisplay(ranked[0]!);
  });
  /** One built-in display, no listeners (the fakes' methods close over this instance). */
  reset(): void {
    this.displays = [BUILT_IN];
    this.listeners.clear();
    for (const fake of [this.on, this.once, this.removeListener, this.getAllDisplays, this.getPrimaryDisplay, this.getDisplayMatching]) {
      fake.mockClear();
    }
  }
  /** Sets the connected displays without events (the state at start-up). */
  setDisplays(displays: FakeDisplaySpec[]): void {
    this.displays = [...displays];
  }
  plug(display: FakeDisplaySpec): void {
    this.displays.push(display);
    this.emit('display-added', { preventDefault: vi.fn() }, toDisplay(display));
  }
  unplug(id: number): void {
    const gone = this.displays.find((display) => display.id === id);
    if (!gone) throw new Error(`no display ${id}`);
    this.displays = this.displays.filter((display) => display !== gone);
    this.emit('display-removed', { preventDefault: vi.fn() }, toDisplay(gone));
  }
}

/**
 * Electron's Menu and MenuItem as lib/browser/api/menu.ts and menu-item.ts build them: the
 * template is validated (each item needs a label, a role or type 'separator'), roles are
 * lower-cased, a submenu template becomes a Menu, and the appMenu role gets its default submenu
 * (menu-item-roles.ts). Native parts (accelerators, labels) are left out.
 */
const DEFAULT_SUBMENUS: Record<string, Record<string, unknown>[]> = {
  appmenu: [
    { role: 'about' },
    { type: 'separator' },
    { role: 'services' },
    { type: 'separator' },
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    { type: 'separator' },
    { role: 'quit' },
  ],
};

export class FakeMenuItem {
  readonly role: string | undefined;
  readonly label: string | undefined;
  readonly type: string;
  readonly submenu: FakeMenu | undefined;
  constructor(options: Record<string, any>) {
    this.role = typeof options.role === 'string' ? options.role.toLowerCase() : undefined;
    this.label = options.label;
    const template = options.submenu ?? (this.role ? DEFAULT_SUBMENUS[this.role] : undefined);
    this.submenu = template === undefined || template instanceof FakeMenu ? template : FakeMenu.buildFromTemplate(template);
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
  }
}

export class FakeMenu {
  static applicationMenu: FakeMenu | null = null;
  readonly items: FakeMenuItem[] = [];
  static buildFromTemplate = vi.fn((template: unknown): FakeMenu => {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item) => item != null && typeof item === 'object' && (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || item.type === 'separator'),
    );
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new FakeMenu();
    for (const item of template) menu.items.push(item instanceof FakeMenuItem ? item : new FakeMenuItem(item));
    return menu;
  });
  static setApplicationMenu = vi.fn((menu: FakeMenu | null) => {
    if (menu && menu.constructor !== FakeMenu) throw new TypeError('Invalid menu');
    FakeMenu.applicationMenu = menu;
  });
  static getApplicationMenu = vi.fn(() => FakeMenu.applicationMenu);
}

/**
 * Like Electron's ipcMain: an EventEmitter for `on` listeners (`eventNames()` lists their channels)
 * plus one `handle` handler per channel (a second one throws, as in Electron).
 */
function createIpcMain() {
  const handlers = new Map<string, Listener>();
  const emitter = new FakeEmitter();
  return Object.assign(emitter, {
    handlers,
    handle: vi.fn((channel: string, handler: Listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    removeAllListeners: vi.fn((channel?: string) => {
      if (channel === undefined) emitter.listeners.clear();
      else emitter.listeners.delete(channel);
      return emitter;
    }),
    eventNames: () => [...emitter.listeners].filter(([, list]) => list.length > 0).map(([channel]) => channel),
  });
}

function createIpcRenderer() {
  const emitter = new FakeEmitter();
  return Object.assign(emitter, {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => ({ ok: true, value: null })),
    send: vi.fn(),
    sendSync: vi.fn(),
  });
}

/**
 * Chromium's async OSCrypt tags each ciphertext with its key provider: on Linux `v11` for the key
 * kept in the keyring, `v10` for the fallback provider's fixed key (PBKDF2 of "peanuts",
 * components/os_crypt/async/browser/fallback_linux_key_provider.cc). A test sets `keyTag` to
 * 'v10' for a Linux session whose keyring could not be reached.
 */
function createSafeStorage() {
  return {
    keyTag: 'v11' as 'v10' | 'v11',
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    // `this`: resetElectronMock copies these members onto the module's safeStorage object.
    encryptStringAsync: vi.fn(async function (this: { keyTag: string }, plain: string) {
      return Buffer.from(`${this.keyTag}enc:${plain}`);
    }),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => ({
      result: encrypted.toString().replace(/^v1[01]enc:/, ''),
      shouldReEncrypt: false,
    })),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret' as string),
    // The deprecated sync API: present so a test can prove it is never called.
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((plain: string) => Buffer.from(plain)),
    decryptString: vi.fn((encrypted: Buffer) => encrypted.toString()),
  };
}

function createContextBridge() {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
  };
}

function createMock() {
  return {
    app: Object.assign(new FakeEmitter(), {
      isPackaged: false,
      /** As Electron: what setPath set, else the default (one folder for every name here). */
      paths: new Map<string, string>(),
      getPath: vi.fn(function (this: { paths: Map<string, string> }, name: string) {
        return this.paths.get(name) ?? '/tmp/paypro-pos-user-data';
      }),
      getAppPath: vi.fn(() => '/app'),
      getVersion: vi.fn(() => '0.1.0'),
      /** Region formats as Chromium reports them (Electron ≥ 21): a BCP 47 tag. */
      getSystemLocale: vi.fn(() => 'id-ID'),
      enableSandbox: vi.fn(),
      /** As Electron's CommandLine: switches appended before `ready` (a value per name). */
      commandLine: {
        switches: new Map<string, string>(),
        appendSwitch: vi.fn(function (this: { switches: Map<string, string> }, name: string, value = '') {
          this.switches.set(name, value);
        }),
        getSwitchValue: vi.fn(function (this: { switches: Map<string, string> }, name: string) {
          return this.switches.get(name) ?? '';
        }),
      },
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(async () => undefined),
      /** As Electron's app.quit(): emits `before-quit` first (a listener may preventDefault it). */
      quit: vi.fn(function (this: FakeEmitter) {
        this.emit('before-quit', { preventDefault: vi.fn() });
      }),
      exit: vi.fn(),
      setPath: vi.fn(function (this: { paths: Map<string, string> }, name: string, value: string) {
        this.paths.set(name, value);
      }),
    }),
    BrowserWindow: FakeBrowserWindow,
    Menu: FakeMenu,
    ipcMain: createIpcMain(),
    ipcRenderer: createIpcRenderer(),
    contextBridge: createContextBridge(),
    safeStorage: createSafeStorage(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: {
      showErrorBox: vi.fn(),
      /** The cashier's choice in the save dialog: a test sets `canceled`/`filePath` on the next answer. */
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' }) as { canceled: boolean; filePath: string }),
    },
    screen: new FakeScreen(),
    /**
     * Like Electron's shell.openExternal(url, options?): a Promise that settles once the OS took
     * the link; a non-string url is a TypeError (lib/browser/api/shell.ts passes it to native).
     */
    shell: {
      openExternal: vi.fn(async (url: unknown, _options?: unknown) => {
        if (typeof url !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure');
      }),
    },
  };
}

/**
 * The module object `vi.mock('electron')` returns. `resetElectronMock` refills its members in
 * place, so modules that imported them see fresh fakes. `vi.resetModules` keeps the mocked module
 * but re-creates this harness: after it, reach the mock through `import('electron')`.
 */
export const electronMock = withDefaultExport(createMock());

/** `import electron from 'electron'` (electron-store does this) reads the module's default export. */
function withDefaultExport<T extends object>(mock: T): T & { default: T } {
  return Object.assign(mock, { default: mock });
}

/** Fresh fakes in place. `mock`: the module object a test got from `import('electron')`. */
export function resetElectronMock(mock: typeof electronMock = electronMock): void {
  mock.BrowserWindow.created.length = 0;
  mock.BrowserWindow.loadFailure = null;
  FakeWebContents.printers = [];
  FakeWebContents.printOutcome = { success: true, failureReason: '' };
  FakeWebContents.contentHeightPx = 0;
  mock.Menu.applicationMenu = null;
  mock.Menu.buildFromTemplate.mockClear();
  mock.Menu.setApplicationMenu.mockClear();
  const fresh = createMock();
  Object.assign(mock.ipcMain, fresh.ipcMain);
  Object.assign(mock.ipcRenderer, fresh.ipcRenderer);
  Object.assign(mock.contextBridge, fresh.contextBridge);
  Object.assign(mock.safeStorage, fresh.safeStorage);
  Object.assign(mock.protocol, fresh.protocol);
  Object.assign(mock.app, fresh.app);
  Object.assign(mock.dialog, fresh.dialog);
  Object.assign(mock.shell, fresh.shell);
  mock.screen.reset();
}
