import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import type { CustomerDisplayApi } from '../../../electron/customer-preload-api.ts';
import { preloadBuildOptions } from '../../../scripts/build-electron.ts';
import { customerViewChannel, ipcChannels } from '../../../shared/ipc-channels.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

describe('customer display preload', () => {
  let api: CustomerDisplayApi;
  beforeAll(async () => {
    resetElectronMock();
    await import('../../../electron/customer-preload.ts');
    api = electronMock.contextBridge.exposed.get('customerDisplay') as CustomerDisplayApi;
  });

  it('exposes only a subscription to the customer feed: nothing it can call', () => {
    expect([...electronMock.contextBridge.exposed.keys()]).toEqual(['customerDisplay']);
    expect(Object.keys(api)).toEqual(['onCustomerView']);
  });

  it('passes each view on without the event object, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onCustomerView(listener);
    const view = { kind: 'idle', shopName: 'Toko', language: 'id', training: false };
    electronMock.ipcRenderer.emit(customerViewChannel, { sender: electronMock.ipcRenderer }, view);
    expect(listener.mock.calls).toEqual([[view]]);
    unsubscribe();
    electronMock.ipcRenderer.emit(customerViewChannel, {}, view);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electronMock.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('bundles into one small CommonJS file that knows no contract channel', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'pos-customer-preload-'));
    try {
      await build(preloadBuildOptions(outDir, 'customer-preload'));
      const code = await readFile(path.join(outDir, 'customer-preload.cjs'), 'utf8');
      expect(code).toContain(customerViewChannel);
      expect(code).not.toMatch(/^\s*(import|export)\s/m);
      for (const channel of Object.values(ipcChannels)) expect(code).not.toContain(`"${channel}"`);
      expect(code.length).toBeLessThan(3_000);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
