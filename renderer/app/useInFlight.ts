import { useCallback, useState } from 'react';

/**
 * Calls under way per key (a re-check per trade number): a button shows "busy" while its call
 * runs, and a second press meanwhile starts nothing.
 */
export function useInFlight(): { has: (key: string) => boolean; run: <T>(key: string, call: () => Promise<T>) => Promise<T | undefined> } {
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  const run = useCallback(
    async <T,>(key: string, call: () => Promise<T>): Promise<T | undefined> => {
      if (keys.has(key)) return undefined;
      setKeys((current) => new Set(current).add(key));
      try {
        return await call();
      } finally {
        setKeys((current) => {
          const next = new Set(current);
          next.delete(key);
          return next;
        });
      }
    },
    [keys],
  );
  return { has: (key) => keys.has(key), run };
}
