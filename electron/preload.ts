import { contextBridge, ipcRenderer } from 'electron';
import { createPosApi } from './preload-api.ts';

// Bundled into one CommonJS file (a sandboxed preload can require nothing but electron).
contextBridge.exposeInMainWorld('pos', createPosApi(ipcRenderer));
