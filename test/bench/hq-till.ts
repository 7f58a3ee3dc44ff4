import { DatabaseSync } from 'node:sqlite';

/** A simulated till's ledger connection for the head-office bench, and how many sales it has made. */
export interface BenchLedger {
  db: DatabaseSync;
  sold: number;
}

export function openBenchTill(ledgerFile: string): BenchLedger {
  return { db: new DatabaseSync(ledgerFile, { timeout: 5_000 }), sold: 0 };
}

/** `count` sales now, in one local transaction, each through its three states and events (six outbox rows). */
export function sellBurst(till: BenchLedger, count: number): void {
  const { db } = till;
  const now = Date.now();
  db.exec('BEGIN IMMEDIATE');
  const insert = db.prepare(`INSERT INTO payments (trade_no, amount, state, customer_name, customer_mobile, customer_email,
    environment, created_at, updated_at, expires_at) VALUES (?, ?, 'creating', 'P', '0812', 'p@example.com', 'training', ?, ?, ?) RETURNING id`);
  const event = db.prepare(`INSERT INTO payment_events (payment_id, at, from_state, to_state, change) VALUES (?, ?, ?, ?, '{}')`);
  const setState = db.prepare('UPDATE payments SET state = ?, paid_amount = ?, updated_at = ? WHERE id = ?');
  for (let i = 0; i < count; i++) {
    const amount = 1_000 + ((till.sold * 7_919) % 1_000_000);
    const id = Number(insert.get(`S${till.sold}`, amount, now, now, now + 900_000)?.id);
    event.run(id, now, null, 'creating');
    setState.run('awaiting_payment', null, now, id);
    event.run(id, now, 'creating', 'awaiting_payment');
    setState.run('paid', amount, now, id);
    event.run(id, now, 'awaiting_payment', 'paid');
    till.sold += 1;
  }
  db.exec('COMMIT');
}
