/**
 * The web preview: the real core (createPosCore) running in Node behind a small HTTP bridge that
 * speaks the same contract as the Electron preload, serving the built renderer on 127.0.0.1.
 * A development and test tool — never part of the packaged app (electron-builder ships only
 * dist/**, and nothing here is built into dist/).
 *
 *   POST /api/<callName>  JSON body → core.router.dispatch(callName, body) → JSON IpcResult
 *   GET  /api/events      Server-Sent Events: every onPaymentUpdate payload
 *   GET  /api/customer/events  Server-Sent Events: the sanitised customer view only (the current
 *                         one at once, then each change) — all the customer display receives
 *   GET  /bridge.js       defines window.pos (bridge.ts, bundled by esbuild at start)
 *   GET  /customer        the customer display (customer.html) with /customer-bridge.js, which
 *                         defines window.customerDisplay (a subscription) and no window.pos
 *   GET  /receipt/<no>    a paid sale's receipt as HTML (?paper=58|80), the same page OS printers get
 *   GET  /…               dist/renderer, index.html with the bridge script inserted
 *
 * With `transport: 'binding'` the page's window.pos talks to a function the test driver exposes
 * instead (binding.ts; the benchmarks use it), and the HTTP calls above go unused.
 *
 * NOT SECURE, by design: the app secret is "protected" by an AES key stored next to it in the
 * data folder (the test cipher, test/harness/aes-cipher.ts), and the settings screen is told
 * the protection is weak. Never enter a live secret you care about into the preview.
 *
 * What it does guard against: a page on another site in the contributor's browser driving the
 * till (CSRF) or reading it through a rebound DNS name. Calls need the preview's own Host, its
 * own Origin, `Content-Type: application/json` (so a cross-site form or simple request cannot
 * be one, and a cross-site fetch needs a CORS preflight the preview never grants) and a small body.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { build } from 'esbuild';
import { startTrainingSimulator, type TrainingGateway } from '../../../electron/core/gateways.ts';
import { createPosCore, type PosCore } from '../../../electron/core/pos-core.ts';
import type { RouterLogger } from '../../../electron/core/api/router.ts';
import type { DisplayOption } from '../../../electron/core/customer/display-placement.ts';
import type { Simulator } from '../../../electron/core/simulator/server.ts';
import type { Cipher } from '../../../electron/core/vault/vault.ts';
import { ipcChannels } from '../../../shared/ipc-channels.ts';
import type { CustomerView } from '../../../shared/customer-view.ts';
import type { PaymentView } from '../../../shared/payment.ts';
import { createAesCipher } from '../../harness/aes-cipher.ts';
import { joinHeadOffice, type PreviewHeadOffice } from './head-office.ts';
import { CAPABILITY_HEADER, CAPABILITY_META } from './bridge.ts';
import { receiptPage } from './receipt-route.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..', '..');
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

/** Bodies are small JSON objects; anything bigger is not a contract call. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface WebPreviewOptions {
  /** 0 (default) picks a free port. The preview always listens on 127.0.0.1 only. */
  port?: number;
  /** Settings, ledger and the preview's cipher key. Default: a fresh temp folder. */
  dataDir?: string;
  /** Remove a temp data folder the preview created when it closes (default true). */
  removeTempDataDir?: boolean;
  /** The built renderer (default dist/renderer; `npm run build:renderer`). */
  rendererDir?: string;
  /** The core's clock: tests move it forward to jump past a QR's expiry. */
  now?: () => number;
  logger?: RouterLogger;
  /** What carries window.pos's calls (bridge.ts): HTTP (default) or a driver's binding. */
  transport?: BridgeTransport;
  /** Wraps the preview's cipher, e.g. to play an OS key store that is not ready yet. */
  wrapCipher?: (cipher: Cipher) => Cipher;
  /** Screens the settings offer for the customer display (a browser has none to offer). */
  displays?: () => DisplayOption[];
  /** How soon a quiet live till checks Paypro (default a minute); tests make it short. */
  connectionIdleCheckMs?: number;
  /** Join a head office as one of its tills (issue 23). */
  hq?: PreviewHeadOffice;
}

export type BridgeTransport = 'http' | 'binding';

export interface WebPreview {
  /** e.g. http://127.0.0.1:5179/ */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  /** The training gateway; it outlives restartCore(), as Paypro outlives an app restart. */
  readonly simulator: Simulator;
  /** The core serving calls right now (a new one after restartCore()). */
  readonly core: PosCore;
  /**
   * The cashier page's capability: what its bridge sends with every /api call and the push stream.
   * Only a navigation to the cashier page receives it, never /customer nor a script's fetch.
   */
  readonly capability: string;
  /** A contract call as the page makes it (waits while the core restarts). */
  call(name: string, request: unknown): Promise<unknown>;
  /** Every payment push, across core restarts. */
  onPaymentUpdate(listener: (payment: PaymentView) => void): () => void;
  /** Closes the core and opens a new one on the same data folder and simulator: an app restart. */
  restartCore(): Promise<void>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // The renderer's own CSP is a <meta>; frame-ancestors only works as a header (clickjacking).
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cache-Control': 'no-store',
} as const;

/** The page bridges: window.pos over a transport, or the customer display's subscription. */
type BridgeScript = BridgeTransport | 'customer';
const bridgeScripts = new Map<BridgeScript, Promise<string>>();
const BRIDGE_ENTRIES: Record<BridgeScript, string> = {
  http: 'bridge-entry.ts',
  binding: 'binding-bridge-entry.ts',
  customer: 'customer-bridge-entry.ts',
};

/** A bridge bundled once per process (a few milliseconds with esbuild). */
export function buildBridgeScript(transport: BridgeScript = 'http'): Promise<string> {
  const cached = bridgeScripts.get(transport);
  if (cached) return cached;
  const script = build({
    entryPoints: [join(here, BRIDGE_ENTRIES[transport])],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  bridgeScripts.set(transport, script);
  return script;
}

/**
 * The cashier page with its capability. Electron gives `window.pos` to the cashier's window only;
 * the preview's pages share an origin, so the separation is this per-page secret instead: handed
 * out only to a top-level navigation (Fetch Metadata, set by the browser and not by a script), so
 * /customer cannot get it with fetch('/'), and framing is refused (frame-ancestors 'none').
 */
function withCapability(html: string, capability: string): string {
  return html.replace(/<head>/i, `<head>\n    <meta name="${CAPABILITY_META}" content="${capability}">`);
}

function isNavigation(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-dest'] === 'document' && req.headers['sec-fetch-mode'] === 'navigate';
}

/** A page with its bridge loaded (classic, blocking) before the app's module script. */
export function withBridge(html: string, script = './bridge.js'): string {
  const at = html.search(/<script\b[^>]*type="module"/i);
  if (at < 0) throw new Error('web preview: no module script in the renderer page');
  return `${html.slice(0, at)}<script src="${script}"></script>\n    ${html.slice(at)}`;
}

/** The preview's cipher key, kept in the data folder next to what it encrypts: NOT secure. */
function previewCipherKey(dataDir: string): Buffer {
  const path = join(dataDir, 'preview-cipher.key');
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32)));
  writeFileSync(path, key.toString('hex'), { mode: 0o600 });
  return key;
}

export async function startWebPreview(options: WebPreviewOptions = {}): Promise<WebPreview> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexPath = join(rendererDir, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`web preview: ${indexPath} is missing; run \`npm run build:renderer\` first`);
  }
  const createdTemp = options.dataDir === undefined;
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), 'paypro-pos-preview-')));
  mkdirSync(dataDir, { recursive: true });
  const logger = options.logger ?? { error: (message, context) => console.error(message, context) };

  const customerPath = join(rendererDir, 'customer.html');
  const [bridge, customerBridge, training] = await Promise.all([
    buildBridgeScript(options.transport),
    buildBridgeScript('customer'),
    retryWhileAddressInUse(() => startTrainingSimulator()),
  ]);
  const aesCipher = createAesCipher([previewCipherKey(dataDir)]);
  const cipher = options.wrapCipher ? options.wrapCipher(aesCipher) : aesCipher;
  // A new store object per core, as a restarted app would open the file again.
  const openStore = () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'paypro-pos-preview', configFileMode: 0o600 });
  if (options.hq) await joinHeadOffice(openStore(), cipher, options.hq);

  const sseClients = new Set<ServerResponse>();
  const pushListeners = new Set<(payment: PaymentView) => void>();
  const broadcast = (payment: PaymentView) => {
    const frame = `data: ${JSON.stringify(payment)}\n\n`;
    for (const client of sseClients) client.write(frame);
    for (const listener of pushListeners) listener(payment);
  };
  const customerClients = new Set<ServerResponse>();
  const capability = randomBytes(32).toString('base64url');
  const holdsCapability = (presented: string | null | undefined): boolean =>
    typeof presented === 'string' && presented.length === capability.length && timingSafeEqual(Buffer.from(presented), Buffer.from(capability));
  const sendCustomerView = (client: ServerResponse, view: CustomerView) => client.write(`data: ${JSON.stringify(view)}\n\n`);

  const openCore = (gateway: TrainingGateway): PosCore => {
    const core = createPosCore({
      userDataDir: dataDir,
      store: openStore(),
      cipher,
      // The preview's cipher key sits in the data folder: say so on the settings screen.
      secretProtection: async () => 'weak',
      logger,
      trainingGateway: gateway,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.displays === undefined ? {} : { displays: options.displays }),
      ...(options.connectionIdleCheckMs === undefined ? {} : { connectionIdleCheckMs: options.connectionIdleCheckMs }),
    });
    core.onPaymentUpdate(broadcast);
    core.onCustomerView((view) => {
      for (const client of customerClients) sendCustomerView(client, view);
    });
    return core;
  };

  let core = openCore(training);
  /** Calls wait while the core restarts instead of reaching a closed one. */
  let ready: Promise<void> = Promise.resolve();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('web preview: request failed', { error: String(error) });
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  const listen = () =>
    new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', fail);
        done();
      });
    });
  await (options.port ? listen() : retryWhileAddressInUse(listen));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  // The same server answers to localhost too; each name is its own origin, and a call's Origin
  // must be the one its Host names.
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** Host against DNS rebinding; Origin and Fetch Metadata against other sites. */
  function sameOrigin(req: IncomingMessage, { requireOrigin }: { requireOrigin: boolean }): boolean {
    const host = req.headers.host;
    if (host === undefined || !allowedHosts.has(host)) return false;
    const requestOrigin = req.headers.origin;
    if (requestOrigin === undefined) {
      if (requireOrigin) return false;
    } else if (requestOrigin !== `http://${host}`) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    const path = new URL(req.url ?? '/', origin).pathname;

    if (path.startsWith('/api/')) {
      if (path === '/api/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed');
        if (!sameOrigin(req, { requireOrigin: false })) return send(res, 403, 'Forbidden');
        if (!holdsCapability(new URL(req.url ?? '/', origin).searchParams.get('capability'))) return send(res, 403, 'Forbidden');
        return openEvents(req, res, sseClients);
      }
      if (path === '/api/customer/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed');
        if (!sameOrigin(req, { requireOrigin: false })) return send(res, 403, 'Forbidden');
        openEvents(req, res, customerClients);
        sendCustomerView(res, core.customerView());
        return;
      }
      const name = path.slice('/api/'.length);
      if (!Object.hasOwn(ipcChannels, name)) return send(res, 404, 'Not Found');
      if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
      // Browsers send Origin with every POST; a request without one is not from the preview page.
      if (!sameOrigin(req, { requireOrigin: true })) return send(res, 403, 'Forbidden');
      // Same origin is not enough: /customer shares it. Only the cashier page holds the capability.
      const presented = req.headers[CAPABILITY_HEADER];
      if (!holdsCapability(Array.isArray(presented) ? undefined : presented)) return send(res, 403, 'Forbidden');
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, 'Unsupported Media Type');
      }
      const raw = await readBody(req);
      if (raw === null) return send(res, 413, 'Payload Too Large');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, 'Bad Request');
      }
      return send(res, 200, JSON.stringify(await call(name, body)), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
    // Static files are public (the same-origin policy keeps other sites from reading them); only
    // the Host is checked, so a rebound DNS name cannot serve the page from a foreign origin.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden');
    if (path === '/bridge.js') return send(res, 200, bridge, CONTENT_TYPES['.js']);
    if (path === '/customer-bridge.js') return send(res, 200, customerBridge, CONTENT_TYPES['.js']);
    if (path === '/customer' || path === '/customer.html') {
      const page = withBridge(await readFile(customerPath, 'utf8'), './customer-bridge.js');
      return send(res, 200, page, CONTENT_TYPES['.html']);
    }
    if (path.startsWith('/receipt/')) {
      await ready;
      const page = receiptPage(core, new URL(req.url ?? '/', origin));
      return send(res, page.status, page.body, page.type);
    }
    if (path === '/' || path === '/index.html') {
      const page = withBridge(await readFile(indexPath, 'utf8'));
      return send(res, 200, isNavigation(req) ? withCapability(page, capability) : page, CONTENT_TYPES['.html']);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    const file = normalize(join(rendererDir, decoded));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file)) return send(res, 404, 'Not Found');
    const type = CONTENT_TYPES[extname(file)];
    if (type === undefined) return send(res, 404, 'Not Found');
    return send(res, 200, await readFile(file), type);
  }

  async function call(name: string, request: unknown): Promise<unknown> {
    await ready;
    return core.router.dispatch(name, request);
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, clients: Set<ServerResponse>): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  return {
    url: `${origin}/`,
    origin,
    dataDir,
    capability,
    simulator: training.simulator,
    get core() {
      return core;
    },
    call,
    onPaymentUpdate(listener) {
      pushListeners.add(listener);
      return () => void pushListeners.delete(listener);
    },
    async restartCore() {
      let reopened!: () => void;
      ready = new Promise((done) => (reopened = done));
      try {
        await core.close();
        core = openCore(training);
      } finally {
        reopened();
      }
    },
    async close() {
      for (const client of [...sseClients, ...customerClients]) client.end();
      sseClients.clear();
      customerClients.clear();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await core.close();
      await training.simulator.close();
      if (createdTemp && options.removeTempDataDir !== false) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Binding a free port (port 0) can still fail with EADDRINUSE when something else on the machine
 * holds nearly every ephemeral port for a moment (a load test next door); try a few times.
 */
async function retryWhileAddressInUse<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= attempts) throw error;
      await new Promise((done) => setTimeout(done, 200 * attempt));
    }
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return done(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => done(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
