// The bundle entry for `GET /customer-bridge.js`: defines `window.customerDisplay` on /customer,
// the customer display's subscription and nothing else (no window.pos, no calls).
import { createCustomerDisplayApi } from '../../../electron/customer-preload-api.ts';
import { customerFeedTransport, type HttpBridgeGlobals } from './bridge.ts';

const page = globalThis as unknown as Pick<HttpBridgeGlobals, 'EventSource'> & { customerDisplay?: unknown };
page.customerDisplay = Object.freeze(createCustomerDisplayApi(customerFeedTransport({ EventSource: page.EventSource })));
