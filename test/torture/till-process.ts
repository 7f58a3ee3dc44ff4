/**
 * One till in its own process, for the crash suite: `node test/torture/till-process.ts '<json>'`
 * with { ledger, baseUrl, merchantNo, secret, sales: [{ tradeNo, amount }], closeShift? }. It opens
 * the ledger, recovers, charges the sales one after another (each after the shift check the charge
 * handler makes: the default cashier's shift opens by itself) and then keeps tracking until it is
 * killed (SIGKILL, the point of the suite) or told to stop (SIGTERM: orderly close). Every state
 * change is printed as `update <tradeNo> <state>`, then `idle` once all sales are charged, so that
 * the parent can kill it at a chosen moment. With `closeShift` it then closes the shift as the
 * owner would (forced if a payment still awaits), saying `shift-closing <id>` inside the close's
 * transaction — after its UPDATE, before COMMIT — and `shift-closed <id>` once committed; with
 * `closeShift: 'pause'` it stops right there, inside the transaction, until it is killed. With
 * `cash`, the close is a counted one (issue 22): cash in and out are recorded first, then the drawer
 * is counted `countedDelta` off the expected cash, as a cashier with a difference would.
 * Talks only to the simulator URL it is given (loopback).
 */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { createPayproClient } from '../../electron/core/paypro/client.ts';
import { createMerchantSigner } from '../../electron/core/paypro/sign.ts';
import { PaymentService } from '../../electron/core/payments/payment-service.ts';
import { CLIENT_TIMEOUT_MS, TORTURE_POLICY } from './scale.ts';
import { tillDay } from './till-day.ts';

export interface TillConfig {
  ledger: string;
  baseUrl: string;
  merchantNo: string;
  secret: string;
  sales: { tradeNo: string; amount: number }[];
  /** Close the shift once idle; 'pause' holds the close inside its transaction (the kill -9 point). */
  closeShift?: 'pause' | 'commit';
  /** Kas masuk / keluar before the close, and how far the count is off the expected cash. */
  cash?: { cashIn: number; cashOut: number; countedDelta: number };
}

const config = JSON.parse(process.argv[2] ?? '{}') as TillConfig;
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(config.baseUrl)) throw new Error('the till only talks to 127.0.0.1');
const say = (line: string) => process.stdout.write(`${line}\n`);

// Blocks this thread (and so the open transaction) without returning to the event loop.
const holdInsideTransaction = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
const ledger = Ledger.open(config.ledger, {
  dayHooks: {
    shiftClosing: (id) => {
      say(`shift-closing ${id}`); // a pipe write is synchronous on POSIX: the parent reads it before the hold
      if (config.closeShift === 'pause') holdInsideTransaction();
    },
  },
});
const day = tillDay(ledger);
const client = createPayproClient({
  baseUrl: config.baseUrl,
  signer: createMerchantSigner(config.merchantNo, config.secret),
  timeoutMs: CLIENT_TIMEOUT_MS,
});
const settings: Settings = { ...DEFAULT_SETTINGS, merchantNo: config.merchantNo };
let nextTradeNo = '';
const service = new PaymentService({
  ledger,
  gatewayFor: async () => client,
  settings: () => settings,
  policy: TORTURE_POLICY,
  newTradeNo: () => nextTradeNo,
});
service.onUpdate((payment) => say(`update ${payment.tradeNo} ${payment.state}`));

process.on('SIGTERM', () => {
  void service.close().then(() => {
    ledger.close();
    process.exit(0);
  });
});

service.recover();
say('ready');
for (const sale of config.sales) {
  nextTradeNo = sale.tradeNo;
  try {
    day.ensureShiftForSale();
    const payment = await service.charge({ amount: String(sale.amount) });
    service.watch(payment.tradeNo);
  } catch (error) {
    say(`error ${sale.tradeNo} ${String(error).replace(/\s+/g, ' ')}`);
  }
}
service.watch(null);
say('idle');
if (config.closeShift) {
  let count;
  if (config.cash) {
    day.moveCash({ kind: 'cash_in', amount: config.cash.cashIn, reason: 'tukar uang kecil' });
    day.moveCash({ kind: 'cash_out', amount: config.cash.cashOut, reason: 'beli es batu' });
    const expected = ledger.day.shiftReport(ledger.day.currentShift()!.id).cash!.expected;
    count = { counted: expected + config.cash.countedDelta, expected };
  }
  const closed = await day.closeShift(undefined, count);
  say(`shift-closed ${closed.id}`);
}
// Keep tracking until killed; the tracker's timers are unref'd, so hold the process open.
setInterval(() => undefined, 1 << 30);
