import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  devServerOrigin,
  isAppUrl,
  resolveAppFile,
} from '../../../electron/app-protocol.ts';

const root = path.resolve('/srv/dist/renderer');

describe('resolveAppFile', () => {
  it('maps app://pos/ URLs to files inside the root', () => {
    expect(resolveAppFile(root, APP_START_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://pos/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://pos/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://pos/assets/a%20b.png')).toBe(path.join(root, 'assets', 'a b.png'));
  });

  it.each([
    'app://pos/../secret.txt',
    'app://pos/%2e%2e/secret.txt',
    'app://pos/assets/..%2f..%2fsecret.txt',
    'app://pos/..%5c..%5csecret.txt',
    'app://pos/assets%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://pos/%2fetc%2fpasswd',
    'app://pos/index.html%00.png',
    'app://pos/%E0%A4%A',
    'app://pos/..',
    'app://other/index.html',
    'file:///srv/dist/renderer/index.html',
    'https://pos/index.html',
    'not a url',
  ])('keeps %s inside the root or refuses it', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) {
      // Whatever the URL parser made of it, it must still be inside the root.
      expect(path.relative(root, file).startsWith('..')).toBe(false);
      expect(file.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('returns null, not a path, for traversal and foreign URLs', () => {
    expect(resolveAppFile(root, 'app://pos/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://pos/..%5csecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://pos/index.html%00.png')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://pos/%E0%A4%A')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts the app scheme and host, and extra origins only when given', () => {
    expect(isAppUrl('app://pos/index.html')).toBe(true);
    expect(isAppUrl('app://pos.evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', ['http://localhost:5173'])).toBe(true);
    expect(isAppUrl('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
    // Custom schemes all have origin "null" in Node: never match that.
    expect(isAppUrl('evil://x/', ['null'])).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('accepts only loopback http', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173')).toBe('http://[::1]:5173');
    for (const raw of [undefined, '', 'https://evil.example', 'http://192.168.1.2:5173', 'http://localhost.evil.example', 'file:///x', 'junk']) {
      expect(devServerOrigin(raw)).toBeNull();
    }
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pos-renderer-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>POS</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'hunter2');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler(path.join(dir, 'renderer'));

  it('serves files inside the root with their type and the CSP', async () => {
    const response = await handler()(new Request(APP_START_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>POS</title>');
    const script = await handler()(new Request('app://pos/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, directories and anything outside the root', async () => {
    for (const url of ['app://pos/missing.js', 'app://pos/assets', 'app://pos/..%2fsecret.txt', 'app://pos/%2e%2e/secret.txt']) {
      const response = await handler()(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('hunter2');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request(APP_START_URL, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('keeps the CSP strict: no remote origins, no inline script, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
