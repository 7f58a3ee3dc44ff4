import type { DayService } from '../day/day-service.ts';
import type { Reconciler } from '../reconcile/reconciler.ts';
import type { IpcHandlers } from './router.ts';

export type ReconcileCallName = 'startReconciliation' | 'getReconciliation' | 'getPayoutEstimate';

/** The reconciliation with Paypro and the payout estimate (issue 22). */
export function createReconcileHandlers(reconciler: Reconciler, day: DayService): Pick<IpcHandlers, ReconcileCallName> {
  return {
    startReconciliation: async ({ date, trigger }) => reconciler.start(date, trigger),
    getReconciliation: async ({ date }) => ({ reconciliation: reconciler.latest(date) }),
    getPayoutEstimate: async (range) => day.payoutEstimate(range),
  };
}
