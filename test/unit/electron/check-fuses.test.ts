import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFuses } from '../../../scripts/check-fuses.ts';

// A stand-in "Electron binary": random bytes around a real fuse wire (sentinel, version, length,
// one byte per fuse, all at Electron's defaults), flipped by @electron/fuses like electron-builder
// does, then read back by scripts/check-fuses.ts.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 8;
let dir: string;

async function fakeBinary(name: string): Promise<string> {
  const file = path.join(dir, name);
  const defaults = [49, 49, 49, 49, 48, 48, 48, 49]; // Electron's shipped defaults (mostly open)
  await writeFile(file, Buffer.concat([randomBytes(4096), Buffer.from(SENTINEL), Buffer.from([1, FUSE_COUNT, ...defaults]), randomBytes(4096)]));
  return file;
}

const configured = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-fuses-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scripts/check-fuses.ts', () => {
  it('accepts a binary flipped as electron-builder.yml says', async () => {
    const binary = await fakeBinary('good');
    await flipFuses(binary, configured);
    expect(await checkFuses([binary])).toEqual([]);
  });

  it('fails an unflipped binary, naming every open fuse', async () => {
    const binary = await fakeBinary('unflipped');
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

  it('fails when a single fuse is wrong', async () => {
    const binary = await fakeBinary('one-wrong');
    await flipFuses(binary, { ...configured, [FuseV1Options.EnableNodeCliInspectArguments]: true });
    expect(await checkFuses([binary])).toEqual([`${binary}: EnableNodeCliInspectArguments is enabled, expected disabled`]);
  });

  it('fails a file that is not an Electron binary', async () => {
    const file = path.join(dir, 'not-electron');
    await writeFile(file, randomBytes(1024));
    await expect(checkFuses([file])).rejects.toThrow(/sentinel/);
  });
});
