import { useEffect, useState } from 'react';
import { safeCall } from '../app/pos.ts';

/** Whether this till holds an owner login for the head office (then Laporan offers all tills). */
export function useHqOwnerView(): boolean {
  const [ownerView, setOwnerView] = useState(false);
  useEffect(() => {
    let live = true;
    void safeCall((api) => api.getHqStatus({})).then((result) => {
      if (live && result.ok) setOwnerView(result.value.ownerView);
    });
    return () => {
      live = false;
    };
  }, []);
  return ownerView;
}
