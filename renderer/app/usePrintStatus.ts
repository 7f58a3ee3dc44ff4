import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PrintStatus } from '../../shared/receipt-settings.ts';
import { safeCall } from './pos.ts';

const POLL_MS = 300;
/** How long to look for an auto-print that main may be starting just as the sale is paid. */
const AUTO_PRINT_WINDOW_MS = 3_000;

/**
 * A sale's receipt print as main reports it, followed while a job waits or runs (printing happens
 * in main's queue, never in the renderer's way), and `print()` to queue one. `fromStart`: ask at
 * once and watch for an auto-print (the paid screen); else only after `print()` (a day-list row,
 * so that a long list does not ask for every row).
 */
export function usePrintStatus(tradeNo: string, { fromStart }: { fromStart: boolean }) {
  const [status, setStatus] = useState<PrintStatus | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [asking, setAsking] = useState(false);
  const since = useRef(Date.now());

  const refresh = useCallback(async () => {
    const result = await safeCall((api) => api.getPrintStatus({ tradeNo }));
    if (result.ok) setStatus(result.value.status);
  }, [tradeNo]);

  useEffect(() => {
    since.current = Date.now();
    setStatus(null);
    if (fromStart) void refresh();
  }, [refresh, fromStart]);

  const running = status?.state === 'queued' || status?.state === 'printing';
  const awaitingAutoPrint = fromStart && status === null;
  useEffect(() => {
    if (!running && !awaitingAutoPrint) return;
    const timer = setInterval(() => {
      if (!running && Date.now() - since.current > AUTO_PRINT_WINDOW_MS) clearInterval(timer);
      else void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, awaitingAutoPrint, refresh]);

  const print = useCallback(async () => {
    if (asking) return;
    setAsking(true);
    setFailure(null);
    const result = await safeCall((api) => api.printReceipt({ tradeNo }));
    setAsking(false);
    if (result.ok) setStatus(result.value);
    else setFailure(result.error);
  }, [asking, tradeNo]);

  return { status, failure, busy: asking || running, print };
}
