import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolidatedReport } from '../../../../electron/core/hq/hq-report.ts';
import { HqSync } from '../../../../electron/core/hq/sync.ts';
import { useHq } from '../../../harness/hq-fixture.ts';
import { expectHqMatchesTill, sellSales } from '../../../harness/hq-sales.ts';
import { withClient } from '../../../harness/postgres.ts';
import { startTcpProxy } from '../../../harness/tcp-proxy.ts';
import { T0 } from '../ledger/fixture.ts';

const DAY = 86_400_000;

/** Resolves once `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resume) => setTimeout(resume, 20));
  }
}

describe('head-office sync under faults (real PostgreSQL): 0 lost, 0 duplicated', () => {
  const hq = useHq();

  it('head office dropped mid-batch, then a stalled link: the sync backs off, says since when, and resumes', async () => {
    const proxy = await startTcpProxy(hq.server.port);
    let batches = 0;
    const till = await hq.till('Kasir drop', 'Outlet A', { port: proxy.port, batchSize: 20, queryTimeoutMs: 800, onStatus: (status) => {
      if (status.unreachableSince === null) batches += 1;
    } });
    sellSales(till.ledger, 'DROP', 60, T0);
    const drain = till.sync.drain();
    await eventually(() => batches >= 2);
    proxy.dropAfter(1_500); // inside the next batch's statements
    await expect(drain).rejects.toThrow();
    expect(till.sync.status().unreachableSince).not.toBeNull();
    expect(till.sync.status().pending).toBeGreaterThan(0);

    proxy.pass();
    sellSales(till.ledger, 'DROP2', 10, T0 + DAY); // selling goes on meanwhile
    proxy.stall();
    await expect(till.sync.drain()).rejects.toThrow();
    proxy.pass();
    await till.sync.drain();
    expect(till.sync.status()).toMatchObject({ pending: 0, unreachableSince: null });
    await expectHqMatchesTill(hq, till);
    await proxy.close();
  });

  it('Postgres restarted while the sync runs: it backs off and catches up', async (context) => {
    if (!hq.server.canRestart) context.skip();
    const till = await hq.till('Kasir restart', 'Outlet A', { batchSize: 15 });
    sellSales(till.ledger, 'RS', 60, T0);
    till.sync.start();
    await eventually(() => till.sync.status().lastSyncAt !== null);
    await hq.server.restart();
    sellSales(till.ledger, 'RS2', 20, T0 + DAY);
    till.sync.notify();
    await eventually(() => till.sync.status().pending === 0 && till.sync.status().unreachableSince === null, 20_000);
    await till.sync.stop();
    await expectHqMatchesTill(hq, till);
  });

  it('the same batch delivered twice, and an older copy after a newer one, change nothing', async () => {
    const till = await hq.till('Kasir dua kali', 'Outlet A', { batchSize: 25 });
    sellSales(till.ledger, 'TWICE', 40, T0);
    // A consistent copy of the ledger as it stands, outbox and till id included: the same batches again.
    const copy = join(hq.dir, 'twice-copy.sqlite');
    const raw = new DatabaseSync(till.ledgerFile);
    raw.exec(`VACUUM INTO '${copy}'`);
    raw.close();
    await till.sync.drain();
    // Newer versions of some rows, sent, then the old copy's batches arrive again.
    till.ledger.record({ tradeNo: 'TWICE-late', amount: 5_000, customerName: 'P', customerMobile: '0812', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true }, environment: 'training', createdAt: T0 + 99_000, expiresAt: T0 + 999_000 });
    till.ledger.update('TWICE-5', { state: 'paid' }); // awaiting → paid
    await till.sync.drain();
    const before = await hq.asOwner('SELECT id, version, synced_at, state FROM paypro.payments WHERE till_id = $1 ORDER BY id', [till.sync.tillId]);

    const replay = new HqSync({ ledgerFile: copy, connection: { url: till.url, password: till.login.password }, names: () => ({ tillName: 'Kasir dua kali', outletName: 'Outlet A' }), batchSize: 25 });
    expect(replay.tillId).toBe(till.sync.tillId);
    expect(await replay.drain()).toBeGreaterThan(0);
    await replay.stop();
    expect(await hq.asOwner('SELECT id, version, synced_at, state FROM paypro.payments WHERE till_id = $1 ORDER BY id', [till.sync.tillId])).toEqual(before);
    await expectHqMatchesTill(hq, till);
  });

  it('the till killed -9 during a sync: nothing lost or doubled after the restart', async () => {
    const till = await hq.till('Kasir kill', 'Outlet A');
    sellSales(till.ledger, 'KILL', 100, T0);
    for (let round = 0; round < 2; round++) {
      const child = spawn(process.execPath, ['test/harness/hq-sync-child.ts', JSON.stringify({
        ledgerFile: till.ledgerFile, url: till.url, password: till.login.password, batchSize: 8,
      })], { stdio: ['ignore', 'pipe', 'inherit'] });
      let batches = 0;
      child.stdout.on('data', (chunk: Buffer) => (batches += chunk.toString().split('batch ').length - 1));
      await eventually(() => batches >= 3 + round * 2);
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
    }
    expect(till.sync.status().pending).toBeGreaterThan(0);
    await till.sync.drain();
    await expectHqMatchesTill(hq, till);
  });

  it('after all that, the consolidated report of the day is the sum of the tills\' own reports, to the rupiah', async () => {
    const tills = await hq.asOwner<{ till_id: string }>('SELECT till_id FROM paypro.tills WHERE till_id IS NOT NULL');
    expect(tills.length).toBeGreaterThanOrEqual(4);
    const report = await withClient(hq.server.url, (client) => consolidatedReport(client, { kind: 'all' }, T0 - DAY, T0 + 2 * DAY));
    const [sums] = await hq.asOwner<{ n: string; received: string }>(
      `SELECT count(*) AS n, coalesce(sum(CASE state WHEN 'paid' THEN coalesce(paid_amount, amount) WHEN 'partially_paid' THEN coalesce(paid_amount, 0) ELSE 0 END), 0) AS received FROM paypro.payments`);
    expect(report.saleCount).toBe(Number(sums?.n));
    expect(report.received).toBe(Number(sums?.received));
  });
});
