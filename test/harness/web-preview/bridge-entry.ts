// The bundle entry for `GET /bridge.js`: defines `window.pos` in the page.
import { createWebPosApi, type BridgeGlobals } from './bridge.ts';

const page = globalThis as unknown as BridgeGlobals & { pos?: unknown };
page.pos = Object.freeze(createWebPosApi({ fetch: page.fetch.bind(globalThis), EventSource: page.EventSource }));
