/**
 * A till that only opens and closes shifts, for the shift-close crash suite:
 * `node test/torture/shift-process.ts <ledger file>`. Forever: open a shift (or take the one a
 * killed run left open), record a few sales, say `closing <shift id>`, close it, say `closed`.
 * The parent SIGKILLs it at random moments, many of them right after `closing`.
 */
import { Ledger } from '../../electron/core/ledger/ledger.ts';

const ledger = Ledger.open(process.argv[2] ?? '');
const cashier = ledger.day.defaultCashier() ?? ledger.day.addCashier('Kasir', null, true);
const say = (line: string) => process.stdout.write(`${line}\n`);
say('ready');
for (let round = 0; ; round++) {
  const shift = ledger.day.currentShift() ?? ledger.day.openShift(cashier.id);
  for (let sale = 0; sale < 3; sale++) {
    const tradeNo = `S${process.pid}R${round}N${sale}`;
    const now = Date.now();
    ledger.record({
      tradeNo, amount: 10_000 * (sale + 1), customerName: 'Pelanggan', customerMobile: '081234567890',
      customerEmail: 'pelanggan@example.com', environment: 'training', createdAt: now, expiresAt: now + 900_000,
    });
    if (sale > 0) ledger.update(tradeNo, { state: 'paid', paidAmount: 10_000 * (sale + 1) });
  }
  say(`closing ${shift.id}`);
  ledger.day.closeShift(shift.id, { allowOpenPayments: true });
  say('closed');
  await new Promise((resolve) => setImmediate(resolve));
}
