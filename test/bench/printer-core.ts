import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { IpcResult } from '../../shared/ipc-contract.ts';
import { createPosCore, type PosCore } from '../../electron/core/pos-core.ts';
import { createAesCipher, randomKey } from '../harness/aes-cipher.ts';
import { startFakePrinter, type FakePrinter } from '../harness/fake-printer.ts';

export interface PrinterCore {
  core: PosCore;
  printer: FakePrinter;
  /** A contract call through the router; throws on an error answer. */
  call: <T>(name: string, request: unknown) => Promise<T>;
  /** Waits for the print queue, closes the core and the printer, removes the folder. */
  close: () => Promise<void>;
}

/** The whole core on a temporary folder, and a LAN printer on loopback: what the printing benches measure against. */
export async function startPrinterCore(name: string): Promise<PrinterCore> {
  const dir = mkdtempSync(join(tmpdir(), `paypro-bench-${name}-`));
  const printer = await startFakePrinter();
  const core = createPosCore({
    userDataDir: dir,
    store: new Conf({ cwd: dir, projectName: 'paypro-pos-bench' }),
    cipher: createAesCipher([randomKey()]),
    secretProtection: async () => 'os',
  });
  const call = async <T>(callName: string, request: unknown): Promise<T> => {
    const result = (await core.router.dispatch(callName, request)) as IpcResult<T>;
    if (!result.ok) throw new Error(`${callName}: ${result.error.code}`);
    return result.value;
  };
  const close = async () => {
    await core.receipts.idle();
    await core.close();
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { core, printer, call, close };
}
