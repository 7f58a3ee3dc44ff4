import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import { isAppUrl } from '../../../electron/app-protocol.ts';
import type { IpcRouter } from '../../../electron/core/api/router.ts';
import { BAD_SENDER, registerIpc } from '../../../electron/ipc.ts';
import { ipcContract } from '../../../shared/ipc-contract.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const topFrame = (url: string) => ({ url, parent: null });
const subFrame = (url: string) => ({ url, parent: topFrame('app://pos/index.html') });

function setUp() {
  const dispatch = vi.fn(async (_name: string, _raw: unknown) => ({ ok: true as const, value: 'answer' }));
  const logger = { warn: vi.fn() };
  const channels = registerIpc(electronMock.ipcMain, { dispatch } as unknown as IpcRouter, (url) => isAppUrl(url), logger);
  const invoke = (channel: string, senderFrame: unknown, request: unknown = {}) =>
    electronMock.ipcMain.handlers.get(channel)!({ senderFrame }, request);
  return { dispatch, logger, channels, invoke };
}

describe('registerIpc', () => {
  beforeEach(() => resetElectronMock());

  it('registers exactly the contract channels, once each, and nothing else', () => {
    const { channels } = setUp();
    const expected = Object.values(ipcContract).map((call) => call.channel).sort();
    expect([...electronMock.ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(channels.sort()).toEqual(expected);
    expect(electronMock.ipcMain.handle).toHaveBeenCalledTimes(expected.length);
    expect(electronMock.ipcMain.on).not.toHaveBeenCalled();
  });

  it('passes a call from the app top frame to the router under its contract name', async () => {
    const { dispatch, invoke } = setUp();
    for (const [name, call] of Object.entries(ipcContract)) {
      const request = { probe: name };
      expect(await invoke(call.channel, topFrame('app://pos/index.html#/sale'), request)).toEqual({ ok: true, value: 'answer' });
      expect(dispatch).toHaveBeenLastCalledWith(name, request);
    }
  });

  it.each([
    ['a missing frame', null],
    ['an undefined frame', undefined],
    ['a subframe of the app', subFrame('app://pos/index.html')],
    ['a foreign https page', topFrame('https://evil.example/')],
    ['a file:// page', topFrame('file:///app/dist/renderer/index.html')],
    ['another app:// host', topFrame('app://evil/index.html')],
    ['another custom scheme', topFrame('pos://pos/index.html')],
    ['about:blank', topFrame('about:blank')],
    ['a malformed URL', topFrame('not a url')],
  ])('drops a call from %s with bad_sender and logs it', async (_label, frame) => {
    const { dispatch, logger, invoke } = setUp();
    expect(await invoke(ipcContract.charge.channel, frame, { amount: 10_000 })).toEqual(BAD_SENDER);
    expect(dispatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});
