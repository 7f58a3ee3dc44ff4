export const ROUTES = ['sale', 'today', 'settings', 'day'] as const;
export type Route = (typeof ROUTES)[number];

type KeyLike = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

/** The one key that opens the sale search (Laporan → Riwayat dan pencarian) from any screen. */
export const SEARCH_KEY = 'F6';

export function isSearchKey(event: KeyLike): boolean {
  return event.key === SEARCH_KEY && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/** Global navigation keys: F1–F4, or Alt+1–4 (for keyboards whose F-keys the OS takes). */
export function routeForKey(event: KeyLike): Route | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const fKeys: Record<string, Route> = { F1: 'sale', F2: 'today', F3: 'settings', F4: 'day' };
  const digits: Record<string, Route> = { '1': 'sale', '2': 'today', '3': 'settings', '4': 'day' };
  if (!event.altKey) return fKeys[event.key] ?? null;
  return digits[event.key] ?? null;
}
