import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RENDERER_DIR, REPO_ROOT } from './web-preview/server.ts';

/**
 * Builds what the browser tests and benchmarks load when it is missing or older than its
 * sources, so that a figure or a test never runs against yesterday's bundle.
 */

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
    // The build's own report goes to stderr: a caller's stdout (e.g. the bench table) stays clean.
    stdio: ['ignore', process.stderr, 'inherit'],
    shell: process.platform === 'win32',
  });
}

/** dist/renderer, built by Vite from renderer/ and shared/. */
export function ensureRendererBuilt(): void {
  if (isStale(join(DEFAULT_RENDERER_DIR, 'index.html'), ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'])) {
    console.error('building the renderer (dist/renderer is missing or stale)');
    npmRun('build:renderer');
  }
}

/** dist/electron, the main process and preload bundles. */
export function ensureMainBuilt(): void {
  if (isStale(join(REPO_ROOT, 'dist', 'electron', 'main.js'), ['electron', 'shared', 'scripts', 'package-lock.json'])) {
    console.error('building the Electron main bundle (dist/electron is missing or stale)');
    npmRun('build:electron');
  }
}
