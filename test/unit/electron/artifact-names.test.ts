import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The update feed must name the files the release really has. Both sides come from electron-builder's
// own code, fed our electron-builder.yml: the artifact names its NSIS, dmg and zip targets give the
// files (expandArtifactNamePattern with each target's default pattern, and the "safe" GitHub name it
// writes into the feed instead when the real one has spaces), then createUpdateInfoTasks +
// writeUpdateInfoFiles write latest.yml / latest-mac.yml. The release uploads the files with
// `gh release upload`, which keeps their names except that GitHub turns a space into a dot.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const builder = require('app-builder-lib') as { PlatformPackager: { prototype: object }; Platform: Record<string, object>; Arch: Record<string, number> };
const { computeSafeArtifactNameIfNeeded } = require('app-builder-lib/out/platformPackager') as {
  computeSafeArtifactNameIfNeeded(name: string, safeName: () => string): string | null;
};
const { createUpdateInfoTasks, writeUpdateInfoFiles } = require('app-builder-lib/out/publish/updateInfoBuilder') as {
  createUpdateInfoTasks(event: object, publishConfigs: object[]): Promise<object[]>;
  writeUpdateInfoFiles(tasks: object[], packager: object): Promise<void>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName: string; version: string; dependencies: object };
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
const { Arch, Platform, PlatformPackager } = builder;
const outDir = mkdtempSync(path.join(tmpdir(), 'pos-artifacts-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type Packager = {
  expandArtifactNamePattern(options: object | undefined, ext: string, arch: number | null, pattern: string, skipDefaultArch?: boolean): string;
  computeSafeArtifactName(name: string, ext: string, arch?: number | null, skipDefaultArch?: boolean, defaultArch?: string, safePattern?: string): string | null;
};

/** A PlatformPackager with electron-builder's own methods, our config and app info — no Electron needed. */
function packagerFor(platform: 'WINDOWS' | 'MAC'): Packager {
  const key = platform === 'WINDOWS' ? 'win' : 'mac';
  const productName = pkg.productName;
  return Object.assign(Object.create(PlatformPackager.prototype), {
    platform: Platform[platform],
    platformSpecificBuildOptions: config[key],
    appInfo: { name: pkg.name, productName, sanitizedProductName: productName, productFilename: productName, version: pkg.version, channel: null },
    info: { config, metadata: { dependencies: pkg.dependencies }, emitArtifactCreated: async () => undefined },
    emitArtifactCreated: async () => undefined,
    getResource: async () => null,
  }) as Packager;
}

/** What the targets build (file name, and the safe name electron-builder puts in the feed). */
function builtArtifacts(): { platform: 'WINDOWS' | 'MAC'; arch: number | null; file: string; safeArtifactName: string | null }[] {
  const win = packagerFor('WINDOWS');
  // NSIS with x64 + arm64: one installer for both (NsisTarget.installerFilenamePattern, no arch suffix).
  const installer = win.expandArtifactNamePattern(config.nsis, 'exe', Arch.x64!, '${productName} Setup ${version}.${ext}', false);
  const installerSafe = computeSafeArtifactNameIfNeeded(installer, () => `${pkg.name}-Setup-${pkg.version}.exe`);
  const mac = packagerFor('MAC');
  const macFiles = ['arm64', 'x64'].flatMap((archName) => {
    const arch = Arch[archName]!;
    const zip = mac.expandArtifactNamePattern(undefined, 'zip', arch, '${productName}-${version}-${arch}-${os}.${ext}', false);
    const dmg = mac.expandArtifactNamePattern(config.dmg, 'dmg', arch, '${productName}-${version}-${arch}.${ext}', true);
    return [
      { platform: 'MAC' as const, arch, file: zip, safeArtifactName: mac.computeSafeArtifactName(zip, 'zip', arch, false, undefined, '${name}-${version}-${arch}-${os}.${ext}') },
      { platform: 'MAC' as const, arch, file: dmg, safeArtifactName: mac.computeSafeArtifactName(dmg, 'dmg') },
    ];
  });
  return [{ platform: 'WINDOWS', arch: null, file: installer, safeArtifactName: installerSafe }, ...macFiles];
}

/** The feed files electron-builder writes for these artifacts, as url lists. */
async function writtenFeeds(artifacts: ReturnType<typeof builtArtifacts>): Promise<Record<string, string[]>> {
  const tasks: object[] = [];
  for (const artifact of artifacts) {
    const packager = packagerFor(artifact.platform);
    const file = path.join(outDir, artifact.file);
    writeFileSync(file, randomBytes(64));
    const event = { file, arch: artifact.arch, packager, safeArtifactName: artifact.safeArtifactName, target: { outDir } };
    tasks.push(...(await createUpdateInfoTasks(event, [config.publish])));
  }
  await writeUpdateInfoFiles(tasks, packagerFor('WINDOWS'));
  const feeds: Record<string, string[]> = {};
  for (const feed of ['latest.yml', 'latest-mac.yml']) {
    const info = yaml.load(readFileSync(path.join(outDir, feed), 'utf8')) as { files: { url: string }[]; path: string };
    feeds[feed] = [...new Set([...info.files.map((entry) => entry.url), info.path])].sort();
  }
  return feeds;
}

/** The asset name GitHub gives an uploaded file (`gh release upload` keeps the name; GitHub turns spaces into dots). */
const githubAssetName = (file: string) => file.replace(/ /g, '.');

describe('release artifact names (electron-builder.yml artifactName)', () => {
  it('every file the release uploads has a name without spaces or characters GitHub rewrites', () => {
    for (const { file } of builtArtifacts()) expect(file).toMatch(/^[\w.-]+$/);
  });

  it('latest.yml and latest-mac.yml name exactly the files the release uploads', async () => {
    const artifacts = builtArtifacts();
    const uploaded = new Set(artifacts.map((artifact) => githubAssetName(artifact.file)));
    const feeds = await writtenFeeds(artifacts);
    expect(feeds['latest.yml']!.length).toBeGreaterThan(0);
    expect(feeds['latest-mac.yml']!.length).toBeGreaterThan(0);
    for (const url of [...feeds['latest.yml']!, ...feeds['latest-mac.yml']!]) expect(uploaded).toContain(url);
    expect(feeds['latest.yml']).toEqual([`${pkg.name}-setup-${pkg.version}.exe`]);
    expect(feeds['latest-mac.yml']).toEqual(expect.arrayContaining([`${pkg.name}-${pkg.version}-mac-arm64.zip`, `${pkg.name}-${pkg.version}-mac-x64.zip`]));
  });
});
