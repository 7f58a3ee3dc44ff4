import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainBuildOptions, preloadBuildOptions } from '../../../scripts/build-electron.ts';
import { ipcContract, paymentUpdateChannel } from '../../../shared/ipc-contract.ts';

/** Every `require("…")` and `import … from "…"` left in a bundle. */
function moduleReferences(code: string): string[] {
  const found = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|\bfrom\s*["']([^"']+)["']/g)];
  return [...new Set(found.map((match) => match[1] ?? match[2]!))];
}

describe('electron bundles', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'pos-bundle-'));
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('builds the preload as one CommonJS file that requires only electron and carries no zod', async () => {
    const result = await build(preloadBuildOptions(outDir));
    expect(await readdir(outDir)).toEqual(['preload.cjs']);
    const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(code).toMatch(/module\.exports|require\("electron"\)/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(moduleReferences(code)).toEqual(['electron']);
    expect(Object.keys(result.metafile!.inputs).some((input) => input.includes('zod'))).toBe(false);
    for (const { channel } of Object.values(ipcContract)) expect(code).toContain(channel);
    expect(code).toContain(paymentUpdateChannel);
    expect(code.length).toBeLessThan(10_000);
  });

  it('builds main as ESM that leaves out only electron, Node built-ins and pg\'s optional native binding', async () => {
    const result = await build(mainBuildOptions(outDir));
    // The metafile, not the text: ajv's code generator holds `require("ajv/…")` in strings.
    const [output] = Object.values(result.metafile!.outputs).filter((entry) => entry.entryPoint === 'electron/main.ts');
    const externals = new Set(output!.imports.filter((record) => record.external).map((record) => record.path));
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    // pg-native: pg's optional binding, reached only through `pg.native`, which the app never uses.
    const outside = [...externals].filter((name) => name !== 'electron' && !builtins.has(name) && name !== 'node:sqlite');
    expect(outside.filter((name) => name !== 'pg-native')).toEqual([]);
    expect(externals.has('electron')).toBe(true);
    const code = await readFile(path.join(outDir, 'main.js'), 'utf8');
    // ESM, opening with the createRequire shim that bundled CommonJS packages need.
    expect(code.startsWith("import { createRequire as __createRequire } from 'node:module';")).toBe(true);
  });
});
