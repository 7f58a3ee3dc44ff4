import { useSyncExternalStore } from 'react';
import type { IpcResponse } from '../../shared/ipc-contract.ts';
import { safeCall } from './pos.ts';

export type ConnectionLevel = IpcResponse<'getConnectionStatus'>['level'];

/**
 * Paypro's reachability as main sees it, shared by the indicator and the sale screen. Main does
 * the network work (real traffic, an idle check a minute); this only asks main — a local call,
 * every few seconds while something on screen listens.
 */
const POLL_MS = 3_000;
let level: ConnectionLevel | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

/** Asks main now (a saved mode change shows in the top bar at once, not at the next poll). */
export function refreshConnectionLevel(): void {
  refresh();
}

function refresh(): void {
  void safeCall((api) => api.getConnectionStatus({})).then((result) => {
    if (!result.ok || result.value.level === level) return;
    level = result.value.level;
    for (const listener of [...listeners]) listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    refresh();
    timer = setInterval(refresh, POLL_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The level now; null until main has answered once. */
export function useConnectionLevel(): ConnectionLevel | null {
  return useSyncExternalStore(subscribe, () => level);
}
