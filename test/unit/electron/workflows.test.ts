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
    const lint = indexOf(test.steps, runs('npm ci --prefix tools/lint'));
    const npmTest = indexOf(test.steps, (step) => step.run === 'npm test');
    expect(ciStep).toBeGreaterThanOrEqual(0);
    expect(lint).toBeGreaterThan(ciStep);
    expect(npmTest).toBeGreaterThan(lint);
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
  it('runs on v* tags and packages Windows and macOS on their own OS', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const matrix = release.jobs.package!.strategy!.matrix.include as { os: string; platform: string }[];
    expect(matrix.map((entry) => [entry.os, entry.platform])).toEqual([
      ['windows-latest', 'win'],
      ['macos-latest', 'mac'],
    ]);
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

  it('passes signing and notarization credentials only from secrets', () => {
    const pack = release.jobs.package!.steps.find(runs('electron-builder'))! as Step & { env: Record<string, string> };
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(pack.env[name]).toMatch(/^\$\{\{ .*secrets\./);
    }
  });

  it('never switches TLS checks off', () => {
    for (const file of ['ci.yml', 'release.yml']) {
      expect(readFileSync(`.github/workflows/${file}`, 'utf8')).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|strict-ssl\s*false|rejectUnauthorized/i);
    }
  });
});
