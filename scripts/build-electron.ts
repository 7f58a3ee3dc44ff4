import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

/**
 * Bundles the main process and the preload (`node scripts/build-electron.ts`).
 * - main: ESM, everything bundled but `electron`, so the packaged app needs no node_modules.
 * - preload: ONE CommonJS file; a sandboxed preload can `require('electron')` and nothing else,
 *   neither ESM nor sibling files.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS packages bundled into ESM (ajv, via conf) call require() for Node built-ins.
const requireShim = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

export function mainBuildOptions(outDir: string): BuildOptions {
  return {
    absWorkingDir: projectDir,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // pg's optional native binding: required only if `pg.native` is asked for (never: the head
    // office uses pg's JavaScript client), inside pg's own try/catch.
    external: ['electron', 'pg-native'],
    banner: { js: requireShim },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
}

/** The cashier window's preload (`preload`), or the customer display's (`customer-preload`). */
export function preloadBuildOptions(outDir: string, name: 'preload' | 'customer-preload' = 'preload'): BuildOptions {
  return {
    absWorkingDir: projectDir,
    entryPoints: [`electron/${name}.ts`],
    outfile: path.join(outDir, `${name}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome140',
    external: ['electron'],
    metafile: true,
    logLevel: 'warning',
  };
}

export async function buildElectron(outDir: string): Promise<{ main: Metafile; preload: Metafile; customerPreload: Metafile }> {
  const [main, preload, customerPreload] = await Promise.all([
    build(mainBuildOptions(outDir)),
    build(preloadBuildOptions(outDir)),
    build(preloadBuildOptions(outDir, 'customer-preload')),
  ]);
  return { main: main.metafile!, preload: preload.metafile!, customerPreload: customerPreload.metafile! };
}

if (import.meta.main) {
  const outDir = path.join(projectDir, 'dist', 'electron');
  await buildElectron(outDir);
  console.log(`built ${path.relative(projectDir, outDir)}/main.js, preload.cjs and customer-preload.cjs`);
}
