import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DayService } from '../../electron/core/day/day-service.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { businessDayOf } from '../../shared/day/business-day.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { MILLION } from './ledger-append.ts';
import { sample, stats, type Figure } from './reporter.ts';
import { DAY_MS, PER_DAY, SEED_START, seededLedgerCopy } from './seed-ledger.ts';

const dateOf = (dayIndex: number): string => businessDayOf(SEED_START + dayIndex * DAY_MS + 3_600_000, 0).date;

/**
 * The core calls the Laporan screen (issue 16) makes, each exactly as its IPC handler runs it
 * (DayService, views included), on the seeded ledger of 1M sales (10,000 a day, 100 days):
 * - opening the screen: status + the day's report + late list + the history's first page;
 * - close of day: the report of one day; the owner's month: the report of a 31-day range, also
 *   with a cut-off off the hour (04:30), whose range edges are read from the index;
 * - the CSV export of 10 days (100,000 rows), the string handed to the renderer.
 */
export async function dayScreens(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-day-'));
  try {
    const ledger = Ledger.open(seededLedgerCopy(MILLION, join(dir, 'ledger.sqlite')));
    const days = MILLION / PER_DAY;
    let now = SEED_START;
    const day = new DayService({
      ledger,
      settings: () => DEFAULT_SETTINGS,
      pins: { hash: async () => '{}', verify: async () => undefined, clearLockout: () => undefined },
      supervisor: { ownerPinSet: true, present: true, confirm: async () => undefined },
      now: () => now,
    });
    const firstPage = await sample(300, 30, (i) => {
      now = SEED_START + (i % days) * DAY_MS + 3_600_000;
      day.listSales({});
    });
    const openScreen = await sample(200, 20, (i) => {
      now = SEED_START + (i % days) * DAY_MS + 3_600_000;
      day.status();
      day.dayReport({});
      day.lateUnresolved();
      day.listSales({});
    });
    const dayReport = await sample(300, 30, (i) => day.dayReport({ from: dateOf(i % days) }));
    const rangeReport = await sample(40, 5, (i) => day.dayReport({ from: dateOf(i % 60), to: dateOf((i % 60) + 30) }));
    // A cut-off off the hour (04:30): both ends of the range fall inside an hour, read from the index.
    const offHour = new DayService({
      ledger,
      settings: () => ({ ...DEFAULT_SETTINGS, day: { ...DEFAULT_SETTINGS.day, cutoff: '04:30' } }),
      pins: { hash: async () => '{}', verify: async () => undefined, clearLockout: () => undefined },
      supervisor: { ownerPinSet: true, present: true, confirm: async () => undefined },
      now: () => now,
    });
    const rangeOffHour = await sample(40, 5, (i) => offHour.dayReport({ from: dateOf(i % 60), to: dateOf((i % 60) + 30) }));
    const exports = await sample(6, 1, (i) => day.exportCsv({ from: dateOf(i * 10), to: dateOf(i * 10 + 9) }));
    const rows = day.exportCsv({ from: dateOf(0), to: dateOf(9) }).rows;
    ledger.close();
    const notes = [`${PER_DAY} sales per day, ${MILLION} rows, through DayService as the IPC handlers call it`];
    return [
      { name: 'day-first-page', title: 'History first page (50) of a 10k-sale day', unit: 'ms', stats: stats(firstPage), targets: [{ stat: 'p99', max: 10 }], notes },
      { name: 'day-screen-open', title: 'Laporan screen opens (status + day report + late + page)', unit: 'ms', stats: stats(openScreen), targets: [{ stat: 'p99', max: 60 }], notes },
      { name: 'day-close-report', title: 'Close-of-day report, 10k sales', unit: 'ms', stats: stats(dayReport), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'range-report-31d', title: 'Report of a 31-day range (310k sales) @1M rows', unit: 'ms', stats: stats(rangeReport), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'range-report-31d-0430', title: 'Report of a 31-day range, cut-off 04:30 @1M rows', unit: 'ms', stats: stats(rangeOffHour), targets: [{ stat: 'p99', max: 50 }], notes },
      { name: 'csv-export-100k', title: `CSV export of 10 days (${rows} rows)`, unit: 'ms', stats: stats(exports), targets: [{ stat: 'max', max: 1_000 }], notes },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
