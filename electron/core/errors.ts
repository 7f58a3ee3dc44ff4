import type { FieldError, IpcError } from '../../shared/ipc-contract.ts';

/**
 * An error the cashier or the owner can act on. Core throws it; the IPC router sends it to the
 * renderer as data (`IpcError`), where `code` picks the translated message.
 * Anything else thrown in core is a bug: the router logs it and answers `internal`.
 */
export class PosError extends Error {
  override readonly name = 'PosError';
  readonly code: string;
  readonly detail: string | undefined;
  readonly fields: Record<string, FieldError> | undefined;

  constructor(code: string, options: { detail?: string; fields?: Record<string, FieldError>; cause?: unknown } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields;
  }

  toIpcError(): IpcError {
    return {
      code: this.code,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.fields === undefined ? {} : { fields: this.fields }),
    };
  }
}
