import { useEffect } from 'react';
import { msUntilRollover } from './rollover.ts';

/**
 * Calls `refresh` when the business day shown ends (at the cut-off, not midnight), also with the
 * screen left open and no sale coming in, and again a minute later for as long as main still
 * answers the same day (`dayEnd` unchanged). Nothing while no day is known.
 */
export function useRollover(dayEnd: number | undefined, refresh: () => Promise<unknown>): void {
  useEffect(() => {
    if (dayEnd === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const arm = () => {
      if (!stopped) timer = setTimeout(() => void refresh().then(arm), msUntilRollover(dayEnd, Date.now()));
    };
    arm();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [dayEnd, refresh]);
}
