import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `node scripts/check-release-tag.ts <tag>`: the release workflow's first step. electron-builder
 * names the files and writes latest*.yml from package.json's version, not from the tag, so a tag
 * `v0.2.0` on a commit whose package.json says 0.1.0 would publish a release the app never sees
 * as newer (or, worse, as an older one). The tag must be exactly `v<version>`.
 */
export function releaseTagProblem(tag: string, packageVersion: string): string | null {
  const expected = `v${packageVersion}`;
  if (tag === expected) return null;
  return `tag ${JSON.stringify(tag)} does not match package.json's version ${packageVersion}: tag the commit ${expected}, or bump "version" in package.json first`;
}

if (import.meta.main) {
  const tag = process.argv[2] ?? process.env.GITHUB_REF_NAME ?? '';
  const packageFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
  const problem = releaseTagProblem(tag, version);
  if (problem !== null) {
    console.error(`release check FAILED: ${problem}`);
    process.exit(1);
  }
  console.log(`tag ${tag} matches package.json ${version}`);
}
