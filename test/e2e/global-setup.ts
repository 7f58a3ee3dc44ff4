import { ensureMainBuilt, ensureRendererBuilt } from '../harness/build-outputs.ts';
import { findElectronBinary } from './electron-app.ts';

/**
 * Builds what the specs load when it is missing or stale: the renderer always, the Electron main
 * bundle only where the Electron spec can run.
 */
export default function globalSetup(): void {
  ensureRendererBuilt();
  if ('path' in findElectronBinary()) ensureMainBuilt();
}
