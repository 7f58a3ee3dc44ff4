import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildElectron } from './build-electron.ts';
import { checkLinuxSandbox } from './check-linux-sandbox.ts';

/**
 * `npm run dev`: the renderer from Vite's dev server (hot reload), main and preload built once,
 * Electron told where the server is through POS_DEV_SERVER_URL — which main trusts only when the
 * app is not packaged and the URL is loopback http.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Under Node, the `electron` package exports the path of the downloaded binary.
const electronBinary = createRequire(import.meta.url)('electron') as string;
// Ubuntu 24.04+: Electron would abort before any window; say what to fix instead.
const sandboxProblem = checkLinuxSandbox(electronBinary);
if (sandboxProblem !== null) {
  console.error(sandboxProblem);
  process.exit(1);
}

// The renderer's own config (root, plugins) from vite.config.ts; only the host is pinned here.
const server = await createServer({
  configFile: path.join(projectDir, 'vite.config.ts'),
  server: { host: '127.0.0.1' },
});
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('Vite did not report a local URL');

await buildElectron(path.join(projectDir, 'dist', 'electron'));

const electron = spawn(electronBinary, ['.'], {
  cwd: projectDir,
  stdio: 'inherit',
  env: { ...process.env, POS_DEV_SERVER_URL: url },
});
electron.on('exit', (code) => {
  void server.close().finally(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => electron.kill(signal));
