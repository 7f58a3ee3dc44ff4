// Ad-hoc runner: node test/torture/run-fault.ts [payments] [tills]
import { runFaultTorture } from './fault-torture.ts';
import { tortureSeed } from './random.ts';

const seed = tortureSeed();
const result = await runFaultTorture({ seed, payments: Number(process.argv[2] ?? 200), tills: Number(process.argv[3] ?? 10) });
console.log(result.line);
console.log(JSON.stringify({ faultsByKind: result.faultsByKind, outcomes: result.outcomes, chargeErrors: result.chargeErrors.slice(0, 5), integrity: result.integrity, batchFailures: result.batchFailures.slice(0, 5) }));
for (const key of ['lost', 'duplicated', 'unresolved', 'mismatched'] as const) if (result.verdict[key].length) console.log(key, result.verdict[key].slice(0, 10));
