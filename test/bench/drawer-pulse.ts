import { startPrinterCore } from './printer-core.ts';
import { stats, type Figure } from './reporter.ts';

const SAMPLES = 200;
const WARMUP = 20;

/**
 * Cash event → drawer pulse at the printer (issue 22): from the call that opens the drawer to the
 * pulse's last byte arriving at a LAN printer on loopback. Two cash events: a cash sale's drawer
 * (`core.drawer.openForSale`, what the cash sale path calls) and "Buka laci" with a reason through
 * the IPC router. Each includes the opening's ledger write (fsynced) before the pulse, the ESC/POS
 * encoding and the status exchange before and after.
 */
export async function drawerPulse(): Promise<Figure[]> {
  const { core, printer, call, close } = await startPrinterCore('drawer');
  try {
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printer.host, port: printer.port } } });
    // An open shift with its float: "Buka laci" names the shift's cashier.
    const cashier = await call<{ id: number }>('addCashier', { name: 'Siti', pin: '2468' });
    await call('openShift', { cashierId: cashier.id, pin: '2468', float: 500_000 });
    let jobs = 0;
    const measure = async (open: (i: number) => Promise<unknown>): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const started = performance.now();
        await open(i);
        await printer.waitForJobs((jobs += 1));
        if (i >= WARMUP) samples.push(printer.lastByteAt[jobs - 1]! - started);
      }
      return samples;
    };
    const sale = await measure((i) => core.drawer.openForSale(`CASH-${i}`));
    const noSale = await measure(() => call('openDrawer', { reason: 'tukar uang' }));
    const notes = ['ESC p on pin 2 (5 bytes) after the opening is written to the ledger (synchronous = FULL); DLE EOT status before and after'];
    return [
      { name: 'drawer-pulse-sale', title: 'cash sale → drawer pulse at the network printer (core, loopback)', unit: 'ms', stats: stats(sale), targets: [{ stat: 'p95', max: 100 }], notes },
      { name: 'drawer-pulse-buka-laci', title: '"Buka laci" (IPC) → drawer pulse at the network printer (core, loopback)', unit: 'ms', stats: stats(noSale), targets: [{ stat: 'p95', max: 100 }], notes },
    ];
  } finally {
    await close();
  }
}
