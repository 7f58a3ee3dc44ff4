import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// ajv and js-yaml are electron-builder's own dependencies (not ours): the same validator and
// parser it uses on this file.
const require = createRequire(import.meta.url);
type AjvClass = new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
};
const Ajv = require('ajv') as AjvClass;
const yaml = require('js-yaml') as { load(text: string): unknown };

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's JSON schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sets every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    expect(config.asar).toBe(true);
  });

  it('ships only the build output and package.json', () => {
    expect(config.files).toEqual(['dist/**/*', '!dist/**/*.map', '!node_modules/**/*', 'package.json']);
  });

  it('packages per-user NSIS for x64 and arm64, and a hardened, notarizable mac build', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(readFileSync(config.mac.entitlements, 'utf8')).not.toMatch(/disable-library-validation|allow-unsigned/);
  });

  it('publishes to GitHub Releases as a draft: the update feed electron-updater reads', () => {
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(typeof config.publish.owner).toBe('string');
    expect(typeof config.publish.repo).toBe('string');
  });
});

/**
 * The configuration as electron-builder itself loads it (app-builder-lib's getConfig: `extends`,
 * deepAssign) and the feed it would write (PublishManager.getPublishConfigs: null → neither
 * resources/app-update.yml nor latest-<os>.yml). The packager passed is the part those read.
 */
async function publishedFeed(configFile: string, platform: 'mac' | 'win' | 'linux') {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js');
  const { getPublishConfigs } = require('app-builder-lib/out/publish/PublishManager.js');
  const merged = await getConfig(process.cwd(), configFile, { publish: { owner: 'shop', repo: 'pos' } });
  const appInfo = { channel: null };
  const packager = { platformSpecificBuildOptions: merged[platform] ?? {}, config: merged, info: { config: merged, appInfo }, appInfo, expandMacro: (value: string) => value };
  return { merged, feed: (await getPublishConfigs(packager, null, null, false)) as unknown[] | null };
}

describe('electron-builder.mac-unsigned.yml (macOS without a Developer ID certificate)', () => {
  it('builds with updates off: no feed for mac (Squirrel.Mac cannot install into an unsigned app)', async () => {
    const unsigned = await publishedFeed('electron-builder.mac-unsigned.yml', 'mac');
    expect(unsigned.feed).toBeNull();
    const signed = await publishedFeed('electron-builder.yml', 'mac');
    expect(signed.feed).toEqual([expect.objectContaining({ provider: 'github', owner: 'shop', repo: 'pos' })]);
    // Otherwise the same build: hardened, same targets, same files and fuses.
    expect({ ...unsigned.merged, mac: { ...unsigned.merged.mac, publish: undefined }, extends: undefined }).toEqual({ ...signed.merged, extends: undefined });
  });
});

describe('Linux', () => {
  it('the AppImage has a feed (latest-linux.yml), released by release.yml', async () => {
    expect(config.linux.target).toEqual(['AppImage']);
    expect((await publishedFeed('electron-builder.yml', 'linux')).feed).toEqual([expect.objectContaining({ provider: 'github' })]);
  });
});

describe('NSIS install-mode page', () => {
  it('the comment says what electron-builder builds: the install-mode page is shown (per-user preselected, no elevation)', () => {
    // electron-builder's NsisTarget defines INSTALL_MODE_PER_ALL_USERS only for perMachine: true,
    // and assistedInstaller.nsh inserts PAGE_INSTALL_MODE whenever it is undefined.
    const template = readFileSync(require.resolve('app-builder-lib/templates/nsis/assistedInstaller.nsh'), 'utf8');
    expect(template).toMatch(/!ifndef INSTALL_MODE_PER_ALL_USERS\s+!insertmacro PAGE_INSTALL_MODE/);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    const text = readFileSync('electron-builder.yml', 'utf8');
    const comment = text.slice(text.indexOf('nsis:'), text.indexOf('\n  oneClick:')).replace(/\s*#\s*/g, ' ');
    expect(comment).toMatch(/shows the install-mode page/);
    expect(comment).not.toMatch(/no install-mode page|without the install-mode page/i);
  });
});
