import { describe, it } from 'vitest';
import { createRuleTester, rules } from '../../../tools/lint/testing.js';

// Each pos/* rule (tools/lint/rules) against code it must accept and code it must refuse.
const tester = createRuleTester({ describe, it, itOnly: it.only });

tester.run('pos/secure-web-preferences', rules['secure-web-preferences'], {
  valid: [
    'new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true } })',
    'const prefs = { allowRunningInsecureContent: false, webviewTag: false }',
    'prefs.sandbox = true',
    // A name that merely contains a key, and a non-static value (left to review).
    'const o = { sandboxed: false, webSecurityNote: false }',
    // DevTools decided at run time (off when packaged).
    'const prefs = { devTools: !app.isPackaged, sandbox: true }',
  ],
  invalid: [
    { code: 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })', errors: [{ messageId: 'unsafe' }] },
    { code: 'const prefs = { webSecurity: false }', errors: [{ messageId: 'unsafe' }] },
    { code: 'const prefs = { contextIsolation: false }', errors: [{ messageId: 'unsafe' }] },
    { code: 'const prefs = { sandbox: false as const }', errors: [{ messageId: 'unsafe' }] },
    { code: "const prefs = { 'allowRunningInsecureContent': true }", errors: [{ messageId: 'unsafe' }] },
    { code: 'const prefs = { nodeIntegrationInWorker: !0, webviewTag: true }', errors: 2 },
    { code: 'window.webPreferences.sandbox = false', errors: [{ messageId: 'unsafe' }] },
    { code: "options['nodeIntegration'] = true", errors: [{ messageId: 'unsafe' }] },
    { code: 'new BrowserWindow({ webPreferences: { devTools: true } })', errors: [{ messageId: 'unsafe' }] },
    { code: 'window.webContents.openDevTools()', errors: [{ messageId: 'openDevTools' }] },
    { code: "contents['openDevTools']({ mode: 'detach' })", errors: [{ messageId: 'openDevTools' }] },
  ],
});

const preload = 'electron/preload.ts';
const ok = (code: string) => ({ code, filename: preload });
tester.run('pos/preload-bridge', rules['preload-bridge'], {
  valid: [
    ok(`import { contextBridge, ipcRenderer } from 'electron';
        function createPosApi(r: any) { return { ping: () => r.invoke('ping') }; }
        contextBridge.exposeInMainWorld('pos', createPosApi(ipcRenderer));`),
    ok(`import { ipcRenderer } from 'electron';
        export const ping = () => ipcRenderer.invoke('pos:ping');
        ipcRenderer.on('x', () => {});`),
    // A local variable named like a Node global is the file's own.
    ok('const process = (x: number) => x + 1; process(1);'),
    ok('type T = import("electron").IpcRenderer; const t: Electron.IpcRenderer | null = null;'),
  ],
  invalid: [
    { ...ok("contextBridge.exposeInMainWorld('pos', ipcRenderer)"), errors: [{ messageId: 'expose' }, { messageId: 'ipcRenderer' }] },
    { ...ok("contextBridge.exposeInMainWorld('pos', { invoke: ipcRenderer.invoke })"), errors: [{ messageId: 'expose' }, { messageId: 'ipcRenderer' }] },
    { ...ok("contextBridge.exposeInMainWorld('pos', { ipcRenderer })"), errors: [{ messageId: 'expose' }, { messageId: 'ipcRenderer' }] },
    { ...ok("contextBridge.exposeInMainWorld('electron', createPosApi(ipcRenderer))"), errors: [{ messageId: 'expose' }] },
    { ...ok("contextBridge.exposeInMainWorld('pos', { send: (c: string) => ipcRenderer.send(c) })"), errors: [{ messageId: 'expose' }] },
    { ...ok('const r = ipcRenderer; export default r;'), errors: [{ messageId: 'ipcRenderer' }] },
    { ...ok("const api = { ...ipcRenderer }; wrap(ipcRenderer); const send = ipcRenderer.send.bind(ipcRenderer);"), errors: 4 },
    { ...ok("const fs = require('fs');"), errors: [{ messageId: 'nodeGlobal' }] },
    { ...ok("import fs from 'node:fs'; import path from 'path';"), errors: [{ messageId: 'nodeModule' }, { messageId: 'nodeModule' }] },
    { ...ok('const api = { env: process.env, bytes: Buffer.from("x") };'), errors: [{ messageId: 'nodeGlobal' }, { messageId: 'nodeGlobal' }] },
    {
      ...ok('const home = process.env.HOME;'),
      languageOptions: { globals: { process: 'readonly' } },
      errors: [{ messageId: 'nodeGlobal' }],
    },
  ],
});

tester.run('pos/open-external-helper-only', rules['open-external-helper-only'], {
  valid: [
    { code: 'shell.openExternal(url)', filename: 'electron/open-external.ts', options: [{ allow: ['electron/open-external.ts'] }] },
    { code: 'openLink(url); shell.showItemInFolder(path)', filename: 'electron/main.ts', options: [{ allow: ['electron/open-external.ts'] }] },
  ],
  invalid: [
    { code: 'shell.openExternal(url)', filename: 'electron/main.ts', options: [{ allow: ['electron/open-external.ts'] }], errors: [{ messageId: 'external' }] },
    { code: "require('electron').shell.openExternal(url)", filename: 'electron/window.ts', errors: 1 },
    { code: 'const { openExternal } = shell; openExternal(url);', filename: 'electron/window.ts', errors: 2 },
    { code: 'const open = shell.openExternal; open(url);', filename: 'electron/window.ts', errors: 1 },
  ],
});

tester.run('pos/no-dynamic-code', rules['no-dynamic-code'], {
  valid: [
    'setTimeout(() => tick(), 1000)',
    'setInterval(poll, 500)',
    'const f = new Map(); model.eval(x); const o = { eval: 1 };',
    'JSON.parse(text)',
  ],
  invalid: [
    { code: 'eval(code)', errors: [{ messageId: 'eval' }] },
    { code: 'globalThis.eval(code); window.eval(code)', errors: 2 },
    { code: 'const e = eval; (0, eval)(code);', errors: 2 },
    { code: "new Function('a', 'return a')", errors: [{ messageId: 'func' }] },
    { code: "Function('return this')()", errors: [{ messageId: 'func' }] },
    { code: "setTimeout('tick()', 10)", errors: [{ messageId: 'timer' }] },
    { code: 'setInterval(`poll(${id})`, 10)', errors: [{ messageId: 'timer' }] },
    { code: "window.setTimeout('a' + b, 10)", errors: [{ messageId: 'timer' }] },
  ],
});

tester.run('pos/no-electron-in-core', rules['no-electron-in-core'], {
  valid: [
    "import { readFile } from 'node:fs/promises';",
    "import log from 'electron-log/node';",
    "import { z } from 'zod'; import { x } from '../electron-helpers.ts';",
  ],
  invalid: [
    { code: "import { app } from 'electron';", errors: [{ messageId: 'electron' }] },
    { code: "import type { IpcMain } from 'electron';", errors: [{ messageId: 'electron' }] },
    { code: "const { safeStorage } = require('electron');", errors: [{ messageId: 'electron' }] },
    { code: "const electron = await import('electron');", errors: [{ messageId: 'electron' }] },
    { code: "export { shell } from 'electron';", errors: [{ messageId: 'electron' }] },
    { code: "import { autoUpdater } from 'electron-updater'; import log from 'electron-log';", errors: 2 },
    { code: "let w: import('electron').BrowserWindow;", errors: [{ messageId: 'electron' }] },
  ],
});

tester.run('pos/no-tls-bypass', rules['no-tls-bypass'], {
  valid: [
    "https.request({ host: '127.0.0.1', ca: cert, rejectUnauthorized: true })",
    "new Agent({ connect: { ca } })",
    "app.on('ready', start); app.commandLine.appendSwitch('lang', 'id')",
    "const message = 'never set NODE_TLS_REJECT_UNAUTHORIZED';",
  ],
  invalid: [
    { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'", errors: [{ messageId: 'env' }] },
    { code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'", errors: [{ messageId: 'env' }] },
    { code: "spawn(cmd, { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } })", errors: [{ messageId: 'env' }] },
    { code: 'https.request({ host, rejectUnauthorized: false })', errors: [{ messageId: 'reject' }] },
    { code: 'new Agent({ connect: { rejectUnauthorized: false } })', errors: [{ messageId: 'reject' }] },
    { code: 'options.rejectUnauthorized = false', errors: [{ messageId: 'reject' }] },
    { code: "app.commandLine.appendSwitch('ignore-certificate-errors')", errors: [{ messageId: 'switch' }] },
    { code: "app.on('certificate-error', (e, wc, url, err, cert, cb) => cb(true))", errors: [{ messageId: 'hook' }] },
    { code: 'session.defaultSession.setCertificateVerifyProc((req, cb) => cb(0))', errors: [{ messageId: 'hook' }] },
  ],
});
