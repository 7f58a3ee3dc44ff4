/**
 * What the payment lifecycle needs from Paypro. The HTTP client (client.ts) implements it; the
 * lifecycle depends only on this, so its tests can also run against any other implementation.
 */

/** Fields of a Payment Casher request (paypro-api.md §2.1), before timestamp and sign are added. */
export interface PaymentLinkRequest {
  tradeNo: string;
  /** Whole rupiah. */
  amount: number;
  mobile: string;
  email: string;
  username: string;
  notifyUrl: string;
  /** Defaults to QRIS: the counter takes QRIS payments. */
  channelCode?: 'QRIS' | 'EWALLET' | 'VA';
  wayCode?: string;
  returnUrl?: string;
  remark?: string;
}

/** The accepted answer to paymentLink (`code` "0000"). */
export interface PaymentLinkResult {
  tradeNo: string;
  platformTradeNo: string;
  /** `data.status`: "0000" paid, "0001" partial, "0015" processing, anything else failed. */
  status: string;
  desc: string | null;
  paymentUrl: string | null;
  qrString: string | null;
}

/** The accepted answer to queryPayInResult. */
export interface PayInQueryResult {
  tradeNo: string;
  platformTradeNo: string | null;
  status: string;
  /** Amount actually paid, whole rupiah, when the gateway reports one (any of its field names). */
  paidAmount: number | null;
  /**
   * The amount as the gateway wrote it when one was present but is not whole rupiah ("10000.5",
   * "9.999"): then `paidAmount` is null, and a paid status must not be taken at face value.
   */
  unreadableAmount?: string | null;
  message: string | null;
  successTime: string | null;
  /** The order's hosted payment page and QRIS payload, when the query answer carries them. */
  paymentUrl?: string | null;
  qrString?: string | null;
}

/** Paypro's proof of payment for a paid order (`query/voucher`): a PDF on its voucher host. */
export interface VoucherResult {
  /** An https URL on an allowed voucher host, without control or format characters. */
  url: string;
}

export interface BalanceResult {
  available: string | null;
  frozen: string | null;
}

/**
 * Why a gateway call did not give an accepted answer.
 * - network: the connection failed or dropped; the request may have reached the gateway.
 * - timeout: no full answer within the total timeout; the request may have been processed.
 * - http: a non-2xx status; the outcome is unknown for 5xx.
 * - malformed: a 2xx whose body is not the documented JSON envelope.
 * - rejected: the envelope says `code` ≠ "0000" (e.g. 8000 bad sign or params); `gatewayCode` and
 *   `gatewayMessage` carry it. Code 5000 is "system exception, outcome unknown".
 * - bad_signature: the response carried a `sign` that does not verify.
 * - not_found: a query for a tradeNo the gateway does not know (it never received the create,
 *   or has not processed it yet).
 */
export type GatewayErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'malformed'
  | 'rejected'
  | 'bad_signature'
  | 'not_found';

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly kind: GatewayErrorKind;
  readonly httpStatus: number | null;
  readonly gatewayCode: string | null;
  readonly gatewayMessage: string | null;

  constructor(
    kind: GatewayErrorKind,
    message: string,
    details: { httpStatus?: number; gatewayCode?: string; gatewayMessage?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.httpStatus = details.httpStatus ?? null;
    this.gatewayCode = details.gatewayCode ?? null;
    this.gatewayMessage = details.gatewayMessage ?? null;
  }

  /**
   * True when the gateway may have acted on the request even though we have no clear answer:
   * the caller must find out by query, never by sending the create again.
   */
  get outcomeUnknown(): boolean {
    switch (this.kind) {
      case 'network':
      case 'timeout':
      case 'malformed':
      case 'bad_signature':
        return true;
      case 'http':
        return this.httpStatus === null || this.httpStatus >= 500;
      case 'rejected':
        return this.gatewayCode === '5000';
      case 'not_found':
        return false;
    }
  }
}

export interface PayproGateway {
  createPaymentLink(request: PaymentLinkRequest): Promise<PaymentLinkResult>;
  queryPayIn(tradeNo: string): Promise<PayInQueryResult>;
  queryBalance(): Promise<BalanceResult>;
  /** `timeoutMs`: this call's own budget (a receipt waits for it), below the client's usual one. */
  queryVoucher(tradeNo: string, options?: { timeoutMs?: number }): Promise<VoucherResult>;
}
