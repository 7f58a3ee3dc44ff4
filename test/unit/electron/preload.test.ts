import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import { ipcContract, paymentUpdateChannel, type PosApi } from '../../../shared/ipc-contract.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

describe('preload', () => {
  let api: PosApi;
  beforeAll(async () => {
    resetElectronMock();
    await import('../../../electron/preload.ts');
    api = electronMock.contextBridge.exposed.get('pos') as PosApi;
  });

  it('exposes only `pos`, with one function per contract call plus onPaymentUpdate', () => {
    expect([...electronMock.contextBridge.exposed.keys()]).toEqual(['pos']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(ipcContract), 'onPaymentUpdate'].sort());
    for (const member of Object.values(api)) expect(typeof member).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    for (const member of Object.values(api)) {
      expect(member).not.toBe(electronMock.ipcRenderer);
      expect(Object.values(electronMock.ipcRenderer)).not.toContain(member);
    }
  });

  it('invokes each call on its contract channel with the request alone', async () => {
    for (const [name, call] of Object.entries(ipcContract)) {
      const request = { probe: name };
      await (api[name as keyof typeof ipcContract] as (request: unknown) => Promise<unknown>)(request);
      expect(electronMock.ipcRenderer.invoke).toHaveBeenLastCalledWith(call.channel, request);
    }
  });

  it('passes pushed payments on without the event object, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onPaymentUpdate(listener);
    const event = { sender: electronMock.ipcRenderer, ports: [] };
    const payment = { tradeNo: 'T1' };
    electronMock.ipcRenderer.emit(paymentUpdateChannel, event, payment);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payment]);
    unsubscribe();
    electronMock.ipcRenderer.emit(paymentUpdateChannel, event, payment);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electronMock.ipcRenderer.listenerCount(paymentUpdateChannel)).toBe(0);
  });
});
