import type { IpcHandlers } from '../api/router.ts';
import type { FileSaver } from '../file-saver.ts';
import type { HqService } from './hq-service.ts';

export type HqCallName = 'getHqStatus' | 'getHqReport' | 'searchHq' | 'exportHq' | 'configureHq' | 'testHq';

/** The head office's contract calls (issue 23); the all-tills CSV is saved like the till's own (exportSales). */
export function createHqHandlers(hq: HqService, fileSaver?: FileSaver): Pick<IpcHandlers, HqCallName> {
  return {
    getHqStatus: async () => hq.status(),
    getHqReport: (request) => hq.report(request),
    searchHq: (request) => hq.search(request),
    exportHq: async (request) => {
      const file = await hq.exportCsv(request);
      if (fileSaver === undefined) return { outcome: 'download', ...file };
      const saved = await fileSaver.save({ suggestedName: file.fileName, filter: { name: 'CSV', extensions: ['csv'] }, contents: async function* () { yield file.csv; } });
      return saved.saved ? { outcome: 'saved', path: saved.path, rows: file.rows } : { outcome: 'cancelled' };
    },
    configureHq: async (request) => {
      await hq.configure(request);
      return hq.status();
    },
    testHq: (request) => hq.test(request),
  };
}
