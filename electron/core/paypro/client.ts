import type { z } from 'zod';
import { displaySafe } from '../../../shared/display-text.ts';
import {
  GatewayError,
  type BalanceResult,
  type PayInQueryResult,
  type PaymentLinkRequest,
  type PaymentLinkResult,
  type PayproGateway,
  type VoucherResult,
} from './gateway.ts';
import {
  balanceDataSchema,
  envelopeSchema,
  payInQueryDataSchema,
  paymentLinkDataSchema,
  pickPaidAmount,
  voucherDataSchema,
} from './schemas.ts';
import { hasHiddenCharacters } from '../../../shared/display-text.ts';
import { plainHttpsUrl } from '../whatsapp/external-links.ts';
import type { MerchantSigner } from './sign.ts';

export interface PayproClientOptions {
  /** API base with its path, e.g. https://openapi-test.paypro.tech/indonesia-pay */
  baseUrl: string;
  signer: MerchantSigner;
  /** Total budget per call: connect, headers and the whole body. */
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  /** Refuse answers without a `sign` (the owner's "require signed answers" setting). */
  requireSignedAnswers?: boolean;
  /** Hosts a proof-of-payment URL may point at (default Paypro's; the training simulator names its own). */
  voucherHosts?: readonly string[];
}

/** Where Paypro serves proof-of-payment PDFs (paypro-api.md §2.5, §6). */
export const PAYPRO_VOUCHER_HOST = 'voucher.paypro.tech';

/** A proof URL longer than this is no link to put in a message. */
const MAX_VOUCHER_URL_LENGTH = 2_048;

type Endpoint = 'paymentLink' | 'queryPayInResult' | 'queryBalance' | 'indonesia/query/voucher';

/**
 * The proof URL as it may go into a customer's message: https, on an allowed host, no credentials
 * or port, and no control, format (bidi) or space character that could hide or change what the
 * customer sees. Null for anything else.
 */
export function proofUrlOf(text: string, hosts: readonly string[]): string | null {
  if (text.length > MAX_VOUCHER_URL_LENGTH || hasHiddenCharacters(text) || /\s/.test(text)) return null;
  return plainHttpsUrl(text, hosts)?.href ?? null;
}

/**
 * The gateway answers an unknown tradeNo with a plain rejection; its wording is undocumented
 * (paypro-api.md §7) — the simulator answers `8000 "Order does not exist"`. Only a rejection that
 * says THIS ORDER does not exist is read as not_found: a sale is booked "never created" on it.
 * One about the merchant, the key or the sign ("merchant not found", "merchantNo error", "sign
 * error") says the gateway could not look the order up with these credentials: it stays
 * rejected, so the sale stays unknown and is asked about again (a merchant number mistyped in
 * Settings must not turn a sale the customer paid into "customer not charged").
 */
function isOrderNotFound(message: string): boolean {
  return ORDER_NOT_FOUND.test(message) && !ABOUT_CREDENTIALS.test(message);
}
const ORDER_NOT_FOUND = /\b(order|trade\s*no|transaction)\b.*\bnot\s*(exist|found)/i;
const ABOUT_CREDENTIALS = /merchant|sign|secret|key|credential|auth/i;

/**
 * The largest answer read. Paypro's documented answers are well under 2 KB; a QRIS code is at most
 * 512 bytes. A larger body is not read on (memory, and a ledger row per copy) and counts as an
 * unreadable answer: for a create the outcome is then unknown and settled by query.
 */
export const MAX_ANSWER_BYTES = 64 * 1024;

export function createPayproClient(options: PayproClientOptions): PayproGateway {
  const { signer, timeoutMs = 15_000, now = Date.now, fetch = globalThis.fetch, voucherHosts = [PAYPRO_VOUCHER_HOST] } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  /**
   * POSTs a signed body and returns the `data` of an accepted envelope. `signHeader`: the sign goes
   * in a header too (the proof page lists it there; paypro-api.md §7 q8: either place works).
   */
  async function call(endpoint: Endpoint, fields: Record<string, unknown>, how: { timeoutMs?: number; signHeader?: boolean } = {}): Promise<unknown> {
    const body: Record<string, unknown> = { ...withoutEmpty(fields), timestamp: String(now()) };
    body.sign = signer.sign(body);
    const budgetMs = how.timeoutMs ?? timeoutMs;
    // One signal for the whole exchange: it also aborts a body that trickles in too slowly.
    const signal = AbortSignal.timeout(budgetMs);
    let status: number;
    let raw: string;
    try {
      const response = await fetch(`${baseUrl}/v1/paypro/${endpoint}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          merchantNo: signer.merchantNo,
          ...(how.signHeader ? { sign: String(body.sign) } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
      status = response.status;
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new GatewayError('http', `Paypro ${endpoint}: HTTP ${status}.`, { httpStatus: status });
      }
      const text = await readCapped(response, MAX_ANSWER_BYTES);
      if (text === null) {
        throw new GatewayError('malformed', `Paypro ${endpoint}: the answer is larger than ${MAX_ANSWER_BYTES} bytes.`, {
          httpStatus: status,
        });
      }
      raw = text;
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      if (signal.aborted) {
        throw new GatewayError('timeout', `Paypro ${endpoint}: no complete answer within ${budgetMs} ms.`, {
          cause: error,
        });
      }
      throw new GatewayError('network', `Paypro ${endpoint}: connection failed (${describe(error)}).`, {
        cause: error,
      });
    }
    return readEnvelope(endpoint, raw, status);
  }

  function readEnvelope(endpoint: Endpoint, raw: string, status: number): unknown {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new GatewayError('malformed', `Paypro ${endpoint}: the answer is not JSON.`, { httpStatus: status });
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) {
      throw new GatewayError('malformed', `Paypro ${endpoint}: unexpected envelope (${issues(parsed.error)}).`, {
        httpStatus: status,
      });
    }
    const { data } = parsed.data;
    // The code reaches the log and the cashier's detail like msg: no control or bidi characters.
    const code = displaySafe(parsed.data.code);
    const msg = parsed.data.msg === null || parsed.data.msg === undefined ? parsed.data.msg : displaySafe(parsed.data.msg);
    if (options.requireSignedAnswers && !(isRecord(data) && data.sign !== undefined)) {
      throw new GatewayError('bad_signature', `Paypro ${endpoint}: the answer carries no sign, and signed answers are required.`, {
        httpStatus: status,
        gatewayCode: code,
      });
    }
    if (isRecord(data) && data.sign !== undefined && !verifies(data)) {
      throw new GatewayError('bad_signature', `Paypro ${endpoint}: the answer's sign does not verify.`, {
        httpStatus: status,
        gatewayCode: code,
      });
    }
    if (code !== '0000') {
      const details = { httpStatus: status, gatewayCode: code, gatewayMessage: msg ?? '' };
      if (endpoint === 'queryPayInResult' && isOrderNotFound(msg ?? '')) {
        throw new GatewayError('not_found', `Paypro ${endpoint}: the order does not exist (${code}).`, details);
      }
      throw new GatewayError('rejected', `Paypro ${endpoint}: rejected with ${code} ${msg ?? ''}`.trim(), details);
    }
    return data;
  }

  function verifies(data: Record<string, unknown>): boolean {
    try {
      return signer.verify(data);
    } catch {
      return false; // a field that cannot be signed (e.g. a decimal) cannot carry a valid sign
    }
  }

  function parseData<S extends z.ZodType>(endpoint: Endpoint, schema: S, data: unknown): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new GatewayError('malformed', `Paypro ${endpoint}: unexpected data (${issues(parsed.error)}).`);
    }
    return parsed.data;
  }

  function checkTradeNo(endpoint: Endpoint, expected: string, actual: string | null | undefined): void {
    if (actual !== null && actual !== undefined && actual !== expected) {
      throw new GatewayError('malformed', `Paypro ${endpoint}: the answer is about another order.`);
    }
  }

  return {
    async createPaymentLink(request: PaymentLinkRequest): Promise<PaymentLinkResult> {
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new RangeError('The amount must be a positive whole number of rupiah.');
      }
      const fields = { ...request, channelCode: request.channelCode ?? 'QRIS' };
      const data = parseData('paymentLink', paymentLinkDataSchema, await call('paymentLink', fields));
      checkTradeNo('paymentLink', request.tradeNo, data.tradeNo);
      return {
        tradeNo: data.tradeNo,
        platformTradeNo: data.platFormTradeNo,
        status: data.status,
        desc: data.desc ? displaySafe(data.desc) : null,
        paymentUrl: data.paymentUrl || null,
        qrString: data.qrString || null,
      };
    },

    async queryPayIn(tradeNo: string): Promise<PayInQueryResult> {
      const data = parseData('queryPayInResult', payInQueryDataSchema, await call('queryPayInResult', { tradeNo }));
      checkTradeNo('queryPayInResult', tradeNo, data.tradeNo);
      const paid = pickPaidAmount(data);
      return {
        tradeNo,
        platformTradeNo: data.platFormTradeNo || null,
        status: data.status,
        paidAmount: paid.amount,
        unreadableAmount: paid.unreadable,
        message: data.message ? displaySafe(data.message) : null,
        successTime: textOrNull(data.successTime),
        paymentUrl: data.paymentUrl || null,
        qrString: data.qrString || null,
      };
    },

    async queryVoucher(tradeNo: string, how: { timeoutMs?: number } = {}): Promise<VoucherResult> {
      // Open question 8 (paypro-api.md §7): the page calls it "Paypro transaction number", but its
      // example sends a merchant-style number; we send our tradeNo, as the example does.
      const endpoint = 'indonesia/query/voucher';
      const data = parseData(endpoint, voucherDataSchema, await call(endpoint, { tradeNo }, { ...how, signHeader: true }));
      const url = proofUrlOf(data.url, voucherHosts);
      // The refused text is not repeated: it may be anything, and this message reaches the log.
      if (url === null) throw new GatewayError('malformed', `Paypro ${endpoint}: the proof URL is not an https link on ${voucherHosts.join(' or ')}.`);
      return { url };
    },

    async queryBalance(): Promise<BalanceResult> {
      const data = parseData('queryBalance', balanceDataSchema, await call('queryBalance', {}));
      // The Indonesia docs spell it "availablAmount"; the Pakistan twin spells it correctly.
      return {
        available: textOrNull(data.availablAmount) ?? textOrNull(data.availableAmount),
        frozen: textOrNull(data.freezeAmount),
      };
    },
  };
}

/** The body as text, or null once it passes `limit` bytes (declared or received). */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    return declared > limit ? null : '';
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body) {
    received += chunk.byteLength;
    if (received > limit) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Null and empty fields are never sent: the gateway's Java would sign `null` as "null". */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

function textOrNull(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}

/** The low-level reason (ECONNRESET, "other side closed"), never the request itself. */
function describe(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}
