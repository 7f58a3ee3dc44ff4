import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../shared/ipc-contract.ts';
import { pos, safeCall } from '../app/pos.ts';
import { useRollover } from '../app/useRollover.ts';

export type DayStatus = IpcResponse<'getDayStatus'>;

/** Everything waiting in "Perlu tindakan": late payments and overpayments nobody has resolved yet. */
export function needingAction(status: DayStatus | null): number {
  return status ? status.needsAttention + status.overpaidToResolve : 0;
}

/**
 * The business day, the open shift and the counts of payments awaiting a person, kept fresh
 * from the payment push (a late payment arrives as one), at most a few times a second, and read
 * again when the business day ends (the cut-off).
 */
export function useDayStatus(): { status: DayStatus | null; reload: () => Promise<void> } {
  const [status, setStatus] = useState<DayStatus | null>(null);
  const reload = useCallback(async () => {
    const result = await safeCall((api) => api.getDayStatus({}));
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = pos().onPaymentUpdate(() => {
      timer ??= setTimeout(() => {
        timer = null;
        void reload();
      }, 300);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);
  // At the cut-off the business day changes with no sale needed: the status follows it.
  useRollover(status?.dayEnd, reload);
  return { status, reload };
}
