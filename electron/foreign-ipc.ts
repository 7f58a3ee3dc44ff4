import type { IpcMain } from 'electron';

/**
 * IPC channels that libraries register in main on their own, outside shared/ipc-contract.ts and
 * without our sender check (electron/ipc.ts):
 *  - `__ELECTRON_LOG__` (electron-log/main, at import: `ipcMain.on` + `ipcMain.handle`) lets any
 *    frame write log lines or read the log levels. We log from main only.
 *  - `electron-store-get-data` (electron-store, at the first `new ElectronStore`: `ipcMain.on`)
 *    answers any frame with the userData path and app version, for a renderer-side store we do
 *    not have (the renderer reaches settings only through the contract).
 * Both are removed before the window opens, so no page can ever call them.
 */
export const FOREIGN_IPC_CHANNELS = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const;

export function removeForeignIpc(ipcMain: Pick<IpcMain, 'removeAllListeners' | 'removeHandler'>): void {
  for (const channel of FOREIGN_IPC_CHANNELS) {
    ipcMain.removeAllListeners(channel);
    ipcMain.removeHandler(channel);
  }
}
