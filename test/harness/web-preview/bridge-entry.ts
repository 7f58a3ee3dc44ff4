// The bundle entry for `GET /bridge.js` in HTTP mode: defines `window.pos` in the page.
import { createPosApi } from '../../../electron/preload-api.ts';
import { CAPABILITY_META, httpTransport, type HttpBridgeGlobals } from './bridge.ts';

interface MetaLike {
  content: string;
  remove(): void;
}
const page = globalThis as unknown as HttpBridgeGlobals & { pos?: unknown; document: { querySelector(selector: string): MetaLike | null } };
// The cashier page's capability (server.ts), taken out of the page once read: only the bridge keeps it.
const meta = page.document.querySelector(`meta[name="${CAPABILITY_META}"]`);
const capability = meta?.content ?? '';
meta?.remove();
page.pos = Object.freeze(createPosApi(httpTransport({ fetch: page.fetch.bind(globalThis), EventSource: page.EventSource }, capability)));
