// The bundle entry for `GET /bridge.js` in HTTP mode: defines `window.pos` in the page.
import { createPosApi } from '../../../electron/preload-api.ts';
import { httpTransport, type HttpBridgeGlobals } from './bridge.ts';

const page = globalThis as unknown as HttpBridgeGlobals & { pos?: unknown };
page.pos = Object.freeze(createPosApi(httpTransport({ fetch: page.fetch.bind(globalThis), EventSource: page.EventSource })));
