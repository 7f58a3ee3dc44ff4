import type { IpcHandlers } from '../api/router.ts';
import type { HqService } from './hq-service.ts';

export type HqCallName = 'getHqStatus' | 'getHqReport' | 'searchHq' | 'configureHq';

/** The head office's contract calls (issue 23). */
export function createHqHandlers(hq: HqService): Pick<IpcHandlers, HqCallName> {
  return {
    getHqStatus: async () => hq.status(),
    getHqReport: (request) => hq.report(request),
    searchHq: (request) => hq.search(request),
    configureHq: async (request) => {
      await hq.configure(request);
      return hq.status();
    },
  };
}
