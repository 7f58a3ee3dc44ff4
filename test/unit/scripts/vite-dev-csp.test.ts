import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createServer, resolveConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../harness/browser.ts';

/**
 * `npm run dev` against the real Vite dev server (vite.config.ts, as scripts/dev.ts starts it) in
 * a real Chromium, which enforces the pages' meta CSP. Before the fix the stylesheet Vite injects
 * as a <style> and plugin-react's inline preamble were both refused.
 */
const configFile = path.resolve('vite.config.ts');
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({ configFile, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
  await server.listen();
  browser = await chromium.launch(chromiumLaunchOptions());
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: string) {
  const tab = await browser.newPage();
  const refused: string[] = [];
  tab.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await tab.goto(new URL(page, server.resolvedUrls!.local[0]).href);
  return { tab, refused };
}

describe('npm run dev under the pages’ CSP', () => {
  it('the cashier page gets its CSS (as the build does) with nothing refused', async () => {
    const { tab, refused } = await open('index.html');
    // styles.css sets `html, body, #root { margin: 0 }`; Chromium's default body margin is 8px.
    await expect.poll(() => tab.evaluate<string>('getComputedStyle(document.body).marginTop'), { timeout: 20_000 }).toBe('0px');
    expect(refused).toEqual([]);
    await tab.close();
  }, 40_000);

  it('the customer page gets its CSS with nothing refused', async () => {
    const { tab, refused } = await open('customer.html');
    await expect.poll(() => tab.evaluate<number>("document.querySelectorAll('style').length"), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    await tab.close();
  }, 40_000);

  it('a build keeps the strict CSP: no nonce, no dev plugin', async () => {
    const config = await resolveConfig({ configFile, logLevel: 'silent' }, 'build');
    expect(config.html?.cspNonce).toBeUndefined();
    expect(config.plugins.some((plugin) => plugin.name === 'pos:dev-csp-nonce')).toBe(false);
    for (const page of ['renderer/index.html', 'renderer/customer.html']) {
      expect(readFileSync(page, 'utf8')).toContain("script-src 'self'; style-src 'self';");
    }
  });
});
