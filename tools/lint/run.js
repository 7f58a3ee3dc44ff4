// `npm run lint`: the ESLint of tools/lint over the whole repo (config: eslint.config.js).
// The toolchain has its own lockfile (typescript-eslint needs TypeScript 6; the app uses 7), and
// installs itself from the npm registry on first use or when that lockfile changed, so that after
// `npm ci` the README's `npm test` is the only other command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolchainInstallReason } from './toolchain.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const eslint = path.join(here, 'node_modules', 'eslint', 'bin', 'eslint.js');

const reason = toolchainInstallReason(here);
if (reason !== null) {
  console.log(`Installing the lint toolchain in tools/lint (${reason})…`);
  // The npm that runs `npm run lint` (npm_execpath), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const install = spawnSync(command, [...args, 'ci', '--prefix', here, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: command === 'npm' && process.platform === 'win32',
  });
  if (install.status !== 0 || !existsSync(eslint)) {
    console.error('The lint toolchain could not be installed: run `npm ci --prefix tools/lint` and read its error.');
    process.exit(1);
  }
}

const cache = path.join(root, 'node_modules', '.cache', 'eslint', '.eslintcache');
const result = spawnSync(
  process.execPath,
  [eslint, '--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', cache, ...process.argv.slice(2), '.'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
