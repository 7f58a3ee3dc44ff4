import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from '../../../tools/lint/testing.js';

// The repo's real config (eslint.config.js) on the real files: the pos/* rules are switched on
// where they belong, and a regression in one of the guarded files is caught.
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('eslint.config.js', () => {
  it('switches the security rules on for the right files', async () => {
    const enabled = async (file: string) => Object.keys((await eslint.calculateConfigForFile(path.join(root, file))).rules ?? {});
    const everywhere = ['pos/secure-web-preferences', 'pos/no-tls-bypass', 'pos/no-dynamic-code', 'pos/open-external-helper-only'];
    expect(await enabled('electron/main.ts')).toEqual(expect.arrayContaining(everywhere));
    expect(await enabled('test/unit/core/pos-core.test.ts')).toEqual(expect.arrayContaining(everywhere));
    expect(await enabled('electron/preload.ts')).toContain('pos/preload-bridge');
    expect(await enabled('electron/preload-api.ts')).toContain('pos/preload-bridge');
    for (const file of ['electron/core/pos-core.ts', 'shared/settings.ts', 'renderer/main.tsx']) {
      expect(await enabled(file)).toContain('pos/no-electron-in-core');
    }
    expect(await enabled('electron/main.ts')).not.toContain('pos/no-electron-in-core');
  });

  it('passes the real preload and window factory, and catches a regression in each', { timeout: 30_000 }, async () => {
    const preload = read('electron/preload.ts');
    expect(await ruleIds('electron/preload.ts', preload)).toEqual([]);
    const leaky = preload.replace("exposeInMainWorld('pos', createPosApi(ipcRenderer))", "exposeInMainWorld('pos', { ipcRenderer })");
    expect(leaky).not.toBe(preload);
    // (The factory's import, now unused, is reported too; only the bridge rule matters here.)
    const bridgeFindings = (await ruleIds('electron/preload.ts', leaky)).filter((id) => id.startsWith('pos/'));
    expect(bridgeFindings).toEqual(['pos/preload-bridge', 'pos/preload-bridge']);
    const api = read('electron/preload-api.ts');
    expect(await ruleIds('electron/preload-api.ts', api)).toEqual([]);
    expect(await ruleIds('electron/preload-api.ts', `import { readFileSync } from 'node:fs';\n${api}`)).toContain('pos/preload-bridge');

    const window = read('electron/window.ts');
    expect(await ruleIds('electron/window.ts', window)).toEqual([]);
    const unsandboxed = window.replace('sandbox: true', 'sandbox: false');
    expect(unsandboxed).not.toBe(window);
    expect(await ruleIds('electron/window.ts', unsandboxed)).toEqual(['pos/secure-web-preferences']);

    const client = read('electron/core/paypro/client.ts');
    expect(await ruleIds('electron/core/paypro/client.ts', client)).toEqual([]);
    const insecure = `${client}\nexport const agentOptions = { connect: { rejectUnauthorized: false } };\n`;
    expect(await ruleIds('electron/core/paypro/client.ts', insecure)).toEqual(['pos/no-tls-bypass']);

    const core = read('electron/core/pos-core.ts');
    expect(await ruleIds('electron/core/pos-core.ts', `import { app } from 'electron';\n${core}`)).toContain('pos/no-electron-in-core');
  });
});
