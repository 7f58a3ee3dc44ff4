import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentState } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';
import { fakeAutoUpdater, resetFakeAutoUpdater, useMacUpdater } from '../../harness/updater-mock.ts';

vi.mock('electron-updater', async () => (await import('../../harness/updater-mock.ts')).updaterModule);
vi.mock('electron', () => ({}));

const { startAutoUpdates, updateFeedConfigured } = await import('../../../electron/updater.ts');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const quitApp = vi.fn();
let states: PaymentState[] = [];
let environment: Environment = 'live';
let clock = new Date(2026, 2, 15, 14, 0);

function start(feedConfigured = true) {
  return startAutoUpdates({
    feedConfigured,
    environment: async () => environment,
    paymentStates: () => states,
    quitApp,
    logger,
    now: () => clock,
    checkEveryMs: 60_000,
    endOfDayEveryMs: 1_000,
    installQuitFallbackMs: 30_000,
  });
}

/** main.ts's graceful quit: ask before the core closes, install after it closed, then the app's `quit` event. */
async function quitGracefully(updates: ReturnType<typeof start>) {
  const install = updates.installAtQuit();
  updates.stop();
  await Promise.resolve(); // the core closes
  if (install) updates.install(install);
  await vi.advanceTimersByTimeAsync(0);
  fakeAutoUpdater.appQuit();
  return install;
}

beforeEach(() => {
  vi.useFakeTimers();
  resetFakeAutoUpdater();
  quitApp.mockClear();
  states = [];
  environment = 'live';
  clock = new Date(2026, 2, 15, 14, 0);
});
afterEach(() => vi.useRealTimers());

describe('auto updates', () => {
  it('downloads in the background in live mode, never arming electron-updater’s own install-on-quit', async () => {
    const updates = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fakeAutoUpdater.autoDownload).toBe(true);
    expect(fakeAutoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(fakeAutoUpdater.checkForUpdates).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fakeAutoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
    updates.stop();
  });

  it('does not check in training mode, nor without a feed', async () => {
    environment = 'training';
    const training = start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fakeAutoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith('Update check skipped', { reason: 'training' });
    training.stop();

    environment = 'live';
    const noFeed = start(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fakeAutoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(fakeAutoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(noFeed.installAtQuit()).toBeNull();
  });

  it('installs a downloaded update when the app quits with no payment open, after the core closed', async () => {
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    states = ['paid', 'expired'];
    expect(await quitGracefully(updates)).toEqual({ isSilent: true, isForceRunAfter: false });
    expect(fakeAutoUpdater.installs).toEqual([{ isSilent: true, isForceRunAfter: false, via: 'quitAndInstall' }]);
    expect(fakeAutoUpdater.appAdapterQuit).toHaveBeenCalledOnce();
  });

  it('keeps the update when a payment is open at quit, and electron-updater installs nothing on its own', async () => {
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    states = ['paid', 'awaiting_payment'];
    expect(await quitGracefully(updates)).toBeNull();
    expect(fakeAutoUpdater.installs).toEqual([]);
    expect(fakeAutoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith('Update kept for later', { reason: 'payment_open' });
  });

  it('installs nothing at quit when nothing was downloaded', async () => {
    const updates = start();
    expect(await quitGracefully(updates)).toBeNull();
    expect(fakeAutoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(fakeAutoUpdater.installs).toEqual([]);
  });

  it('quits the app anyway when electron-updater could not install', async () => {
    const updates = start();
    updates.install({ isSilent: true, isForceRunAfter: false }); // nothing downloaded: the library emits error, does not quit
    expect(fakeAutoUpdater.installs).toEqual([]);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(quitApp).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quitApp).toHaveBeenCalledOnce();
  });

  it('at the end of the day with no payment open, quits gracefully to install and start again; never during the day or mid-sale', async () => {
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(10_000); // 14:00, the shop is open
    expect(quitApp).not.toHaveBeenCalled();
    clock = new Date(2026, 2, 15, 22, 30);
    states = ['creating'];
    await vi.advanceTimersByTimeAsync(10_000); // closing time, but a sale is being created
    expect(quitApp).not.toHaveBeenCalled();
    states = ['unknown'];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(quitApp).not.toHaveBeenCalled();
    states = ['paid'];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quitApp).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(quitApp).toHaveBeenCalledOnce();
    // The installer runs only from the graceful quit, after the core closed.
    expect(fakeAutoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(await quitGracefully(updates)).toEqual({ isSilent: true, isForceRunAfter: true });
    expect(fakeAutoUpdater.installs).toEqual([{ isSilent: true, isForceRunAfter: true, via: 'quitAndInstall' }]);
  });

  it('logs a failed check instead of throwing', async () => {
    fakeAutoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('offline'));
    const updates = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(logger.warn).toHaveBeenCalledWith('Update check failed', { error: expect.any(Error) });
    updates.stop();
  });
});

describe('auto updates on macOS (MacUpdater and Squirrel.Mac)', () => {
  it('an owner’s quit installs through Squirrel without starting the app again', async () => {
    useMacUpdater({ signed: true });
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    expect(await quitGracefully(updates)).toEqual({ isSilent: true, isForceRunAfter: false });
    // MacUpdater ignores quitAndInstall's arguments: only autoRunAppAfterInstall decides the relaunch.
    expect(fakeAutoUpdater.installs).toEqual([{ isSilent: false, isForceRunAfter: false, via: 'squirrel' }]);
    expect(fakeAutoUpdater.nativeQuitAndInstall).not.toHaveBeenCalled();
    expect(fakeAutoUpdater.appAdapterQuit).toHaveBeenCalledOnce();
  });

  it('the end-of-day install starts the app again', async () => {
    useMacUpdater({ signed: true });
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    clock = new Date(2026, 2, 15, 22, 30);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await quitGracefully(updates)).toEqual({ isSilent: true, isForceRunAfter: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fakeAutoUpdater.installs).toEqual([{ isSilent: false, isForceRunAfter: true, via: 'squirrel' }]);
    expect(fakeAutoUpdater.nativeQuitAndInstall).toHaveBeenCalledOnce();
  });

  it('an unsigned app cannot install: Squirrel’s error is logged and the app still quits', async () => {
    useMacUpdater({ signed: false });
    const updates = start();
    fakeAutoUpdater.finishDownload({ version: '0.2.0' });
    await quitGracefully(updates);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakeAutoUpdater.installs).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith('Update check failed', { error: expect.objectContaining({ message: expect.stringContaining('code signature') }) });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(quitApp).toHaveBeenCalledOnce();
  });
});

describe('updateFeedConfigured', () => {
  it('is true only with app-update.yml in the packaged resources, or a dev config that exists', async () => {
    vi.useRealTimers();
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-feed-'));
    try {
      expect(updateFeedConfigured({ isPackaged: true, resourcesPath: dir, env: {} })).toBe(false);
      await writeFile(path.join(dir, 'app-update.yml'), 'provider: github\n');
      expect(updateFeedConfigured({ isPackaged: true, resourcesPath: dir, env: {} })).toBe(true);
      expect(updateFeedConfigured({ isPackaged: false, resourcesPath: dir, env: {} })).toBe(false);
      expect(updateFeedConfigured({ isPackaged: false, resourcesPath: '', env: { POS_UPDATE_CONFIG: path.join(dir, 'app-update.yml') } })).toBe(true);
      expect(updateFeedConfigured({ isPackaged: true, resourcesPath: '', env: { POS_UPDATE_CONFIG: path.join(dir, 'app-update.yml') } })).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
