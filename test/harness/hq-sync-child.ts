/**
 * A till's sync in its own process, for the kill -9 test (test/unit/core/hq/hq-faults.test.ts):
 * `node test/harness/hq-sync-child.ts '<json>'` with { ledgerFile, url, password, batchSize }.
 * It drains the outbox batch by batch, printing `batch <lastSeq>` after each head-office COMMIT
 * and before the local acknowledgement is final, until killed.
 */
import { HqSync } from '../../electron/core/hq/sync.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as { ledgerFile: string; url: string; password: string; batchSize: number };
const sync = new HqSync({
  ledgerFile: config.ledgerFile,
  connection: { url: config.url, password: config.password },
  names: () => ({ tillName: 'Kasir proses', outletName: 'Outlet A' }),
  batchSize: config.batchSize,
  pollMs: 10,
  onStatus: (status) => process.stdout.write(`batch ${status.lastSyncAt ?? 0}\n`),
});
sync.start();
