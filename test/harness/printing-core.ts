import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { PosCore } from '../../electron/core/pos-core.ts';
import type { SystemPrinter } from '../../electron/core/receipts/system-printer.ts';
import type { IpcResult } from '../../shared/ipc-contract.ts';
import { createTestCore } from './core-fixture.ts';
import { startFakePrinter, type FakePrinter } from './fake-printer.ts';

/** What the OS printer stand-in was asked to print. */
export interface SystemJob {
  html: string;
  deviceName: string;
  copies: number;
}

export interface PrintingCore {
  readonly core: PosCore;
  /** The fake LAN printer (ESC/POS over TCP on 127.0.0.1). */
  readonly printer: FakePrinter;
  readonly systemJobs: SystemJob[];
  /** The core's data folder (its ledger file is `ledger.sqlite`). */
  readonly dir: string;
  /** A router call that must succeed. */
  call<T = never>(name: string, request?: unknown): Promise<T>;
}

/**
 * For each test: a real core in training mode in a fresh folder, a fake LAN printer, and an OS
 * printer stand-in that records its jobs (Electron's glue is not here). Torn down after each test,
 * once the print queue is idle.
 */
export function usePrintingCore(folderPrefix: string): PrintingCore {
  let core: PosCore | undefined;
  let printer: FakePrinter | undefined;
  let dir = '';
  const systemJobs: SystemJob[] = [];
  const systemPrinter: SystemPrinter = {
    list: async () => [{ name: 'POS58', displayName: 'POS-58 USB' }],
    print: async (html, options) => void systemJobs.push({ html, deviceName: options.deviceName, copies: options.copies }),
    savePdf: async () => ({ saved: false }),
  };
  const fixture: PrintingCore = {
    get core() {
      return core!;
    },
    get printer() {
      return printer!;
    },
    systemJobs,
    get dir() {
      return dir;
    },
    async call<T = never>(name: string, request: unknown = {}): Promise<T> {
      const result = (await core!.router.dispatch(name, request)) as IpcResult<T>;
      if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.code}`), { error: result.error });
      return result.value;
    },
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), folderPrefix));
    printer = await startFakePrinter();
    systemJobs.length = 0;
    core = createTestCore(dir, { systemPrinter, printerTimeouts: { connectTimeoutMs: 1_000, writeTimeoutMs: 1_000 } });
    await fixture.call('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'rahasia-latihan' });
  });
  afterEach(async () => {
    await core!.receipts.idle();
    await core!.close();
    await printer!.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
