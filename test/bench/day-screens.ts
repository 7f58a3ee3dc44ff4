import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AdminLock } from '../../electron/core/admin/admin-lock.ts';
import { createDayHandlers } from '../../electron/core/api/day-handlers.ts';
import { createIpcRouter, type IpcHandlers, type IpcRouter } from '../../electron/core/api/router.ts';
import { DayService } from '../../electron/core/day/day-service.ts';
import { EXPORT_PAGE_SIZE } from '../../electron/core/day/sales-export.ts';
import { writeWholeFile, type FileContents, type FileSaver } from '../../electron/core/file-saver.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { businessDayOf } from '../../shared/day/business-day.ts';
import type { IpcCallName } from '../../shared/ipc-contract.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { MILLION } from './ledger-append.ts';
import { sample, stats, type Figure } from './reporter.ts';
import { DAY_MS, PER_DAY, SEED_START, seededLedgerCopy } from './seed-ledger.ts';

const dateOf = (dayIndex: number): string => businessDayOf(SEED_START + dayIndex * DAY_MS + 3_600_000, 0).date;
const DAYS = MILLION / PER_DAY;
/** Laporan opens on the business day now: the seeded ledger's last day, its evening shift open. */
const TODAY = DAYS - 1;
const NOW = SEED_START + TODAY * DAY_MS + 20 * 3_600_000;

/** The longest time main spent producing one piece of the CSV (one page: query + lines), per export. */
let longestPieceMs = 0;
async function* timedPieces(contents: FileContents): AsyncGenerator<string | Uint8Array> {
  if (typeof contents === 'string' || contents instanceof Uint8Array) {
    yield contents;
    return;
  }
  const pieces = contents[Symbol.asyncIterator]();
  for (;;) {
    const start = performance.now();
    const next = await pieces.next();
    longestPieceMs = Math.max(longestPieceMs, performance.now() - start);
    if (next.done) return;
    yield next.value;
  }
}

/**
 * The calls the Laporan screen (issue 16) makes, each through the core's router as over IPC
 * (validation, DayService, views, the CSV written to a file as the save dialog's glue writes it),
 * on the seeded ledger of 1M sales (10,000 a day, 100 days, three shifts a day with frozen
 * reports, late payments resolved and, today, unresolved):
 * - opening the screen (renderer/day/DayScreen.tsx and its panels): the late list and today's
 *   report with its shifts' reports (the evening's open, so computed live); the day status comes
 *   from the app shell, not from opening the screen;
 * - "Cari" with only a date (SalesSearch): the history's first page of 50;
 * - close of day: one day's report; the owner's month: a 31-day range, also with a cut-off off the
 *   hour (04:30), whose range edges are read from the index;
 * - "Ekspor CSV": one day (10k rows), 10 days (100k) and 31 days (310k), the last with the
 *   longest event-loop stall while it runs (payment tracking and IPC wait that long at most).
 */
export async function dayScreens(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-day-'));
  try {
    const ledger = Ledger.open(seededLedgerCopy(MILLION, join(dir, 'ledger.sqlite')));
    const csvFile = join(dir, 'export.csv');
    const router = (settings: Settings): IpcRouter => {
      const day = new DayService({
        ledger,
        settings: () => settings,
        pins: { hash: async () => '{}', verify: async () => undefined, clearLockout: () => undefined },
        supervisor: { ownerPinSet: true, present: true, confirm: async () => undefined },
        now: () => NOW,
      });
      const saveToFile: FileSaver = {
        save: async ({ contents }) => {
          await writeWholeFile(csvFile, timedPieces(await contents()));
          return { saved: true, path: csvFile };
        },
      };
      // Only the day's calls are dispatched here; the admin lock guards none of those timed.
      return createIpcRouter(createDayHandlers(day, {} as AdminLock, saveToFile) as IpcHandlers, { logger: { error: (message) => console.error(message) } });
    };
    const atMidnight = router(DEFAULT_SETTINGS);
    const at0430 = router({ ...DEFAULT_SETTINGS, day: { ...DEFAULT_SETTINGS.day, cutoff: '04:30' } });
    const call = async (on: IpcRouter, name: IpcCallName, request: object) => {
      const result = await on.dispatch(name, request);
      if (!result.ok) throw new Error(`day bench: ${name} ${JSON.stringify(result.error)}`);
      return result.value;
    };
    const today = dateOf(TODAY);
    const opened = (await call(atMidnight, 'getDayReport', { from: today, to: today })) as { shifts: { closedAt: number | null }[] };
    const late = (await call(atMidnight, 'listLatePayments', {})) as { sales: unknown[] };
    if (opened.shifts.length !== 3 || opened.shifts.at(-1)?.closedAt !== null || late.sales.length === 0) throw new Error('day bench: the seeded day has no shifts or late payments');

    const openScreen = await sample(200, 20, async () => {
      await call(atMidnight, 'listLatePayments', {});
      await call(atMidnight, 'getDayReport', { from: today, to: today });
    });
    const search = await sample(300, 30, (i) => call(atMidnight, 'listSales', { from: dateOf(i % DAYS), limit: 50 }));
    const dayReport = await sample(300, 30, (i) => call(atMidnight, 'getDayReport', { from: dateOf(i % DAYS), to: dateOf(i % DAYS) }));
    const rangeReport = await sample(40, 5, (i) => call(atMidnight, 'getDayReport', { from: dateOf(i % 60), to: dateOf((i % 60) + 30) }));
    const rangeOffHour = await sample(40, 5, (i) => call(at0430, 'getDayReport', { from: dateOf(i % 60), to: dateOf((i % 60) + 30) }));

    const exportRange = async (first: number, days: number) => {
      const result = (await call(atMidnight, 'exportSales', { from: dateOf(first), to: dateOf(first + days - 1), format: 'excel-semicolon' })) as { rows: number };
      if (result.rows !== days * PER_DAY) throw new Error(`day bench: ${days}-day export wrote ${result.rows} rows`);
    };
    const exportDay = await sample(20, 2, (i) => exportRange(i % DAYS, 1));
    const export10 = await sample(4, 1, (i) => exportRange(i * 10, 10));
    const stall = monitorEventLoopDelay({ resolution: 1 });
    longestPieceMs = 0;
    stall.enable();
    const export31 = await sample(2, 0, (i) => exportRange(i * 31, 31));
    stall.disable();
    const maxStallMs = stall.max / 1e6;
    // The same monitor over an idle second: what the machine's scheduling alone adds (a loaded VM).
    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    idle.disable();
    const fileMb = statSync(csvFile).size / 1e6;
    ledger.close();

    const notes = [`${PER_DAY} sales per day, ${MILLION} rows, 3 shifts a day; through the core's router as over IPC`];
    const csvNotes = [...notes, "Excel Indonesia format (';', IDs as =\"…\"), written to a file page by page as the save dialog's glue writes it"];
    return [
      { name: 'day-screen-open', title: 'Laporan opens: late list + today\'s report with its 3 shifts\' reports', unit: 'ms', stats: stats(openScreen), targets: [{ stat: 'p99', max: 60 }], notes },
      { name: 'day-search-first-page', title: 'Cari (date only): history first page (50) of a 10k-sale day', unit: 'ms', stats: stats(search), targets: [{ stat: 'p99', max: 10 }], notes },
      { name: 'day-close-report', title: 'Close-of-day report with its shifts, 10k sales', unit: 'ms', stats: stats(dayReport), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'range-report-31d', title: 'Report of a 31-day range (310k sales) @1M rows', unit: 'ms', stats: stats(rangeReport), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'range-report-31d-0430', title: 'Report of a 31-day range, cut-off 04:30 @1M rows', unit: 'ms', stats: stats(rangeOffHour), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'csv-export-day', title: `CSV export of one day (${PER_DAY} rows)`, unit: 'ms', stats: stats(exportDay), targets: [{ stat: 'p95', max: 100 }], notes: csvNotes },
      { name: 'csv-export-100k', title: `CSV export of 10 days (${10 * PER_DAY} rows)`, unit: 'ms', stats: stats(export10), targets: [{ stat: 'max', max: 1_000 }], notes: csvNotes },
      { name: 'csv-export-31d', title: `CSV export of 31 days (${31 * PER_DAY} rows) @1M rows`, unit: 'ms', stats: stats(export31), notes: [...csvNotes, `${fileMb.toFixed(0)} MB file`] },
      {
        name: 'csv-export-31d-stall',
        title: 'Longest event-loop stall during the 31-day CSV export',
        unit: 'ms',
        value: maxStallMs,
        targets: [{ stat: 'value', max: 50 }],
        notes: [
          'perf_hooks.monitorEventLoopDelay (1 ms resolution), max over the two 31-day exports',
          `p99 ${(stall.percentile(99) / 1e6).toFixed(1)} ms; longest page (${EXPORT_PAGE_SIZE} rows read + written as CSV) ${longestPieceMs.toFixed(1)} ms`,
          `the same monitor over an idle second: max ${(idle.max / 1e6).toFixed(1)} ms (the machine's own scheduling)`,
        ],
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
