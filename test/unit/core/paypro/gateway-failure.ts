import { expect } from 'vitest';
import { GatewayError } from '../../../../electron/core/paypro/gateway.ts';

/** Awaits a call that must fail with a GatewayError, and returns that error for inspection. */
export async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}
