// Ad-hoc runner: node test/torture/run-crash.ts [runs] [parallel]
import { runCrashTorture } from './crash-torture.ts';
import { tortureSeed } from './random.ts';

const result = await runCrashTorture({ seed: tortureSeed(), runs: Number(process.argv[2] ?? 10), parallel: Number(process.argv[3] ?? 2) });
console.log(result.line, JSON.stringify(result.killsByPoint));
for (const key of ['lost', 'duplicated', 'unresolved', 'mismatched'] as const) if (result.verdict[key].length) console.log(key, result.verdict[key].slice(0, 6));
if (result.corrupt.length) console.log('corrupt', result.corrupt);
