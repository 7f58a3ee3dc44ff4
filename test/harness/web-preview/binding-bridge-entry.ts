// The bundle entry for `GET /bridge.js` in binding mode: defines `window.pos` in the page.
import { createPosApi } from '../../../electron/preload-api.ts';
import { bindingTransport, type BindingBridgeGlobals } from './bridge.ts';

const page = globalThis as unknown as BindingBridgeGlobals & { pos?: unknown };
page.pos = Object.freeze(createPosApi(bindingTransport(page)));
