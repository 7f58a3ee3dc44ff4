import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, '../../bench-results');

export interface Stats { n: number; median: number; p95: number; p99: number; min: number; max: number; mean: number }
/** A statistic (or the single value) and its bound: at most `max` passes. */
export interface Target { stat: keyof Stats | 'value'; max: number }
export interface Figure {
  name: string;
  title: string;
  unit: string;
  /** Timed figures: the distribution of the samples. */
  stats?: Stats;
  /** Measured-once figures (a size, a count). */
  value?: number;
  /** Bounds the figure must keep (all of them) to pass; none: reported only. */
  targets?: Target[];
  /** For comparisons: a ratio and what it compares. */
  ratio?: { value: number; of: string };
  notes?: string[];
}
export type FigureResult = Figure & { pass: boolean | null };

export function machine() {
  const cpu = cpus();
  return { cores: cpu.length, cpu: cpu[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` };
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** Runs `work` `warmup` times unmeasured, then `n` times with performance.now() around each. */
export async function sample(n: number, warmup: number, work: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work(warmup + i);
    out.push(performance.now() - start);
  }
  return out;
}

export function judge(figure: Figure): FigureResult {
  const { targets = [] } = figure;
  if (targets.length === 0) return { ...figure, pass: null };
  const kept = targets.map(({ stat, max }) => {
    const measured = stat === 'value' ? figure.value : figure.stats?.[stat];
    if (measured === undefined) throw new Error(`${figure.name}: a target is about ${stat}, which it did not measure`);
    return measured <= max;
  });
  return { ...figure, pass: kept.every(Boolean) };
}

const f = (value: number | undefined) => (value === undefined ? '' : value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 3));

export function report(results: FigureResult[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const info = machine();
  for (const result of results) writeFileSync(join(RESULTS_DIR, `${result.name}.json`), JSON.stringify({ machine: info, ...result }, null, 2));
  writeFileSync(join(RESULTS_DIR, 'summary.json'), JSON.stringify({ at: new Date().toISOString(), machine: info, results }, null, 2));
  const rows = results.map((r) => [
    r.title,
    r.stats ? f(r.stats.median) : '',
    r.stats ? f(r.stats.p95) : '',
    r.stats ? f(r.stats.p99) : '',
    f(r.value),
    r.unit,
    r.ratio ? `${r.ratio.value.toFixed(1)}× ${r.ratio.of}` : '',
    r.targets?.map(({ stat, max }) => `${stat} ≤ ${max}`).join(', ') || 'report',
    r.pass === null ? '—' : r.pass ? 'pass' : 'MISS',
  ]);
  const header = ['figure', 'median', 'p95', 'p99', 'value', 'unit', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `machine: ${info.cores} cores, ${info.cpu}, Node ${info.node}, ${info.platform}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...results.flatMap((r) => (r.notes ?? []).map((note) => `  ${r.name}: ${note}`)),
  ].join('\n');
}
