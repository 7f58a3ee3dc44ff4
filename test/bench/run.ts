/**
 * npm run bench [-- figure …]: one module per figure, one reporter (table + bench-results/*.json).
 * Browser figures (Charge→QR painted, paid→screen, bundle size) plug in here as more modules.
 */
import { chargeAwaiting } from './charge-awaiting.ts';
import { ledgerAppend } from './ledger-append.ts';
import { ledgerVsJson } from './ledger-vs-json.ts';
import { qrEncode } from './qr-encode.ts';
import { judge, report, type Figure } from './reporter.ts';

const FIGURES: Record<string, () => Promise<Figure | Figure[]>> = {
  'qr-encode': qrEncode,
  'ledger-append': ledgerAppend, // also day-report
  'ledger-vs-json': ledgerVsJson,
  'charge-awaiting': chargeAwaiting,
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
