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
 *
 * Installing is always an explicit `quitAndInstall` after the core has closed (main.ts, graceful
 * quit). electron-updater's own install-at-quit cannot be used: it reads `autoInstallOnAppQuit` when
 * a download finishes (BaseUpdater registers its quit hook then; MacUpdater hands the file to
 * Squirrel then), so the policy's answer at quit time would come too late.
 */

/** The part of electron-updater's `autoUpdater` used here (a fake in tests). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  autoRunAppAfterInstall: boolean;
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
  /** Starts the app's graceful quit (app.quit()): used at the end of the day to install. */
  quitApp(): void;
  logger: AppLogger;
  now?: () => Date;
  /** Development only: a dev-app-update.yml to use instead of the packaged app-update.yml. */
  devUpdateConfigPath?: string | undefined;
  checkEveryMs?: number;
  endOfDayEveryMs?: number;
  /** If electron-updater has not quit the app this long after `quitAndInstall`, quit anyway. */
  installQuitFallbackMs?: number;
}

/** How to run the installer: `quitAndInstall(isSilent, isForceRunAfter)`. */
export interface InstallRequest {
  isSilent: boolean;
  isForceRunAfter: boolean;
}

export interface AutoUpdates {
  /**
   * Asked in `before-quit` while the core still runs: the install to run once it has closed, or
   * null (nothing downloaded, or a payment is open).
   */
  installAtQuit(): InstallRequest | null;
  /** After the core closed: electron-updater runs the installer and quits the app itself. */
  install(request: InstallRequest): void;
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
  // Never installed by electron-updater on its own: only by install(), once the policy said yes.
  updater.autoInstallOnAppQuit = false;
  updater.autoDownload = true;
  updater.logger = logger;
  if (options.devUpdateConfigPath) {
    updater.forceDevUpdateConfig = true;
    updater.updateConfigPath = options.devUpdateConfigPath;
  }

  let downloaded = false;
  let stopped = false;
  /** The end of the day asked the app to quit so the update installs (and the app starts again). */
  let endOfDayInstall = false;
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
    if (stopped || endOfDayInstall || !isEndOfDay(now())) return;
    const decision = shouldInstallUpdate({ downloaded, moment: 'end_of_day', paymentStates: options.paymentStates() });
    if (!decision.install) return;
    logger.info('Installing the downloaded update at the end of the day', {});
    endOfDayInstall = true;
    options.quitApp();
  }

  if (!options.feedConfigured) {
    logger.info('Updates off: no update feed in this build', {});
    return { installAtQuit: () => null, install() {}, stop() {} };
  }
  safeCheck();
  timers.push(setInterval(safeCheck, options.checkEveryMs ?? 4 * 60 * 60_000));
  timers.push(setInterval(installAtEndOfDay, options.endOfDayEveryMs ?? 15 * 60_000));
  for (const timer of timers) timer.unref?.();

  return {
    installAtQuit() {
      // Asked again even after the end of day said yes: a sale may have started since.
      const decision = shouldInstallUpdate({ downloaded, moment: endOfDayInstall ? 'end_of_day' : 'quit', paymentStates: options.paymentStates() });
      if (!decision.install) {
        if (downloaded) logger.info('Update kept for later', { reason: decision.reason });
        return null;
      }
      // Silent installer; the app starts again only after an end-of-day install (the owner did not quit it).
      return { isSilent: true, isForceRunAfter: endOfDayInstall };
    },
    install(request) {
      logger.info('Installing the downloaded update', { ...request });
      // MacUpdater ignores quitAndInstall's arguments and relaunches when autoRunAppAfterInstall is
      // true (its default): set it from the request, or an owner's quit would start the app again.
      updater.autoRunAppAfterInstall = request.isForceRunAfter;
      updater.quitAndInstall(request.isSilent, request.isForceRunAfter);
      // electron-updater quits the app itself; if it could not install (error event), still quit.
      setTimeout(() => options.quitApp(), options.installQuitFallbackMs ?? 30_000).unref?.();
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
    },
  };
}
