import { PosError } from '../../electron/core/errors.ts';
import { LedgerError } from '../../electron/core/ledger/records.ts';

/** The code of the PosError `run` throws (or rejects with); undefined when it succeeds. Anything else is rethrown. */
export async function posErrorCode(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PosError) return error.code;
    throw error;
  }
  return undefined;
}

/** The code of the LedgerError `run` throws; undefined when it succeeds. Anything else is rethrown. */
export function ledgerErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
  return undefined;
}
