/**
 * A till taking cash, in its own process, for the cash crash test (test/unit/torture/cash-crash.test.ts):
 * `node test/torture/cash-till-process.ts '<json>'` with { ledger, prefix, sales }. It records, one
 * after another, cash sales and partial QRIS sales whose rest is paid in cash (the QRIS answers
 * written straight to the ledger: no gateway is needed to take cash), printing `cash <tradeNo>`
 * once each cash payment is committed, until it is killed (SIGKILL, the point of the test).
 */
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { tillDay } from './till-day.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as { ledger: string; prefix: string; sales: number };
const ledger = Ledger.open(config.ledger);
const day = tillDay(ledger);
const customer = { customerName: 'Pelanggan', customerMobile: '081234567890', customerEmail: 'p@example.com', customerTyped: { name: true, mobile: true, email: true } };
process.stdout.write('ready\n');
for (let i = 0; i < config.sales; i++) {
  day.ensureShiftForSale();
  const now = Date.now();
  const tradeNo = `${config.prefix}-${i}`;
  const amount = 10_000 + (i % 7) * 1_500;
  if (i % 2 === 0) {
    ledger.recordCash({ tradeNo, amount, tendered: amount + (i % 3) * 500, ...customer, environment: 'training', createdAt: now });
    process.stdout.write(`cash ${tradeNo}\n`);
  } else {
    const qris = `${tradeNo}-Q`;
    ledger.record({ tradeNo: qris, amount, ...customer, environment: 'training', createdAt: now, expiresAt: now + 900_000 });
    ledger.update(qris, { state: 'awaiting_payment', platformTradeNo: `PP-${qris}` });
    ledger.update(qris, { state: 'partially_paid', paidAmount: 4_000 });
    ledger.recordCash({ tradeNo, amount: amount - 4_000, tendered: amount, ...customer, environment: 'training', createdAt: now, saleTradeNo: qris });
    process.stdout.write(`cash ${tradeNo}\n`);
  }
}
process.stdout.write('idle\n');
setInterval(() => undefined, 1 << 30);
