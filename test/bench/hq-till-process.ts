/**
 * One simulated till for the head-office lag figure (test/bench/hq-sync.ts), in its own process
 * as a real till is its own machine: `node test/bench/hq-till-process.ts '<json>'` with
 * { ledgerFile, url, password, name, sales, burst }. It sells `burst` sales every 250 ms while its
 * sync worker runs, and exits once the head office has everything.
 */
import { HqSync } from '../../electron/core/hq/sync.ts';
import { openBenchTill, sellBurst } from './hq-till.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as { ledgerFile: string; url: string; password: string; name: string; sales: number; burst: number };
const till = openBenchTill(config.ledgerFile);
const sync = new HqSync({
  ledgerFile: config.ledgerFile, connection: { url: config.url, password: config.password },
  names: () => ({ tillName: config.name, outletName: 'Outlet' }), batchSize: 1_000, pollMs: 100,
});
sync.start();
while (till.sold < config.sales) {
  sellBurst(till, config.burst);
  sync.notify();
  await new Promise((resume) => setTimeout(resume, 250));
}
while (sync.status().pending > 0) await new Promise((resume) => setTimeout(resume, 50));
await sync.stop();
till.db.close();
