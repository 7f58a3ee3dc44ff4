import type { IpcError, IpcResult, PosApi } from '../../shared/ipc-contract.ts';

/**
 * The one place the renderer touches `window.pos`: the preload's bridge in Electron, or the web
 * preview's script loaded before this bundle. Read on every call, never cached at import time,
 * so the bundle works whichever way the bridge arrives.
 */
declare global {
  interface Window {
    pos: PosApi;
  }
}

export function hasPos(): boolean {
  return typeof window !== 'undefined' && typeof window.pos === 'object' && window.pos !== null;
}

export function pos(): PosApi {
  if (!hasPos()) throw new Error('window.pos is missing: the preload or the web-preview bridge did not load');
  return window.pos;
}

/** Turns a transport failure (a rejected promise, a missing bridge) into an `internal` result. */
export async function safeCall<T>(run: (api: PosApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await run(pos());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const failure: IpcError = { code: 'internal', detail };
    return { ok: false, error: failure };
  }
}
