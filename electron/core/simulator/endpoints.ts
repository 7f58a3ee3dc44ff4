import { computeSign } from '../paypro/sign.ts';
import type { SimEndpoint } from './faults.ts';
import type { OrderBook } from './orders.ts';
import type { QrFlaw } from './qris.ts';

/** The gateway's business logic, separate from HTTP: a checked body in, an envelope out. */
export interface EndpointContext {
  merchantNo: string;
  secret: string;
  orders: OrderBook;
  now: () => number;
  /** The https host of the proof-of-payment URLs it answers. */
  voucherHost: string;
  describe: (tradeNo: string, amount: number, platFormTradeNo: string, qrFlaw: QrFlaw | undefined) => {
    paymentUrl: string;
    qrString: string;
  };
}

export interface SimEnvelope {
  msg: string;
  code: string;
  timestamp: number;
  success: boolean;
  data: Record<string, unknown> | null;
}

const REQUIRED: Readonly<Record<SimEndpoint, readonly string[]>> = {
  paymentLink: ['tradeNo', 'amount', 'mobile', 'email', 'username', 'notifyUrl', 'timestamp', 'sign'],
  queryPayInResult: ['tradeNo', 'timestamp', 'sign'],
  queryBalance: ['timestamp', 'sign'],
  'indonesia/query/voucher': ['tradeNo', 'timestamp', 'sign'],
};
const CHANNELS = new Set(['QRIS', 'EWALLET', 'VA']);
const BASE_BALANCE = 10_000_000;

export function handleEndpoint(
  context: EndpointContext,
  endpoint: SimEndpoint,
  headers: { merchantNo?: string | undefined; sign?: string | undefined },
  body: Readonly<Record<string, unknown>>,
): SimEnvelope {
  const reject = (msg: string): SimEnvelope => envelope(context, '8000', msg, null);
  if (headers.merchantNo !== context.merchantNo) return reject('merchantNo error');
  const missing = REQUIRED[endpoint].find((field) => isEmpty(body[field]));
  if (missing) return reject(`${missing} is required`);
  if (!signMatches(body, context.secret)) return reject('sign error');
  // The proof page lists the sign as a header (paypro-api.md §2.5): when sent, it must be the body's.
  if (headers.sign !== undefined && headers.sign.toLowerCase() !== String(body.sign).toLowerCase()) return reject('sign error');

  if (endpoint === 'queryBalance') {
    const available = BASE_BALANCE + context.orders.paidTotal();
    return accept(context, { availablAmount: `${available}.00`, freezeAmount: '0.00' });
  }

  const tradeNo = body.tradeNo;
  if (typeof tradeNo !== 'string') return reject('tradeNo must be a string');

  if (endpoint === 'indonesia/query/voucher') {
    const order = context.orders.get(tradeNo);
    if (!order) return reject('Order does not exist');
    if (order.status !== '0000') return reject('Order not paid');
    const url = `https://${context.voucherHost}/voucher/${encodeURIComponent(order.platFormTradeNo)}.pdf`;
    return accept(context, { url, message: 'Voucher generation succeeded' });
  }

  if (endpoint === 'queryPayInResult') {
    const order = context.orders.get(tradeNo);
    if (!order) return reject('Order does not exist');
    return accept(context, {
      tradeNo: order.tradeNo,
      platFormTradeNo: order.platFormTradeNo,
      ...(order.amountText === null ? {} : { amount: order.amountText ?? String(order.paidAmount) }),
      status: order.status,
      message: order.message,
      ...(order.successTime === null ? {} : { successTime: order.successTime }),
      ...(order.queryShowsLinks ? { paymentUrl: order.paymentUrl, qrString: order.qrString } : {}),
    });
  }

  const amount = wholeRupiah(body.amount);
  if (amount === null) return reject('amount must be a positive integer');
  for (const field of ['mobile', 'email', 'username', 'notifyUrl'] as const) {
    if (typeof body[field] !== 'string') return reject(`${field} must be a string`);
  }
  if (body.channelCode !== undefined && !CHANNELS.has(String(body.channelCode))) return reject('channelCode error');
  if (context.orders.has(tradeNo)) return reject('tradeNo already exists');

  const remark = typeof body.remark === 'string' && body.remark !== '' ? body.remark : null;
  const order = context.orders.create({
    tradeNo,
    amount,
    remark,
    request: { ...body },
    describe: (platFormTradeNo, qrFlaw) => context.describe(tradeNo, amount, platFormTradeNo, qrFlaw),
  });
  return accept(context, {
    tradeNo: order.tradeNo,
    platFormTradeNo: order.platFormTradeNo,
    status: order.status,
    desc: order.message,
    ...(remark === null ? {} : { remark }),
    paymentUrl: order.paymentUrl,
    qrString: order.qrString,
  });
}

/** The same rule as the client's (sign.ts); a body that cannot be signed cannot carry a valid sign. */
function signMatches(body: Readonly<Record<string, unknown>>, secret: string): boolean {
  try {
    return typeof body.sign === 'string' && computeSign(body, secret) === body.sign.toLowerCase();
  } catch {
    return false;
  }
}

/** JSON integers, or digit strings as PHP integrations send them; never decimals or zero. */
function wholeRupiah(value: unknown): number | null {
  const amount = typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : value;
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 ? amount : null;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function envelope(context: EndpointContext, code: string, msg: string, data: SimEnvelope['data']): SimEnvelope {
  return { msg, code, timestamp: context.now(), success: code === '0000', data };
}

function accept(context: EndpointContext, data: Record<string, unknown>): SimEnvelope {
  return envelope(context, '0000', 'success', data);
}
