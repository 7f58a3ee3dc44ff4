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

export class FakeWebContents extends FakeEmitter {
  readonly session = new FakeSession();
  setWindowOpenHandler = vi.fn();
  send = vi.fn();
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  /** When set, `loadURL` rejects with it (a missing renderer build, say). */
  static loadFailure: Error | null = null;
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, any>;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
  });
  constructor(options: Record<string, any>) {
    super();
    this.options = options;
    FakeBrowserWindow.created.push(this);
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

function createSafeStorage() {
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => ({
      result: encrypted.toString().replace(/^enc:/, ''),
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
      getPath: vi.fn((_name: string) => '/tmp/paypro-pos-user-data'),
      getAppPath: vi.fn(() => '/app'),
      getVersion: vi.fn(() => '0.1.0'),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(async () => undefined),
      quit: vi.fn(),
      exit: vi.fn(),
    }),
    BrowserWindow: FakeBrowserWindow,
    Menu: FakeMenu,
    ipcMain: createIpcMain(),
    ipcRenderer: createIpcRenderer(),
    contextBridge: createContextBridge(),
    safeStorage: createSafeStorage(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
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
}
