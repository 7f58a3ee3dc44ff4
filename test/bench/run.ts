/**
 * npm run bench [-- figure …]: one module per figure (or per set of figures measured in one
 * session), one reporter (table + bench-results/*.json).
 */
import { cashierScreen } from './cashier-screen.ts';
import { cashSale } from './cash-sale.ts';
import { chargeAwaiting } from './charge-awaiting.ts';
import { dayScreens } from './day-screens.ts';
import { drawerPulse } from './drawer-pulse.ts';
import { hqSync } from './hq-sync.ts';
import { customerDisplay } from './customer-display.ts';
import { ledgerAppend } from './ledger-append.ts';
import { ledgerVsJson } from './ledger-vs-json.ts';
import { qrEncode } from './qr-encode.ts';
import { receiptPrint } from './receipt-print.ts';
import { reconcileDay } from './reconcile-day.ts';
import { rendererBundle } from './renderer-bundle.ts';
import { todayScreen } from './today-screen.ts';
import { judge, report, type Figure } from './reporter.ts';

const FIGURES: Record<string, () => Promise<Figure | Figure[]>> = {
  'qr-encode': qrEncode,
  'ledger-append': ledgerAppend,
  'ledger-vs-json': ledgerVsJson,
  'charge-awaiting': chargeAwaiting,
  'cashier-screen': cashierScreen, // Charge → QR painted, gateway paid → screen paid
  'cash-sale': cashSale, // issue 22: cash sale Enter → result painted; the core's cash path
  'customer-display': customerDisplay, // gateway paid → customer display paid, and its gap to the cashier's
  'renderer-bundle': rendererBundle,
  'day-screens': dayScreens, // issue 16: Laporan screen calls, reports, CSV export
  'receipt-print': receiptPrint, // paid → last receipt byte at a loopback LAN printer
  'drawer-pulse': drawerPulse, // issue 22: cash sale / Buka laci → ESC p at a loopback LAN printer
  'hq-sync': hqSync, // issue 23: 20 tills syncing at once, a till catching up, the consolidated day report
  'reconcile-day': reconcileDay, // issue 22: a 1,000-sale day reconciled against the simulator, unthrottled and at 2 requests/s
  'today-screen': todayScreen, // issue 16: Today's first page and totals in core, F2 → Today painted (browser), 5,000 sales today
};

const wanted = process.argv.slice(2).filter((arg) => arg in FIGURES);
const results = [];
for (const name of wanted.length ? wanted : Object.keys(FIGURES)) {
  const started = performance.now();
  const figures = [await FIGURES[name]!()].flat();
  results.push(...figures.map(judge));
  console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(report(results));
if (results.some((result) => result.pass === false)) process.exitCode = 1;
