// Whether tools/lint/node_modules must be (re)installed from tools/lint/package-lock.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Why the toolchain must be installed, or null when node_modules matches the lockfile. npm keeps
 * what it installed in node_modules/.package-lock.json; any package whose version differs from
 * the lockfile (the lockfile was updated by a pull) means a reinstall.
 * @param {string} toolDir tools/lint
 * @returns {string | null}
 */
export function toolchainInstallReason(toolDir) {
  const installedFile = path.join(toolDir, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(toolDir, 'node_modules', 'eslint', 'bin', 'eslint.js')) || !existsSync(installedFile)) {
    return 'first run: tools/lint/node_modules is missing';
  }
  const wanted = JSON.parse(readFileSync(path.join(toolDir, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  for (const [name, entry] of Object.entries(wanted)) {
    if (name === '' || entry.optional) continue;
    if (installed[name]?.version !== entry.version) return `tools/lint/package-lock.json changed: ${name.replace(/^node_modules\//, '')}`;
  }
  return null;
}
