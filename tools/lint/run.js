// `npm run lint`: the ESLint of tools/lint over the whole repo (config: eslint.config.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const eslint = path.join(here, 'node_modules', 'eslint', 'bin', 'eslint.js');
if (!existsSync(eslint)) {
  console.error('The lint toolchain is not installed: run `npm ci --prefix tools/lint` (see tools/lint/package.json).');
  process.exit(1);
}
const cache = path.join(root, 'node_modules', '.cache', 'eslint', '.eslintcache');
const result = spawnSync(
  process.execPath,
  [eslint, '--max-warnings', '0', '--cache', '--cache-strategy', 'content', '--cache-location', cache, ...process.argv.slice(2), '.'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
