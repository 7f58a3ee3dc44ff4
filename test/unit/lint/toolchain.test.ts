import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolchainInstallReason } from '../../../tools/lint/toolchain.js';

// `npm test` on a fresh clone after `npm ci`: the lint step installs tools/lint itself.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function toolDir(installed: Record<string, { version: string }> | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-lint-tool-'));
  dirs.push(dir);
  cpSync('tools/lint/package-lock.json', path.join(dir, 'package-lock.json'));
  if (installed !== null) {
    mkdirSync(path.join(dir, 'node_modules', 'eslint', 'bin'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '');
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
  }
  return dir;
}

describe('tools/lint/toolchain.js', () => {
  it('asks for an install on a fresh clone (no tools/lint/node_modules)', () => {
    expect(toolchainInstallReason(toolDir(null))).toMatch(/first run/);
  });

  it('is satisfied by the toolchain installed in this repo', () => {
    expect(toolchainInstallReason('tools/lint')).toBeNull();
  });

  it('asks again when the lockfile moved on (a pull bumped eslint)', () => {
    const wanted = JSON.parse(readFileSync('tools/lint/package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
    const installed = { ...wanted.packages, 'node_modules/eslint': { version: '0.0.1' } };
    expect(toolchainInstallReason(toolDir(installed))).toBe('tools/lint/package-lock.json changed: eslint');
    expect(toolchainInstallReason(toolDir(wanted.packages))).toBeNull();
  });
});
