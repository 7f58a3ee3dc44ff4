import type { GatewayError } from './gateway.ts';

/**
 * The stable code the renderer translates for a gateway failure (renderer/i18n/codes.ts lists
 * them). The kind alone is too coarse for the cashier: a 4xx means the address or endpoint is
 * wrong (a setting to fix), a 5xx a server error at Paypro, and a 5000 envelope a system error
 * whose outcome is unknown, unlike the refusal 8000.
 */
export function gatewayErrorCode(error: GatewayError): string {
  if (error.kind === 'http' && error.httpStatus !== null) {
    return error.httpStatus >= 500 ? 'gateway.http_server' : 'gateway.http_client';
  }
  if (error.kind === 'rejected' && error.gatewayCode === '5000') return 'gateway.system_error';
  return `gateway.${error.kind}`;
}
