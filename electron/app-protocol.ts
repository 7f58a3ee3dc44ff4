import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The renderer is served from `app://pos/…`, a privileged custom scheme, not `file://`: a
 * `file://` page could read any file and shares one opaque origin with every other local page.
 * Everything here is Electron-free so it is tested under Node; main.ts wires it to `protocol`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before `app` is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * No remote content, no inline script, no eval, no frames. Images may be data:/blob: URLs because
 * the QR is drawn into one. connect-src 'self' only: all data comes over IPC.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * True for a URL of the app's own page: `app://pos/…`, or one of `extraOrigins` (the Vite dev
 * server, in development only). Compared by scheme and host: Node's URL gives custom schemes the
 * origin "null", so `.origin` would match every custom scheme alike.
 */
export function isAppUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return parsed.origin !== 'null' && extraOrigins.includes(parsed.origin);
}

/**
 * The Vite dev server's origin from `POS_DEV_SERVER_URL`, accepted only on loopback http so a
 * stray environment variable cannot make the app trust a remote site. Null when unset or refused.
 */
export function devServerOrigin(raw: string | undefined): string | null {
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'http:' && loopback ? parsed.origin : null;
}

/**
 * The file under `rootDir` that an `app://pos/…` URL names, or null when the URL is not the
 * app's, is malformed, or would leave `rootDir` (`..`, encoded `%2e%2e`, backslashes, NUL).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows; NUL truncates paths in native code.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function plainResponse(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/** The `protocol.handle('app', …)` handler: static files from `rootDir`, read-only. */
export function createAppProtocolHandler(
  rootDir: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405);
    const file = resolveAppFile(rootDir, request.url);
    if (file === null) return plainResponse(404);
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      // Missing file or a directory: the same answer, no path echoed.
      return plainResponse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Blob([body]), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
