import { describe, expect, it } from 'vitest';
import { gatewayErrorCode } from '../../../../electron/core/paypro/error-codes.ts';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';
import { GATEWAY_ERROR_CODES } from '../../../../renderer/i18n/codes.ts';

describe('gatewayErrorCode', () => {
  it.each([
    [new GatewayError('http', 'HTTP 404', { httpStatus: 404 }), 'gateway.http_client'],
    [new GatewayError('http', 'HTTP 401', { httpStatus: 401 }), 'gateway.http_client'],
    [new GatewayError('http', 'HTTP 500', { httpStatus: 500 }), 'gateway.http_server'],
    [new GatewayError('http', 'HTTP 503', { httpStatus: 503 }), 'gateway.http_server'],
    [new GatewayError('rejected', '8000', { gatewayCode: '8000', gatewayMessage: 'sign error' }), 'gateway.rejected'],
    [new GatewayError('rejected', '5000', { gatewayCode: '5000' }), 'gateway.system_error'],
    [new GatewayError('malformed', 'not JSON'), 'gateway.malformed'],
    [new GatewayError('timeout', 'slow'), 'gateway.timeout'],
    [new GatewayError('network', 'reset'), 'gateway.network'],
  ])('tells a wrong address, a server error, a refusal and an unreadable answer apart: %s → %s', (error, code) => {
    expect(gatewayErrorCode(error)).toBe(code);
    expect(GATEWAY_ERROR_CODES).toContain(code); // so the renderer has words for it
  });
});
