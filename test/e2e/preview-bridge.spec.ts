import { ipcChannels } from '../../shared/ipc-channels.ts';
import type { PosApi } from '../../shared/ipc-contract.ts';
import { connectBinding } from '../harness/web-preview/binding.ts';
import { MAX_BODY_BYTES, startWebPreview } from '../harness/web-preview/server.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, test } from './fixtures.ts';

// The web preview's own contract: window.pos has exactly the preload's shape, and only the
// preview's own page can drive the till.

test('window.pos has one function per contract call plus onPaymentUpdate, nothing else', async ({ preview, page }) => {
  await page.goto(preview.url);
  const shape = await page.evaluate(() =>
    Object.entries((globalThis as unknown as { pos: Record<string, unknown> }).pos).map(([key, value]) => [key, typeof value]),
  );
  const expected = [...Object.keys(ipcChannels), 'onPaymentUpdate'].sort();
  expect(shape.map(([key]) => key).sort()).toEqual(expected);
  expect(new Set(shape.map(([, type]) => type))).toEqual(new Set(['function']));
});

test('calls need the preview origin, JSON, a known name and a small body', async ({ preview }) => {
  const call = (name: string, init: { origin?: string | null; type?: string; body?: string; host?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': init.type ?? 'application/json', 'X-Pos-Capability': preview.capability };
    if (init.origin !== null) headers.Origin = init.origin ?? preview.origin;
    return fetch(`${preview.origin}/api/${name}`, { method: 'POST', headers, body: init.body ?? '{}' });
  };
  const ok = await call('getSettings');
  expect(ok.status).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, value: { settings: { environment: 'training' } } });

  expect((await call('getSettings', { origin: 'http://evil.example' })).status).toBe(403);
  expect((await call('getSettings', { origin: 'http://127.0.0.1:1' })).status).toBe(403);
  expect((await call('getSettings', { origin: null })).status).toBe(403);
  expect((await call('getSettings', { type: 'text/plain' })).status).toBe(415);
  expect((await call('getSettings', { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
  expect((await call('toString')).status).toBe(404);
  expect((await call('__proto__')).status).toBe(404);
  expect((await call('getSettings', { body: 'not json' })).status).toBe(400);
  const big = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
  expect((await call('charge', { body: big })).status).toBe(413);
  // A request the router refuses is still an IpcResult, as over IPC.
  const bad = await call('charge', { body: '{"amount": 10000, "extra": true}' });
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(preview.simulator.orders()).toEqual([]);
});

test('a page on another site cannot drive the till', async ({ preview, page }) => {
  // Another origin in the same browser (a second loopback server stands in for a foreign site).
  const { createServer } = await import('node:http');
  const foreign = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', () => done()));
  const port = (foreign.address() as import('node:net').AddressInfo).port;
  try {
    await page.goto(`http://localhost:${port}/`);
    const outcome = await page.evaluate(async (target) => {
      const tries: string[] = [];
      for (const mode of ['cors', 'no-cors'] as const) {
        try {
          const response = await fetch(`${target}/api/charge`, {
            method: 'POST',
            mode,
            headers: { 'Content-Type': mode === 'cors' ? 'application/json' : 'text/plain' },
            body: JSON.stringify({ amount: 50000 }),
          });
          tries.push(`${mode}:${response.status}`);
        } catch {
          tries.push(`${mode}:blocked`);
        }
      }
      return tries;
    }, preview.origin);
    expect(outcome[0]).toBe('cors:blocked'); // the preflight gets no CORS grant
    expect(preview.simulator.orders()).toEqual([]);
  } finally {
    foreign.closeAllConnections();
    await new Promise((done) => foreign.close(done));
  }
});

test('the DNS-rebinding guard: a foreign Host is refused', async ({ preview }) => {
  const { request } = await import('node:http');
  const statusFor = (path: string) =>
    new Promise<number>((done, fail) => {
      const req = request(`${preview.origin}${path}`, { headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
  expect(await statusFor('/')).toBe(403);
  expect(await statusFor('/api/events')).toBe(403);
});

test('static files come only from the built renderer', async ({ preview }) => {
  const { request } = await import('node:http');
  const statusFor = (path: string) =>
    new Promise<number>((done, fail) => {
      // node:http sends the path as written (fetch would resolve the dots first).
      const req = request({ host: '127.0.0.1', port: new URL(preview.origin).port, path }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
  expect(await statusFor('/bridge.js')).toBe(200);
  expect(await statusFor('/../../package.json')).toBe(404);
  expect(await statusFor('/%2e%2e/%2e%2e/package.json')).toBe(404);
  expect(await statusFor('/%E0%A4%A')).toBe(400);
  expect(await statusFor('/receipt/%E0%A4%A')).toBe(400); // issue 21, item 9: was 500
  expect(await statusFor('/api/events')).toBe(403); // the cashier page's push stream needs its capability
  expect(await statusFor(`/api/events?capability=${preview.capability}`)).toBe(200);
});

// Issue 21, item 8: /customer has no window.pos but, same-origin, could call every /api endpoint.
test("the customer page never receives the cashier page's capability, and /api refuses calls without it", async ({ preview, page, context }) => {
  await page.goto(preview.url);
  const cashierCall = await page.evaluate(async () => (await (globalThis as unknown as { pos: PosApi }).pos.getSettings({})).ok);
  expect(cashierCall).toBe(true);
  expect(await page.locator('meta[name="pos-capability"]').count()).toBe(0); // read once by the bridge

  const customer = await context.newPage();
  await customer.goto(`${preview.origin}/customer`);
  const attempt = await customer.evaluate(async () => {
    const home = await (await fetch('/')).text();
    const bridge = await (await fetch('/bridge.js')).text();
    const call = await fetch('/api/charge', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"amount":10000}' });
    const guessed = await fetch('/api/charge', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Pos-Capability': 'guess' },
      body: '{"amount":10000}',
    });
    return { home, bridge, call: call.status, guessed: guessed.status };
  });
  expect(attempt.call).toBe(403);
  expect(attempt.guessed).toBe(403);
  expect(attempt.home).not.toContain(preview.capability);
  expect(attempt.bridge).not.toContain(preview.capability);
  expect(await customer.content()).not.toContain(preview.capability);
  expect(preview.simulator.orders()).toEqual([]);
});

test('the binding transport (benchmarks): the same window.pos, calls and pushes, only from the preview frame', async ({ page }) => {
  const preview = await startWebPreview({ transport: 'binding' });
  try {
    await connectBinding(page, preview);
    await setUpTraining(preview);
    await page.goto(preview.url);
    const shape = await page.evaluate(() => Object.keys((globalThis as unknown as { pos: object }).pos).sort());
    expect(shape).toEqual([...Object.keys(ipcChannels), 'onPaymentUpdate'].sort());

    // A charge from the page: its answer, and a push for each step of the payment.
    const seen = await page.evaluate(async () => {
      const pos = (globalThis as unknown as { pos: PosApi }).pos;
      const states: string[] = [];
      pos.onPaymentUpdate((payment) => states.push(payment.state));
      const charged = await pos.charge({ amount: 25_000 });
      if (!charged.ok) return { charged: 'refused', states };
      states.push(`answer:${charged.value.state}`);
      await pos.settleTraining({ tradeNo: charged.value.tradeNo, outcome: 'paid' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { charged: charged.value.state, states };
    });
    expect(seen.charged).toBe('awaiting_payment');
    // Pushes travel apart from answers (as SSE does beside fetch); the renderer keeps the newest.
    expect([...seen.states].sort()).toEqual(['answer:awaiting_payment', 'awaiting_payment', 'creating', 'paid']);
    expect(seen.states.at(-1)).toBe('paid');

    // A frame that is not the preview's page is not answered.
    const fromChildFrame = await page.evaluate(async () => {
      // Typed by hand: the root tsconfig has no DOM library.
      type ChildFrame = {
        srcdoc: string;
        contentWindow: { posInvoke?: (channel: string, request: unknown) => Promise<unknown> } | null;
        addEventListener(type: 'load', listener: (value: unknown) => void, options: { once: boolean }): void;
      };
      const { document } = globalThis as unknown as {
        document: { createElement(tag: 'iframe'): ChildFrame; body: { append(node: ChildFrame): void } };
      };
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>elsewhere</p>';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const invoke = frame.contentWindow?.posInvoke;
      if (!invoke) return 'the binding is missing in the child frame';
      return invoke('payment:charge', { amount: 25_000 }).then(
        () => 'answered',
        (error: unknown) => String(error),
      );
    });
    expect(fromChildFrame).toMatch(/a call from a frame that is not the preview/);
    expect(preview.simulator.orders()).toHaveLength(1);
  } finally {
    await preview.close();
  }
});
