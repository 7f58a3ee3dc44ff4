import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFakeElectronBinary } from '../../fixtures/electron/fuse-wire.ts';

// What goes into app.asar, decided by electron-builder's own file matcher (app-builder-lib's
// getFileMatchers + createFilter, the code `npm run dist` runs) over our `files` globs: the
// bundles and the renderer build, never sources, tests, tooling or node_modules.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
const { getFileMatchers } = require('app-builder-lib/out/fileMatcher') as {
  getFileMatchers(config: object, name: 'files', destination: string, options: object): { createFilter(): Filter }[] | null;
};
const root = path.resolve(import.meta.dirname, '../../..');
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

/** Every file electron-builder would copy from `appDir`, walking like it does (a refused folder is skipped whole). */
function packagedFiles(appDir: string): string[] {
  const matchers = getFileMatchers(config, 'files', path.join(appDir, 'out'), {
    macroExpander: (pattern: string) => pattern,
    customBuildOptions: {},
    globalOutDir: path.join(appDir, 'release'),
    defaultSrc: appDir,
  });
  const filter = matchers![0]!.createFilter();
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      const stat = statSync(file);
      if (!filter(file, stat)) continue;
      if (stat.isDirectory()) walk(file);
      else found.push(path.relative(appDir, file).split(path.sep).join('/'));
    }
  };
  walk(appDir);
  return found.sort();
}

const REQUIRED = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json'];
const FORBIDDEN = [/\.tsx?$/, /^(electron|renderer|shared|test|scripts|tools|build|docs|\.github)\//, /(^|\/)node_modules\//, /\.map$/];

const synthetic = mkdtempSync(path.join(tmpdir(), 'pos-files-'));
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

describe('packaged files (electron-builder.yml `files`)', () => {
  it('in a tree with every kind of file, keeps only the build output and package.json', () => {
    const files = [
      ...REQUIRED,
      'dist/electron/main.js.map',
      'dist/renderer/assets/index-3f9a.js',
      'dist/renderer/assets/index-3f9a.css',
      'electron/main.ts',
      'electron/core/pos-core.ts',
      'renderer/main.tsx',
      'renderer/screens/sale.tsx',
      'shared/ipc-contract.ts',
      'test/unit/core/pos-core.test.ts',
      'test/fixtures/tls/self-signed.key',
      'scripts/build-electron.ts',
      'tools/lint/config.js',
      'tools/lint/node_modules/eslint/lib/api.js',
      'node_modules/react/index.js',
      'node_modules/vitest/dist/index.js',
      'node_modules/electron/dist/electron',
      'build/icon.svg',
      'build/entitlements.mac.plist',
      'docs/architecture.md',
      '.github/workflows/ci.yml',
      'tsconfig.json',
      'vite.config.ts',
      'eslint.config.js',
      'README.md',
      'package-lock.json',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(synthetic, file)), { recursive: true });
      writeFileSync(path.join(synthetic, file), 'x');
    }
    expect(packagedFiles(synthetic)).toEqual(
      [...REQUIRED, 'dist/renderer/assets/index-3f9a.css', 'dist/renderer/assets/index-3f9a.js'].sort(),
    );
  });

  it.skipIf(!existsSync(path.join(root, 'dist/electron/main.js')))('in this repo after `npm run build`: the bundles and renderer, no sources, tests or dependencies', () => {
    const files = packagedFiles(root);
    expect(files).toEqual(expect.arrayContaining(REQUIRED.filter((file) => existsSync(path.join(root, file)))));
    for (const file of files) for (const pattern of FORBIDDEN) expect(file).not.toMatch(pattern);
    expect(files.every((file) => file === 'package.json' || file.startsWith('dist/'))).toBe(true);
  });
});

/**
 * What `electron-builder --linux dir` really writes into app.asar, read back with @electron/asar
 * (electron-builder's own dependency). Electron cannot be downloaded here, so the pack uses a
 * stand-in Electron distribution (`electronDist`: one binary with Electron 45's fuse wire, which
 * the fuse step flips); everything else is electron-builder's real pipeline — its file matcher,
 * its npm module collector (NodeModuleCopyHelper, which matches dependency files against
 * `files` as node_modules/<name>/…) and its asar writer — on a copy of this project with our
 * config, package.json, lockfile and node_modules. Finding: no node_modules in app.asar.
 */
describe('packaged files: inside app.asar after a real electron-builder pack', () => {
  // Not on Windows: a symlinked node_modules needs privileges there, and electron-builder does not
  // build Linux targets on Windows. Linux and macOS CI run it.
  it.skipIf(process.platform === 'win32')('holds only the build output and package.json: no dependency, source or map', { timeout: 240_000 }, async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'pos-pack-'));
    try {
      for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml', 'build']) cpSync(path.join(root, file), path.join(project, file), { recursive: true });
      symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
      for (const file of [...REQUIRED.filter((name) => name.startsWith('dist/')), 'dist/electron/main.js.map', 'dist/renderer/assets/index-3f9a.js']) {
        mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
        writeFileSync(path.join(project, file), '// built');
      }
      for (const file of ['electron/main.ts', 'test/unit/a.test.ts']) {
        mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
        writeFileSync(path.join(project, file), 'x');
      }
      const electronDist = path.join(project, 'electron-dist');
      mkdirSync(electronDist);
      await writeFakeElectronBinary(path.join(electronDist, 'electron'));
      const { build, Platform } = require('electron-builder') as typeof import('electron-builder');
      await build({
        projectDir: project,
        targets: Platform.LINUX.createTarget('dir'),
        publish: 'never',
        config: { extends: './electron-builder.yml', electronDist, electronVersion: '45.4.1', directories: { output: path.join(project, 'release') } },
      });
      const asar = require('@electron/asar') as { listPackage(file: string, options: object): string[] };
      const archive = path.join(project, 'release/linux-unpacked/resources/app.asar');
      const entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.split(path.sep).join('/').replace(/^\//, ''));
      const files = entries.filter((entry) => !entries.some((other) => other.startsWith(`${entry}/`)));
      expect(files.sort()).toEqual([...REQUIRED, 'dist/renderer/assets/index-3f9a.js'].sort());
      expect(entries.some((entry) => entry.startsWith('node_modules'))).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
