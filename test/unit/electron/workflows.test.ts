import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The GitHub workflows cannot run here; their shape is checked instead (js-yaml: electron-builder's parser).
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
type Step = { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> };
type Job = { 'runs-on': string; needs?: string | string[]; steps: Step[]; strategy?: { matrix: Record<string, any> } };
const load = (file: string) => yaml.load(readFileSync(`.github/workflows/${file}`, 'utf8')) as { on: any; jobs: Record<string, Job>; permissions?: unknown };
const indexOf = (steps: Step[], test: (step: Step) => boolean) => steps.findIndex(test);
const runs = (text: string | RegExp) => (step: Step) => (typeof text === 'string' ? step.run?.includes(text) : text.test(step.run ?? '')) ?? false;

describe('ci.yml', () => {
  const ci = load('ci.yml');
  it('runs npm ci and npm test on every push and PR, on Linux, Windows and macOS with Node 24', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const test = ci.jobs.test!;
    expect(test.strategy!.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const setup = test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(24);
    const ciStep = indexOf(test.steps, (step) => step.run === 'npm ci');
    const npmTest = indexOf(test.steps, (step) => step.run === 'npm test');
    expect(ciStep).toBeGreaterThanOrEqual(0);
    expect(npmTest).toBeGreaterThan(ciStep);
    // The README's two commands: no separate install of the lint toolchain.
    expect(test.steps.some(runs('--prefix tools/lint'))).toBe(false);
  });

  it('packs the app on Linux on every push and reads the fuses back from the packed binary', () => {
    const job = ci.jobs['pack-linux']!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    const build = indexOf(job.steps, (step) => step.run === 'npm run build');
    const pack = indexOf(job.steps, runs(/electron-builder --config electron-builder\.yml --linux dir --publish never/));
    const fuses = indexOf(job.steps, runs('node scripts/check-fuses.ts release/linux-unpacked/paypro-pos'));
    expect(build).toBeGreaterThan(-1);
    expect(pack).toBeGreaterThan(build);
    expect(fuses).toBeGreaterThan(pack);
  });

  it('runs the Electron e2e spec under a real Electron and xvfb on Ubuntu', () => {
    const job = ci.jobs['electron-e2e']!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    const electron = indexOf(job.steps, runs('node_modules/electron/install.js'));
    const build = indexOf(job.steps, (step) => step.run === 'npm run build');
    const e2e = indexOf(job.steps, runs(/xvfb-run .*playwright test test\/e2e\/electron\.spec\.ts/));
    expect(electron).toBeGreaterThan(-1);
    expect(build).toBeGreaterThan(electron);
    expect(e2e).toBeGreaterThan(build);
  });
});

describe('release.yml', () => {
  const release = load('release.yml');
  it('runs on v* tags and packages Windows, macOS and Linux on their own OS', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const matrix = release.jobs.package!.strategy!.matrix.include as { os: string; platform: string }[];
    expect(matrix.map((entry) => [entry.os, entry.platform])).toEqual([
      ['windows-latest', 'win'],
      ['macos-latest', 'mac'],
      ['ubuntu-latest', 'linux'],
    ]);
  });

  it('releases every OS electron-builder.yml targets, each with its update feed (no build checks a feed that cannot exist)', () => {
    const builder = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, { target?: unknown }>;
    const targeted = ['win', 'mac', 'linux'].filter((platform) => builder[platform]?.target !== undefined);
    const matrix = release.jobs.package!.strategy!.matrix.include as { platform: string }[];
    expect(matrix.map((entry) => entry.platform).sort()).toEqual(targeted.sort());
    const steps = release.jobs.package!.steps;
    const linux = steps.find((step) => step.if === "matrix.platform == 'linux'" && runs('electron-builder')(step))!;
    expect(linux.run).toMatch(/electron-builder --config electron-builder\.yml --linux AppImage --publish never/);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    const paths = String(upload.with!.path).split('\n').map((line) => line.trim());
    expect(paths).toEqual(expect.arrayContaining(['release/*.AppImage', 'release/latest*.yml']));
    const linuxEntry = (release.jobs.package!.strategy!.matrix.include as { platform: string; apps: string }[]).find((entry) => entry.platform === 'linux')!;
    expect(linuxEntry.apps).toBe('release/linux-unpacked/paypro-pos');
  });

  it('builds macOS without a certificate from the updates-off config, with one from electron-builder.yml', () => {
    const mac = release.jobs.package!.steps.find((step) => step.if === "matrix.platform == 'mac'" && runs('electron-builder')(step))!;
    expect(mac.run).toContain('config=electron-builder.mac-unsigned.yml');
    expect(mac.run).toContain('if [ -n "$MAC_CSC_LINK" ]; then export CSC_LINK="$MAC_CSC_LINK" CSC_KEY_PASSWORD="$MAC_CSC_KEY_PASSWORD"; config=electron-builder.yml; fi');
    expect(mac.run).toMatch(/electron-builder --config "\$config" --mac --publish never/);
  });

  it('tests, packages, checks the fuses, uploads — in that order — and publishes only after every package job', () => {
    const steps = release.jobs.package!.steps;
    const test = indexOf(steps, (step) => step.run === 'npm test');
    const pack = indexOf(steps, runs(/electron-builder .*--publish never/));
    const fuses = indexOf(steps, runs('node scripts/check-fuses.ts'));
    const upload = indexOf(steps, (step) => step.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(test).toBeGreaterThan(-1);
    expect(pack).toBeGreaterThan(test);
    expect(fuses).toBeGreaterThan(pack);
    expect(upload).toBeGreaterThan(fuses);
    const publish = release.jobs.publish!;
    expect(publish.needs).toBe('package');
    expect(publish.steps.some(runs('gh release upload'))).toBe(true);
    // Nothing is published from the package job itself.
    expect(steps.some(runs(/--publish (always|onTag|onTagOrDraft)|gh release/))).toBe(false);
  });

  it("gives each OS only its own certificate, in the variables electron-builder reads there", () => {
    type EnvStep = Step & { env: Record<string, string> };
    const packs = release.jobs.package!.steps.filter(runs('electron-builder')) as EnvStep[];
    const win = packs.find((step) => step.if === "matrix.platform == 'win'")!;
    const mac = packs.find((step) => step.if === "matrix.platform == 'mac'")!;
    expect(packs).toHaveLength(3);
    expect(win.run).toMatch(/electron-builder .* --win /);
    expect(mac.run).toMatch(/electron-builder .* --mac /);
    // Windows: WIN_CSC_* only. No CSC_LINK there: electron-builder falls back to it when WIN_CSC_LINK is unset.
    expect(win.env).toEqual({ WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}', WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}' });
    expect(`${JSON.stringify(win)}`).not.toMatch(/MAC_CSC|APPLE_/);
    // macOS: its own certificate, exported as CSC_LINK / CSC_KEY_PASSWORD only when it exists.
    expect(mac.env.MAC_CSC_LINK).toBe('${{ secrets.MAC_CSC_LINK }}');
    expect(mac.env.MAC_CSC_KEY_PASSWORD).toBe('${{ secrets.MAC_CSC_KEY_PASSWORD }}');
    expect(mac.run).toMatch(/if \[ -n "\$MAC_CSC_LINK" \]; then export CSC_LINK="\$MAC_CSC_LINK" CSC_KEY_PASSWORD="\$MAC_CSC_KEY_PASSWORD";/);
    expect(`${JSON.stringify(mac)}`).not.toMatch(/WIN_CSC/);
    for (const name of ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) expect(mac.env[name]).toBe(`\${{ secrets.${name} }}`);
    for (const step of release.jobs.package!.steps) expect(step.if === undefined || /^matrix\.platform == '(win|mac|linux)'$/.test(step.if) || step.if.startsWith('runner.os')).toBe(true);
  });

  it('checks that the tag is v<package.json version> before anything is built', () => {
    const tag = release.jobs.tag!;
    expect(release.jobs.package!.needs).toBe('tag');
    expect(tag.steps.some(runs('node scripts/check-release-tag.ts "$TAG"'))).toBe(true);
    const step = tag.steps.find(runs('check-release-tag'))! as Step & { env: Record<string, string> };
    expect(step.env.TAG).toBe('${{ github.ref_name }}');
  });

  it('never switches TLS checks off', () => {
    for (const file of ['ci.yml', 'release.yml']) {
      expect(readFileSync(`.github/workflows/${file}`, 'utf8')).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|strict-ssl\s*false|rejectUnauthorized/i);
    }
  });
});
