import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, or why there is none — found WITHOUT `require('electron')`:
 * that call downloads the binary when it is missing, which must not happen during a test run.
 * Same lookup as electron/index.js: ELECTRON_OVERRIDE_DIST_PATH, else dist/<path.txt>.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative ?? 'electron');
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no ${path}` };
  }
  if (relative === null) {
    return { missing: `the Electron binary was never downloaded (${pathFile} is missing; its postinstall did not run or could not reach the network)` };
  }
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `the Electron binary ${path} is missing` };
}
