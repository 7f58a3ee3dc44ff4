import { describe, expect, it } from 'vitest';
import { judge, stats } from '../../bench/reporter.ts';
import { initialScripts } from '../../bench/renderer-bundle.ts';

describe('bench reporter', () => {
  it('reads median and tail percentiles from the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(stats(samples)).toMatchObject({ n: 100, min: 1, max: 100, median: 51, p95: 96, p99: 100, mean: 50.5 });
  });

  it('passes a figure only when every target holds', () => {
    const figure = { name: 'f', title: 'f', unit: 'ms', stats: stats([10, 20, 30, 40, 100]) };
    expect(judge({ ...figure, targets: [{ stat: 'median', max: 30 }] }).pass).toBe(true);
    expect(judge({ ...figure, targets: [{ stat: 'median', max: 30 }, { stat: 'p95', max: 60 }] }).pass).toBe(false);
    expect(judge(figure).pass).toBeNull();
  });

  it('judges a measured-once value, and refuses a target about something not measured', () => {
    expect(judge({ name: 'size', title: 'size', unit: 'KB', value: 93, targets: [{ stat: 'value', max: 200 }] }).pass).toBe(true);
    expect(judge({ name: 'size', title: 'size', unit: 'KB', value: 201, targets: [{ stat: 'value', max: 200 }] }).pass).toBe(false);
    expect(() => judge({ name: 'size', title: 'size', unit: 'KB', value: 1, targets: [{ stat: 'p99', max: 2 }] })).toThrow(/p99/);
  });
});

describe('renderer initial scripts', () => {
  it('counts module scripts and module preloads, not styles, classic scripts or lazy chunks', () => {
    const html = `<head>
      <script type="module" crossorigin src="./assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b2.js">
      <link rel="stylesheet" crossorigin href="./assets/index-c3.css">
      <script src="./bridge.js"></script>
    </head>`;
    expect(initialScripts(html)).toEqual(['./assets/index-a1.js', './assets/vendor-b2.js']);
  });
});
