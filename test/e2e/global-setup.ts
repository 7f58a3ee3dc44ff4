import { missingChromiumMessage } from '../harness/browser.ts';
import { ensureMainBuilt, ensureRendererBuilt } from '../harness/build-outputs.ts';
import { findElectronBinary } from './electron-app.ts';

/**
 * Stops with one line when there is no Chromium to drive. Then builds what the specs load when it is missing or stale: the renderer always, the Electron main
 * bundle only where the Electron spec can run.
 */
export default function globalSetup(): void {
  const noChromium = missingChromiumMessage();
  if (noChromium !== null) {
    console.error(noChromium);
    process.exit(1);
  }
  ensureRendererBuilt();
  if ('path' in findElectronBinary()) ensureMainBuilt();
}
