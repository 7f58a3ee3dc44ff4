import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RENDERER_DIR, REPO_ROOT } from '../harness/web-preview/server.ts';

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

/** Builds the renderer when dist/renderer is missing or older than its sources. */
export default function globalSetup(): void {
  const index = join(DEFAULT_RENDERER_DIR, 'index.html');
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'].map((path) => join(REPO_ROOT, path));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(sources)) return;
  console.log('e2e: building the renderer (dist/renderer is missing or stale)');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:renderer'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}
