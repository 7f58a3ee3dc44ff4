import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/**
 * Reads the fuses back from a packaged app and fails unless each one is what we decided
 * (`node scripts/check-fuses.ts <app>…`, run by CI on a Linux pack and by the release workflow
 * before publishing). <app>: `release/mac-arm64/Paypro POS.app`, `release/win-unpacked/Paypro POS.exe`,
 * `release/linux-unpacked/paypro-pos`…
 *
 * Every fuse of the pinned Electron has a decided value: the ones electron-builder.yml sets, plus
 * LEFT_AT_ELECTRON_DEFAULT. A fuse the wire has that nobody decided — a new Electron's, or one
 * @electron/fuses does not name — is an error, so an upgrade stops here until someone decides it.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATE_NAMES: Record<number, string> = {
  [FuseState.DISABLE]: 'disabled',
  [FuseState.ENABLE]: 'enabled',
  [FuseState.REMOVED]: 'removed',
  [FuseState.INHERIT]: 'inherit',
};

/**
 * Fuses electron-builder 26's `electronFuses` cannot set, or that we keep as Electron ships them
 * (Electron's build/fuses/fuses.json5): checked at that default so a changed default is noticed.
 *  - LoadBrowserProcessSpecificV8Snapshot: off — not a hardening fuse; we ship no custom snapshot.
 *  - WasmTrapHandlers (Electron ≥ 41, electron/electron#48983): on — V8's trap-based bounds checks
 *    for WebAssembly; electron-builder has no key for it.
 */
export const LEFT_AT_ELECTRON_DEFAULT: ReadonlyMap<string, boolean> = new Map([
  ['LoadBrowserProcessSpecificV8Snapshot', false],
  ['WasmTrapHandlers', true],
]);

/** Keys of `electronFuses` that are options for @electron/fuses, not fuses. */
const FUSE_OPTIONS = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);

/** electron-builder's `electronFuses` keys (runAsNode) → @electron/fuses' names (RunAsNode), plus the defaults kept. */
export function expectedFuses(builderConfigText: string): Map<string, boolean> {
  const require = createRequire(import.meta.url);
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(builderConfigText) as { electronFuses?: Record<string, boolean> };
  const configured = Object.entries(config.electronFuses ?? {}).filter(([key]) => !FUSE_OPTIONS.has(key));
  return new Map([
    ...LEFT_AT_ELECTRON_DEFAULT,
    ...configured.map(([key, value]): [string, boolean] => [key[0]!.toUpperCase() + key.slice(1), value]),
  ]);
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
      problems.push(`fuse #${index} is unknown to @electron/fuses: update it, then decide the fuse in electron-builder.yml or LEFT_AT_ELECTRON_DEFAULT`);
      continue;
    }
    seen.add(name);
    const want = expected.get(name);
    if (want === undefined) {
      problems.push(`${name} has no decided value (electron-builder.yml electronFuses, or LEFT_AT_ELECTRON_DEFAULT in scripts/check-fuses.ts)`);
      continue;
    }
    const wantState = want ? FuseState.ENABLE : FuseState.DISABLE;
    if (state !== wantState) {
      problems.push(`${name} is ${STATE_NAMES[state as number] ?? String(state)}, expected ${STATE_NAMES[wantState]}`);
    }
  }
  for (const name of expected.keys()) if (!seen.has(name)) problems.push(`${name} is missing from the binary's fuse wire`);
  return problems;
}

export type CommandRunner = (command: string, args: string[]) => { status: number | null; stderr: string };

const runCommand: CommandRunner = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stderr: result.error ? String(result.error) : result.stderr };
};

/**
 * macOS: flipping fuses breaks the bundle's signature, and Apple Silicon refuses to launch an
 * unsigned binary. electron-builder.yml resets the ad-hoc signature (`resetAdHocDarwinSignature`)
 * and signs for real when a certificate is given; either way the bundle must verify.
 */
export function signatureProblems(appPath: string, run: CommandRunner = runCommand): string[] {
  if (!/\.app\/?$/.test(appPath)) return [];
  const result = run('codesign', ['--verify', '--deep', '--strict', appPath]);
  if (result.status === 0) return [];
  return [`the code signature does not verify after the fuses were flipped (codesign: ${result.stderr.trim() || `exit ${String(result.status)}`})`];
}

export async function checkFuses(
  appPaths: string[],
  options: { builderConfigPath?: string; run?: CommandRunner } = {},
): Promise<string[]> {
  const expected = expectedFuses(readFileSync(options.builderConfigPath ?? path.join(projectDir, 'electron-builder.yml'), 'utf8'));
  const problems: string[] = [];
  for (const appPath of appPaths) {
    const wire = (await getCurrentFuseWire(appPath)) as unknown as Record<string, unknown>;
    for (const problem of [...fuseProblems(wire, expected), ...signatureProblems(appPath, options.run)]) {
      problems.push(`${appPath}: ${problem}`);
    }
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
  console.log(`fuses as decided in ${apps.length} app(s): ${apps.join(', ')}`);
}
