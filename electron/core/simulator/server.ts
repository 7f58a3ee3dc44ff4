import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { envelope, handleEndpoint, type SimEnvelope } from './endpoints.ts';
import {
  createFaultPlan,
  processesRequest,
  type Fault,
  type FaultHook,
  type FaultMatcher,
  type InjectOptions,
  type SimEndpoint,
} from './faults.ts';
import {
  createOrderBook,
  type Issuance,
  type Scenario,
  type SettleOptions,
  type Settlement,
  type SimOrder,
} from './orders.ts';
import { buildSimulatedQris, type QrFlaw } from './qris.ts';

export type { Fault, FaultHook, FaultMatcher, FaultRequest, InjectOptions, SimEndpoint } from './faults.ts';
export type { Issuance, Scenario, SettleOptions, Settlement, SimOrder } from './orders.ts';
export type { QrFlaw } from './qris.ts';

export interface SimulatorOptions {
  merchantNo: string;
  secret: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now?: () => number;
  qrMerchantName?: string;
  qrCity?: string;
  /** Consulted for every gateway request that no injected fault matched. */
  faults?: FaultHook;
  /** For orders with no script; `never` (stays "0015") unless told otherwise. */
  defaultScenario?: Scenario;
  /** Bounds for a simulator that runs all day (training mode); the defaults below. */
  maxOrders?: number;
  maxRequests?: number;
  /** The host of its proof-of-payment URLs (default SIMULATOR_VOUCHER_HOST). */
  voucherHost?: string;
}

/** The simulator's proof-of-payment host: plainly not Paypro's, and resolving nowhere (RFC 2606). */
export const SIMULATOR_VOUCHER_HOST = 'voucher.latihan.invalid';

/** The newest requests kept for `requests()` (each ~1 KB); older ones are dropped. */
export const MAX_SIM_REQUESTS = 5_000;

export interface SimRequestRecord {
  endpoint: SimEndpoint;
  merchantNo: string | null;
  /** The parsed JSON body. */
  body: Readonly<Record<string, unknown>>;
  tradeNo: string | null;
  attempt: number;
  fault: Fault['kind'] | null;
  /** Envelope code when the request was processed, null when a fault stopped it first. */
  code: string | null;
  at: number;
}

export interface PaymentLinkCalls {
  /** Every paymentLink request naming this tradeNo, faulted ones included. */
  received: number;
  accepted: number;
  rejected: number;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:PORT/indonesia-pay — the client appends /v1/paypro/… */
  readonly baseUrl: string;
  /** The host of the proof-of-payment URLs it answers (a client of it allows this one). */
  readonly voucherHost: string;
  readonly port: number;
  close(): Promise<void>;
  orders(): SimOrder[];
  order(tradeNo: string): SimOrder | undefined;
  requests(): SimRequestRecord[];
  paymentLinkCalls(tradeNo: string): PaymentLinkCalls;
  scriptNext(scenario: Scenario): void;
  /** How the next order created is described: a flawed QR, no QR, links in query answers. */
  issueNext(issuance: Issuance): void;
  script(tradeNo: string, scenario: Scenario): void;
  settle(tradeNo: string, outcome: Settlement, options?: SettleOptions): SimOrder;
  /** The simulator no longer knows the order (orders.ts `forget`); whether it did. */
  forget(tradeNo: string): boolean;
  injectFault(matcher: FaultMatcher, fault: Fault, options?: InjectOptions): () => void;
  clearFaults(): void;
}

const PREFIX = '/indonesia-pay/v1/paypro/';
const ENDPOINTS: ReadonlySet<string> = new Set<SimEndpoint>(['paymentLink', 'queryPayInResult', 'queryBalance', 'indonesia/query/voucher']);
const MAX_BODY = 1 << 20;

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const { merchantNo, secret, host = '127.0.0.1', port = 0, now = Date.now } = options;
  const { qrMerchantName = 'TOKO LATIHAN', qrCity = 'JAKARTA', voucherHost = SIMULATOR_VOUCHER_HOST } = options;
  const maxRequests = options.maxRequests ?? MAX_SIM_REQUESTS;
  const orders = createOrderBook(now, options.defaultScenario, options.maxOrders);
  const faults = createFaultPlan(options.faults);
  const records: SimRequestRecord[] = [];
  /**
   * How many requests each (endpoint, tradeNo) has had, so a request is numbered without scanning
   * the earlier ones; least recently used first, at most as many as the requests kept.
   */
  const attempts = new Map<string, number>();
  const calls = new Map<string, PaymentLinkCalls>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const context = {
    merchantNo,
    secret,
    orders,
    now,
    voucherHost,
    describe: (tradeNo: string, amount: number, platFormTradeNo: string, qrFlaw: QrFlaw | undefined) => ({
      paymentUrl: `${origin}/cashier/${platFormTradeNo}`,
      qrString: buildSimulatedQris(
        { merchantNo, amount, merchantName: qrMerchantName, city: qrCity, reference: tradeNo },
        qrFlaw,
      ),
    }),
  };

  function later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delayMs);
    timers.add(timer);
  }

  function nextAttempt(key: string): number {
    const attempt = (attempts.get(key) ?? 0) + 1;
    keepRecent(attempts, key, attempt, maxRequests);
    return attempt;
  }

  function countCall(tradeNo: string | null, code: string | null): void {
    if (tradeNo === null) return;
    const count = calls.get(tradeNo) ?? { received: 0, accepted: 0, rejected: 0 };
    count.received += 1;
    if (code === '0000') count.accepted += 1;
    else if (code !== null) count.rejected += 1;
    keepRecent(calls, tradeNo, count, maxRequests);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined); // the client may have gone; nothing to tell it
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path.startsWith('/cashier/')) return cashierPage(res, path.slice('/cashier/'.length));
    const endpoint = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
    if (!ENDPOINTS.has(endpoint)) return sendText(res, 404, 'Not Found');
    if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed');
    const raw = await readBody(req);
    if (raw === null) return sendText(res, 413, 'Payload Too Large');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendText(res, 415, 'Unsupported Media Type');
    const body = parseObject(raw);
    if (body === null) return sendText(res, 400, 'Bad Request');

    const tradeNo = typeof body.tradeNo === 'string' ? body.tradeNo : null;
    const simEndpoint = endpoint as SimEndpoint;
    const attempt = nextAttempt(`${simEndpoint} ${tradeNo ?? ''}`);
    const fault = faults.pick({ endpoint: simEndpoint, attempt, ...(tradeNo === null ? {} : { tradeNo }) });
    const header = req.headers.merchantno;
    const signHeader = req.headers.sign;
    const record: SimRequestRecord = {
      endpoint: simEndpoint,
      merchantNo: typeof header === 'string' ? header : null,
      body,
      tradeNo,
      attempt,
      fault: fault?.kind ?? null,
      code: null,
      at: now(),
    };
    records.push(record);
    if (records.length > maxRequests) records.splice(0, records.length - maxRequests);

    let answer: SimEnvelope | null = null;
    if (processesRequest(fault)) {
      answer = handleEndpoint(context, simEndpoint, { merchantNo: record.merchantNo ?? undefined, sign: typeof signHeader === 'string' ? signHeader : undefined }, body);
      record.code = answer.code;
    }
    if (simEndpoint === 'paymentLink') countCall(tradeNo, record.code);
    deliver(req, res, fault, answer);
  }

  function deliver(req: IncomingMessage, res: ServerResponse, fault: Fault | undefined, answer: SimEnvelope | null): void {
    const json = JSON.stringify(answer);
    switch (fault?.kind) {
      case 'drop_before_process':
      case 'drop_after_read':
        req.socket.destroy();
        return;
      case 'http500':
        return sendText(res, 500, 'Internal Server Error');
      case 'reject':
        return sendText(res, 200, JSON.stringify(envelope(context, '8000', fault.msg, null)), 'application/json');
      case 'non_json':
        return sendText(res, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      case 'slow':
        return later(fault.delayMs, () => sendText(res, 200, json, 'application/json'));
      case 'slow_body': {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
        const half = Math.floor(json.length / 2);
        res.write(json.slice(0, half));
        return later(fault.delayMs, () => res.end(json.slice(half)));
      }
      case undefined:
        return sendText(res, 200, json, 'application/json');
    }
  }

  function cashierPage(res: ServerResponse, platFormTradeNo: string): void {
    const order = orders.byPlatformTradeNo(decodeURIComponent(platFormTradeNo));
    if (!order) return sendText(res, 404, 'Not Found');
    const line = `${order.tradeNo} — Rp ${order.amount} — ${order.status} ${order.message}`;
    sendText(res, 200, `<!doctype html><title>Paypro simulator</title><p>${escapeHtml(line)}</p>`, 'text/html');
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    baseUrl: `${origin}/indonesia-pay`,
    voucherHost,
    port: address.port,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    orders: () => orders.list(),
    order: (tradeNo) => {
      const order = orders.get(tradeNo);
      return order && { ...order };
    },
    requests: () => records.map((record) => ({ ...record })),
    paymentLinkCalls: (tradeNo) => ({ ...(calls.get(tradeNo) ?? { received: 0, accepted: 0, rejected: 0 }) }),
    scriptNext: (scenario) => orders.scriptNext(scenario),
    issueNext: (issuance) => orders.issueNext(issuance),
    script: (tradeNo, scenario) => orders.script(tradeNo, scenario),
    settle: (tradeNo, outcome, settleOptions) => orders.settle(tradeNo, outcome, settleOptions),
    forget: (tradeNo) => orders.forget(tradeNo),
    injectFault: (matcher, fault, injectOptions) => faults.inject(matcher, fault, injectOptions),
    clearFaults: () => faults.clear(),
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY ? Buffer.concat(chunks).toString('utf8') : null));
    req.on('error', reject);
  });
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sets `key` as the most recently used entry, dropping the least recently used beyond `max`. */
function keepRecent<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
