import { existsSync } from 'node:fs';
import path from 'node:path';
import electronUpdater from 'electron-updater';
import type { PaymentState } from '../shared/payment.ts';
import type { Environment } from '../shared/settings.ts';
import type { AppLogger } from './core/logging/log.ts';
import { isEndOfDay, shouldCheckForUpdates, shouldInstallUpdate } from './core/updates/update-policy.ts';

/**
 * Thin glue between electron-updater and the update policy (electron/core/updates/update-policy.ts):
 * the policy decides, this file only wires events and timers. Downloads run in the background;
 * installing happens at quit or at the end of the day, and only with no payment open.
 */

/** The part of electron-updater's `autoUpdater` used here (a fake in tests). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  forceDevUpdateConfig: boolean;
  updateConfigPath: string | null;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded' | 'error', listener: (...args: never[]) => void): unknown;
}

export interface AutoUpdatesOptions {
  updater?: AutoUpdaterLike;
  feedConfigured: boolean;
  /** The counter's current mode (live / training), asked at each check. */
  environment(): Promise<Environment>;
  /** The state of every unsettled payment, asked before any install. */
  paymentStates(): PaymentState[];
  logger: AppLogger;
  now?: () => Date;
  /** Development only: a dev-app-update.yml to use instead of the packaged app-update.yml. */
  devUpdateConfigPath?: string | undefined;
  checkEveryMs?: number;
  endOfDayEveryMs?: number;
}

export interface AutoUpdates {
  /** Called from `before-quit`: arms install-on-quit only if the policy allows it right now. */
  prepareQuit(): void;
  stop(): void;
}

/**
 * Whether this build has an update feed: `app-update.yml`, written by electron-builder from
 * `publish` into the packaged resources. In development, only when POS_UPDATE_CONFIG names a
 * dev-app-update.yml (electron-updater's own format) that exists.
 */
export function updateFeedConfigured(options: { isPackaged: boolean; resourcesPath: string; env: NodeJS.ProcessEnv }): boolean {
  if (options.isPackaged) return existsSync(path.join(options.resourcesPath, 'app-update.yml'));
  const devConfig = options.env.POS_UPDATE_CONFIG;
  return devConfig !== undefined && devConfig !== '' && existsSync(devConfig);
}

export function startAutoUpdates(options: AutoUpdatesOptions): AutoUpdates {
  const updater = options.updater ?? electronUpdater.autoUpdater;
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  // Never installed by electron-updater on its own: only once the policy said yes (prepareQuit).
  updater.autoInstallOnAppQuit = false;
  updater.autoDownload = true;
  updater.logger = logger;
  if (options.devUpdateConfigPath) {
    updater.forceDevUpdateConfig = true;
    updater.updateConfigPath = options.devUpdateConfigPath;
  }

  let downloaded = false;
  let stopped = false;
  const timers: ReturnType<typeof setInterval>[] = [];

  updater.on('update-downloaded', (info?: { version?: string }) => {
    downloaded = true;
    logger.info('Update downloaded; installs at quit or end of day with no payment open', { version: info?.version ?? null });
  });
  updater.on('error', (error: unknown) => logger.warn('Update check failed', { error }));

  async function check(): Promise<void> {
    if (stopped) return;
    const decision = shouldCheckForUpdates({ environment: await options.environment(), feedConfigured: options.feedConfigured });
    if (!decision.check) {
      logger.info('Update check skipped', { reason: decision.reason });
      return;
    }
    await updater.checkForUpdates();
  }

  function safeCheck(): void {
    check().catch((error: unknown) => logger.warn('Update check failed', { error }));
  }

  function installAtEndOfDay(): void {
    if (stopped || !isEndOfDay(now())) return;
    const decision = shouldInstallUpdate({ downloaded, moment: 'end_of_day', paymentStates: options.paymentStates() });
    if (!decision.install) return;
    logger.info('Installing the downloaded update at the end of the day', {});
    stopped = true;
    // Silent installer, then the app starts again.
    updater.quitAndInstall(true, true);
  }

  if (!options.feedConfigured) {
    logger.info('Updates off: no update feed in this build', {});
    return { prepareQuit() {}, stop() {} };
  }
  safeCheck();
  timers.push(setInterval(safeCheck, options.checkEveryMs ?? 4 * 60 * 60_000));
  timers.push(setInterval(installAtEndOfDay, options.endOfDayEveryMs ?? 15 * 60_000));
  for (const timer of timers) timer.unref?.();

  return {
    prepareQuit() {
      const decision = shouldInstallUpdate({ downloaded, moment: 'quit', paymentStates: options.paymentStates() });
      updater.autoInstallOnAppQuit = decision.install;
      if (downloaded && !decision.install) logger.info('Update kept for later', { reason: decision.reason });
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
    },
  };
}
