import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError, sendToNetworkPrinter } from '../../../../electron/core/receipts/network-printer.ts';
import { startFakePrinter, type FakePrinter } from '../../../harness/fake-printer.ts';

const RECEIPT = new TextEncoder().encode('\x1b@Halo\n\x1dV\x01');
let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

async function fault(run: Promise<void>): Promise<PrinterError> {
  const error = await run.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('sendToNetworkPrinter', () => {
  it('delivers the bytes once and resolves after the printer confirms them', async () => {
    printer = await startFakePrinter();
    await sendToNetworkPrinter(printer, RECEIPT);
    expect(await printer.waitForJobs(1)).toEqual([RECEIPT]);
  });

  it('refused: nothing listens at the address', async () => {
    printer = await startFakePrinter();
    await printer.stop();
    const error = await fault(sendToNetworkPrinter(printer, RECEIPT));
    expect(error.code).toBe('print.refused');
    expect(error.message).toContain(`127.0.0.1:${printer.port}`);
  });

  it('timed out: the printer accepts the connection, then never answers', async () => {
    printer = await startFakePrinter({ behaviour: 'stall' });
    const error = await fault(sendToNetworkPrinter(printer, RECEIPT, { connectTimeoutMs: 150, writeTimeoutMs: 150 }));
    expect(error.code).toBe('print.timed_out');
    expect(error.message).toBe(`The printer at 127.0.0.1:${printer.port} did not answer before printing within 150 ms.`);
  });

  it('closed: the printer hangs up while the receipt is being sent', async () => {
    printer = await startFakePrinter({ behaviour: 'close-mid-write' });
    const error = await fault(sendToNetworkPrinter(printer, RECEIPT, { writeTimeoutMs: 2_000 }));
    expect(error.code).toBe('print.closed');
    expect(printer.jobs).toEqual([]);
  });

  it('offline: the printer answers its status with the offline bit, and nothing is sent', async () => {
    printer = await startFakePrinter({ behaviour: 'offline' });
    const error = await fault(sendToNetworkPrinter(printer, RECEIPT));
    expect(error.code).toBe('print.offline');
    expect(printer.jobs).toEqual([]);
  });

  it('the same job succeeds once the printer is back', async () => {
    printer = await startFakePrinter({ behaviour: 'stall' });
    await fault(sendToNetworkPrinter(printer, RECEIPT, { connectTimeoutMs: 100, writeTimeoutMs: 100 }));
    printer.behaviour = 'online';
    await sendToNetworkPrinter(printer, RECEIPT);
    expect(await printer.waitForJobs(1)).toEqual([RECEIPT]);
  });
});
