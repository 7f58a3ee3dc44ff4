import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/**
 * Reads the fuses back from a packaged app and fails unless each one is what electron-builder.yml
 * asks for (`node scripts/check-fuses.ts <app>…`, run by the release workflow after packaging and
 * before publishing). <app>: `release/mac-arm64/Paypro POS.app`, `release/win-unpacked/Paypro POS.exe`…
 * A fuse the config does not name, or one this Electron does not have, is an error too.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENABLE = 49;
const DISABLE = 48;
const STATE_NAMES: Record<number, string> = { 48: 'disabled', 49: 'enabled', 114: 'removed', 144: 'inherit' };

/** electron-builder's `electronFuses` keys (runAsNode) → @electron/fuses' names (RunAsNode). */
export function expectedFuses(builderConfigText: string): Map<string, boolean> {
  const require = createRequire(import.meta.url);
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(builderConfigText) as { electronFuses?: Record<string, boolean> };
  const fuses = config.electronFuses ?? {};
  return new Map(Object.entries(fuses).map(([key, value]) => [key[0]!.toUpperCase() + key.slice(1), value]));
}

/** Every difference between the wire read from the binary and the expected fuses; empty when all hold. */
export function fuseProblems(wire: Record<string, unknown>, expected: Map<string, boolean>): string[] {
  const problems: string[] = [];
  if (wire.version !== '1') problems.push(`unknown fuse wire version ${String(wire.version)}`);
  const seen = new Set<string>();
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version') continue;
    const name = FuseV1Options[Number(index)] as string | undefined;
    if (name === undefined) {
      problems.push(`fuse #${index} is unknown to @electron/fuses (update it and electron-builder.yml)`);
      continue;
    }
    seen.add(name);
    const want = expected.get(name);
    if (want === undefined) {
      // LoadBrowserProcessSpecificV8Snapshot is not a hardening fuse; left at Electron's default.
      if (name !== 'LoadBrowserProcessSpecificV8Snapshot') problems.push(`${name} is not set in electron-builder.yml`);
      continue;
    }
    const wantState = want ? ENABLE : DISABLE;
    if (state !== wantState) {
      problems.push(`${name} is ${STATE_NAMES[state as number] ?? String(state)}, expected ${STATE_NAMES[wantState]}`);
    }
  }
  for (const name of expected.keys()) if (!seen.has(name)) problems.push(`${name} is missing from the binary's fuse wire`);
  return problems;
}

export async function checkFuses(appPaths: string[], builderConfigPath = path.join(projectDir, 'electron-builder.yml')): Promise<string[]> {
  const expected = expectedFuses(readFileSync(builderConfigPath, 'utf8'));
  const problems: string[] = [];
  for (const appPath of appPaths) {
    const wire = (await getCurrentFuseWire(appPath)) as unknown as Record<string, unknown>;
    for (const problem of fuseProblems(wire, expected)) problems.push(`${appPath}: ${problem}`);
  }
  return problems;
}

if (import.meta.main) {
  const apps = process.argv.slice(2);
  if (apps.length === 0) {
    console.error('usage: node scripts/check-fuses.ts <packaged app or executable>…');
    process.exit(2);
  }
  const problems = await checkFuses(apps);
  for (const problem of problems) console.error(`fuse check FAILED: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(`fuses as configured in ${apps.length} app(s): ${apps.join(', ')}`);
}
