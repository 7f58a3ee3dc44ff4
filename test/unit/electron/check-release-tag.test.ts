import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseTagProblem } from '../../../scripts/check-release-tag.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('scripts/check-release-tag.ts', () => {
  it('accepts exactly v<version>', () => {
    expect(releaseTagProblem('v0.2.0', '0.2.0')).toBeNull();
    expect(releaseTagProblem('v1.10.3-beta.1', '1.10.3-beta.1')).toBeNull();
  });

  it('refuses a tag that differs from the package version, saying what to do', () => {
    expect(releaseTagProblem('v0.2.0', '0.1.0')).toMatch(/tag "v0.2.0" does not match package.json's version 0.1.0: tag the commit v0.1.0/);
    expect(releaseTagProblem('0.1.0', '0.1.0')).not.toBeNull();
    expect(releaseTagProblem('v0.1.0 ', '0.1.0')).not.toBeNull();
    expect(releaseTagProblem('', '0.1.0')).not.toBeNull();
  });

  it('as the workflow runs it: exit 0 for this package, 1 with a one-line reason otherwise', () => {
    const ok = spawnSync(process.execPath, ['scripts/check-release-tag.ts', `v${version}`], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['scripts/check-release-tag.ts', 'v99.0.0'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^release check FAILED: tag "v99.0.0" does not match/);
  });
});
