import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkFuses, expectedFuses, signatureProblems } from '../../../scripts/check-fuses.ts';
import { ELECTRON_45_FUSE_WIRE, writeFakeElectronBinary } from '../../fixtures/electron/fuse-wire.ts';

// A stand-in Electron binary carrying Electron 45's real 9-fuse wire, flipped by electron-builder's
// own code (app-builder-lib's generateFuseConfig from our electron-builder.yml, then the
// @electron/fuses app-builder-lib itself loads), then read back by scripts/check-fuses.ts.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
type FlipConfig = Record<string, unknown>;
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: object): Promise<FlipConfig> } };
};
const builderFuses = createRequire(require.resolve('app-builder-lib'))('@electron/fuses') as {
  flipFuses(file: string, config: FlipConfig): Promise<number>;
};

let dir: string;
let configuredFuses: Record<string, boolean>;

async function packedBinary(name: string, overrides: Record<string, boolean> = {}, wire = ELECTRON_45_FUSE_WIRE): Promise<string> {
  const file = await writeFakeElectronBinary(path.join(dir, name), wire);
  const flip = await PlatformPackager.prototype.generateFuseConfig.call({}, { ...configuredFuses, ...overrides });
  await builderFuses.flipFuses(file, flip);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-fuses-'));
  configuredFuses = (yaml.load(await readFile('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> }).electronFuses;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scripts/check-fuses.ts', () => {
  it('accepts an Electron 45 binary (9 fuses) flipped by electron-builder as electron-builder.yml says', async () => {
    expect(ELECTRON_45_FUSE_WIRE).toHaveLength(9);
    const binary = await packedBinary('good');
    expect(await checkFuses([binary])).toEqual([]);
  });

  it('decides every fuse the pinned Electron has, including the two electron-builder cannot set', async () => {
    const expected = expectedFuses(await readFile('electron-builder.yml', 'utf8'));
    const named = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect([...expected.keys()].sort()).toEqual(named.sort());
    expect(named).toHaveLength(ELECTRON_45_FUSE_WIRE.length);
    expect(expected.get('WasmTrapHandlers')).toBe(true);
    expect(expected.get('LoadBrowserProcessSpecificV8Snapshot')).toBe(false);
    expect(expected.has('ResetAdHocDarwinSignature')).toBe(false);
  });

  it('fails an unflipped binary, naming every open fuse', async () => {
    const binary = await writeFakeElectronBinary(path.join(dir, 'unflipped'));
    const problems = await checkFuses([binary]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/RunAsNode is enabled, expected disabled/),
        expect.stringMatching(/EnableNodeOptionsEnvironmentVariable is enabled, expected disabled/),
        expect.stringMatching(/OnlyLoadAppFromAsar is disabled, expected enabled/),
        expect.stringMatching(/EnableEmbeddedAsarIntegrityValidation is disabled, expected enabled/),
      ]),
    );
  });

  it('fails when a single fuse is wrong, the ninth included', async () => {
    const binary = await packedBinary('one-wrong', { enableNodeCliInspectArguments: true });
    expect(await checkFuses([binary])).toEqual([`${binary}: EnableNodeCliInspectArguments is enabled, expected disabled`]);
    const wasmOff = await packedBinary('wasm-off', {}, `${ELECTRON_45_FUSE_WIRE.slice(0, 8)}0`);
    expect(await checkFuses([wasmOff])).toEqual([`${wasmOff}: WasmTrapHandlers is disabled, expected enabled`]);
  });

  it('fails on a fuse it does not know (a newer Electron), not on the Electron it was written for', async () => {
    const binary = await packedBinary('ten-fuses', {}, `${ELECTRON_45_FUSE_WIRE}1`);
    expect(await checkFuses([binary])).toEqual([expect.stringMatching(/fuse #9 is unknown to @electron\/fuses/)]);
  });

  it('fails a file that is not an Electron binary', async () => {
    const file = path.join(dir, 'not-electron');
    await writeFile(file, randomBytes(1024));
    await expect(checkFuses([file])).rejects.toThrow(/sentinel/);
  });
});

describe('macOS signature after the fuses are flipped', () => {
  it('electron-builder.yml resets the ad-hoc signature, so an unsigned arm64 build still launches', async () => {
    expect(configuredFuses.resetAdHocDarwinSignature).toBe(true);
    const flip = await PlatformPackager.prototype.generateFuseConfig.call({}, configuredFuses);
    expect(flip.resetAdHocDarwinSignature).toBe(true);
  });

  it('requires the .app bundle to verify with codesign, and checks nothing else for other binaries', () => {
    const ok = vi.fn(() => ({ status: 0, stderr: '' }));
    expect(signatureProblems('release/mac-arm64/Paypro POS.app', ok)).toEqual([]);
    expect(ok).toHaveBeenCalledWith('codesign', ['--verify', '--deep', '--strict', 'release/mac-arm64/Paypro POS.app']);
    const broken = vi.fn(() => ({ status: 1, stderr: 'code has no resources but signature indicates they must be present\n' }));
    expect(signatureProblems('release/mac-arm64/Paypro POS.app', broken)).toEqual([
      expect.stringMatching(/does not verify.*code has no resources/),
    ]);
    const notCalled = vi.fn(() => ({ status: 1, stderr: '' }));
    expect(signatureProblems('release/win-unpacked/Paypro POS.exe', notCalled)).toEqual([]);
    expect(notCalled).not.toHaveBeenCalled();
  });
});
