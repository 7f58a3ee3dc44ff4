import { useEffect, useState } from 'react';
import { safeCall } from '../app/pos.ts';

const NONE: ReadonlySet<string> = new Set();

/**
 * The trade numbers of late payments nobody has resolved yet, read again whenever their count
 * (the day status, kept fresh from the payment push) changes: Today marks those rows.
 */
export function useLateTradeNos(count: number): ReadonlySet<string> {
  const [tradeNos, setTradeNos] = useState<ReadonlySet<string>>(NONE);
  useEffect(() => {
    if (count === 0) return setTradeNos(NONE);
    let current = true;
    void safeCall((api) => api.listLatePayments({})).then((result) => {
      if (current && result.ok) setTradeNos(new Set(result.value.sales.map((sale) => sale.tradeNo)));
    });
    return () => {
      current = false;
    };
  }, [count]);
  return tradeNos;
}
