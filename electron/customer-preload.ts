import { contextBridge, ipcRenderer } from 'electron';
import { createCustomerDisplayApi } from './customer-preload-api.ts';

// The customer display's preload, bundled into its own CommonJS file: a subscription, no calls.
contextBridge.exposeInMainWorld('customerDisplay', createCustomerDisplayApi(ipcRenderer));
