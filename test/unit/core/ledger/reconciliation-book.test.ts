import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { RECONCILE_QUERIES } from '../../../../electron/core/ledger/reconciliation-book.ts';
import { T0, newPayment, useLedger } from './fixture.ts';

describe('the reconciliation book (schema 5)', () => {
  const fixture = useLedger();

  it('keeps one unfinished run per day, its answers append-only, a finished run fixed', () => {
    const book = fixture.ledger.reconciliations;
    fixture.ledger.record(newPayment('A', { createdAt: T0 }));
    const run = book.start({ businessDate: '2026-03-02', dayStart: T0 - 1, dayEnd: T0 + 86_400_000, trigger: 'owner', startedAt: T0 });
    expect(() => book.start({ businessDate: '2026-03-02', dayStart: T0 - 1, dayEnd: T0 + 86_400_000, trigger: 'automatic', startedAt: T0 })).toThrow();
    const [charge] = book.unchecked(run, 10);
    expect(charge?.tradeNo).toBe('A');
    book.record(run.id, { paymentId: charge!.paymentId, checkedAt: T0, verdict: 'agrees', appState: 'creating', appReceived: 0, gatewayStatus: '0015', gatewayReceived: 0, stateAfter: 'creating' });
    expect(book.unchecked(run, 10)).toEqual([]);
    expect(() => book.record(run.id, { paymentId: charge!.paymentId, checkedAt: T0, verdict: 'differs', appState: 'creating', appReceived: 0, gatewayStatus: null, gatewayReceived: null, stateAfter: 'creating' })).toThrow();
    book.finish(run.id, T0 + 1);
    expect(book.run(run.id)?.finishedAt).toBe(T0 + 1);
    const raw = new DatabaseSync(fixture.temp.file);
    expect(() => raw.exec(`UPDATE reconciliations SET finished_at = 5 WHERE id = ${run.id}`)).toThrow(/only ever changes by finishing/);
    expect(() => raw.exec('DELETE FROM reconciliation_items')).toThrow(/append-only/);
    raw.close();
  });

  it('reads the day’s QRIS charges through payments_by_created, never a table scan', () => {
    const raw = new DatabaseSync(fixture.temp.file);
    const plan = (sql: string): string => {
      const statement = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const names = [...sql.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      const rows = names.length > 0 ? statement.all(Object.fromEntries(names.map((name) => [name, 1]))) : statement.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1));
      return rows.map((row) => String(row.detail)).join('\n');
    };
    // The next charges to ask about need their trade number too: the index finds the day, the rows give it.
    expect(plan(RECONCILE_QUERIES.unchecked)).toMatch(/SEARCH payments USING INDEX payments_by_created/);
    expect(plan(RECONCILE_QUERIES.chargeCount)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    expect(plan(RECONCILE_QUERIES.receivedAmounts)).toMatch(/SEARCH payments USING COVERING INDEX payments_by_created/);
    for (const [name, sql] of Object.entries(RECONCILE_QUERIES)) expect(plan(sql), name).not.toMatch(/SCAN (p|payments|i|reconciliation_items)\b(?! USING)/);
    raw.close();
  });
});
