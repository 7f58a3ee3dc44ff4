import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RENDERER_DIR, REPO_ROOT } from '../harness/web-preview/server.ts';
import { findElectronBinary } from './electron-app.ts';

/** The newest modification time under the given paths (files or folders). */
function newest(paths: readonly string[]): number {
  let latest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return latest;
}

function isStale(output: string, sources: readonly string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newest(sources.map((path) => join(REPO_ROOT, path)));
}

function npmRun(script: string): void {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}

/**
 * Builds what the specs load when it is missing or older than its sources: the renderer always,
 * the Electron main bundle only where the Electron spec can run.
 */
export default function globalSetup(): void {
  if (isStale(join(DEFAULT_RENDERER_DIR, 'index.html'), ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'])) {
    console.log('e2e: building the renderer (dist/renderer is missing or stale)');
    npmRun('build:renderer');
  }
  const mainScript = join(REPO_ROOT, 'dist', 'electron', 'main.js');
  if ('path' in findElectronBinary() && isStale(mainScript, ['electron', 'shared', 'scripts', 'package-lock.json'])) {
    console.log('e2e: building the Electron main bundle (dist/electron is missing or stale)');
    npmRun('build:electron');
  }
}
