import { computeSign } from '../../../../electron/core/paypro/sign.ts';

/** Raw, hand-signed calls to the simulator, so its checks are tested without the client's help. */
export const MERCHANT = '8729248847';
export const SECRET = 'sim-secret';

export interface CallOptions {
  merchantNo?: string;
  secret?: string;
  /** Replaces the computed sign; `null` leaves it out. */
  sign?: string | null;
}

/** A valid paymentLink request, as the client would send it before timestamp and sign. */
export function saleRequest(tradeNo: string) {
  return {
    tradeNo,
    amount: 25_000,
    mobile: '081234567890',
    email: 'siti@example.com',
    username: 'Siti',
    notifyUrl: 'https://example.com/notify',
  };
}

export function createBody(tradeNo: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...saleRequest(tradeNo), timestamp: '1700000000000', ...extra };
}

export async function call(baseUrl: string, endpoint: string, fields: Record<string, unknown>, options: CallOptions = {}) {
  const sign = options.sign === undefined ? computeSign(fields, options.secret ?? SECRET) : options.sign;
  const body = sign === null ? fields : { ...fields, sign };
  const response = await fetch(`${baseUrl}/v1/paypro/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', merchantNo: options.merchantNo ?? MERCHANT },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as { code: string; msg: string; data: Record<string, unknown> | null } };
}

/** Minimal top-level TLV reader, independent of the simulator's builder. */
export function readTlv(payload: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (let i = 0; i < payload.length; ) {
    const tag = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    if (!/^\d\d$/.test(tag) || !Number.isInteger(length)) throw new Error(`bad TLV at ${i}`);
    tags.set(tag, payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return tags;
}
