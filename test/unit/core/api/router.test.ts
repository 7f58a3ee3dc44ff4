import fc from 'fast-check';
import { DEFAULT_CASH_SETTINGS } from '../../../../shared/cash-settings.ts';
import { emptyReport } from '../../../../electron/core/day/report.ts';
import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, isIpcCallName, type IpcHandlers } from '../../../../electron/core/api/router.ts';
import { PosError } from '../../../../electron/core/errors.ts';
import {
  ipcContract,
  ipcErrorSchema,
  type IpcCallName,
  type IpcRequest,
} from '../../../../shared/ipc-contract.ts';
import { PAYMENT_STATES, type PaymentView } from '../../../../shared/payment.ts';
import { DEFAULT_RECEIPT_SETTINGS } from '../../../../shared/receipt-settings.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';

const payment: PaymentView = {
  tradeNo: 'POS20250101120000ABCD',
  platformTradeNo: null,
  amount: 39_000,
  paidAmount: null,
  overpaidAmount: null,
  state: 'awaiting_payment',
  counterState: 'awaiting_payment',
  gatewayStatus: '0015',
  customer: { name: 'Pelanggan', mobile: '081234567890', email: 'pelanggan@example.com' },
  cashier: null,
  qr: { kind: 'none' },
  paymentUrl: null,
  errorCode: null,
  errorDetail: null,
  environment: 'training',
  paidLate: null,
  createdAt: 1,
  updatedAt: 2,
  expiresAt: 3,
};
const settingsView = {
  settings: DEFAULT_SETTINGS,
  secret: { configured: false, hint: null },
  adminPinSet: false,
  secretProtection: 'os' as const,
  savedOnce: false,
};

function fakeHandlers(): IpcHandlers {
  return {
    getSettings: async () => settingsView,
    updateSettings: async () => settingsView,
    testConnection: async () => ({ environment: 'training' }),
    unlockAdmin: async () => ({ unlocked: true }),
    lockAdmin: async () => ({ unlocked: false }),
    setAdminPin: async () => ({ adminPinSet: true }),
    charge: async () => payment,
    chargeRest: async () => payment,
    payCash: async () => payment,
    getPayment: async () => payment,
    watchPayment: async ({ tradeNo }) => ({ watching: tradeNo }),
    cancelPayment: async () => ({ ...payment, state: 'cancelled' }),
    recheckPayment: async () => payment,
    listToday: async () => ({
      businessDate: '2026-03-02',
      dayStart: 0,
      dayEnd: 1,
      payments: [payment],
      next: null,
      receivedTotal: 0,
      paidCount: 0,
      partialCount: 0,
      outstandingTotal: 0,
      countByState: Object.fromEntries(PAYMENT_STATES.map((state) => [state, 0])) as Record<PaymentView['state'], number>,
    }),
    settleTraining: async () => ({ ...payment, state: 'paid', paidAmount: 39_000 }),
    getDayStatus: async () => ({ businessDate: '2026-03-02', dayStart: 0, dayEnd: 1, shift: null, cashierPins: false, needsAttention: 0, overpaidToResolve: 0, csvFormat: 'excel-semicolon' as const }),
    listCashiers: async () => ({ cashiers: [cashier] }),
    addCashier: async () => cashier,
    retireCashier: async () => ({ cashiers: [] }),
    setCashierPin: async () => ({ cashiers: [cashier] }),
    renameCashier: async () => ({ cashiers: [cashier] }),
    openShift: async () => shift,
    closeShift: async () => ({ ...shift, closedAt: 2, report }),
    getShiftReport: async () => ({ ...shift, report }),
    getDayReport: async () => ({ businessDate: '2026-03-02', toDate: '2026-03-02', from: 0, to: 1, report, shifts: [{ ...shift, report }], later: { count: 0, amount: 0 } }),
    listSales: async () => ({ sales: [sale], next: '1.2' }),
    recheckSale: async () => ({ sale, answer: { kind: 'answered' as const, status: '0015', outcome: 'processing' as const, checkedAt: 2 } }),
    exportSales: async () => ({ outcome: 'download' as const, fileName: 'penjualan-2026-03-02.csv', csv: '\uFEFFa\r\n', rows: 0 }),
    listLatePayments: async () => ({ sales: [sale] }),
    resolveLatePayment: async () => ({ ...sale, resolution: 'other' }),
    listOverpaid: async () => ({ items: [] }),
    resolveOverpaid: async () => ({ items: [] }),
    listDisplays: async () => ({ displays: [] }),
    getConnectionStatus: async () => ({ level: 'training', checkedAt: null, latencyMs: null }),
    getReceiptSettings: async () => ({ settings: DEFAULT_RECEIPT_SETTINGS }),
    updateReceiptSettings: async () => ({ settings: DEFAULT_RECEIPT_SETTINGS }),
    printReceipt: async ({ tradeNo }) => ({ tradeNo, state: 'queued', errorCode: null, errorDetail: null, printedCount: 0, updatedAt: 1 }),
    getPrintStatus: async () => ({ status: null }),
    testPrint: async () => ({ printer: '127.0.0.1:9100' }),
    listPrinters: async () => ({ printers: [] }),
    saveReceiptPdf: async () => ({ saved: false }),
    printDayReport: async () => ({ printer: '127.0.0.1:9100' }),
    printShiftReport: async () => ({ printer: '127.0.0.1:9100' }),
    sendReceiptWhatsApp: async () => ({ opened: false, url: 'https://wa.me/6281234567890?text=x' }),
    getCashSettings: async () => ({ settings: DEFAULT_CASH_SETTINGS }),
    updateCashSettings: async () => ({ settings: DEFAULT_CASH_SETTINGS }),
    openDrawer: async () => ({ at: 1, cashierName: 'Siti' }),
    moveCash: async () => ({ id: 1, shiftId: 1, at: 1, kind: 'cash_out', amount: 15_000, reason: 'beli es batu' }),
    setFloat: async () => ({ id: 1, shiftId: 1, at: 1, kind: 'float', amount: 300_000, reason: '' }),
    listCashMovements: async () => ({ movements: [] }),
    startReconciliation: async () => reconciliation,
    getReconciliation: async () => ({ reconciliation }),
    getPayoutEstimate: async () => ({ plan: 'regular', count: 1, received: 100_000, mdr: 700, expected: 99_300 }),
    getHqStatus: async () => ({ configured: false, pending: 0, unreachableSince: null, outdated: false, lastSyncAt: null, ownerView: false, tillName: 'Kasir', outletName: '' }),
    getHqReport: async () => ({ businessDate: '2026-03-02', toDate: '2026-03-02', report, tills: [], thisTill: '', shifts: [], late: [] }),
    searchHq: async () => ({ sales: [] }),
    exportHq: async () => ({ outcome: 'cancelled' }),
    configureHq: async () => ({ configured: true, pending: 0, unreachableSince: null, outdated: false, lastSyncAt: null, ownerView: false, tillName: 'Kasir 1', outletName: '' }),
    testHq: async () => ({ tillName: 'Kasir 1' }),
  };
}

const reconciliation = {
  id: 1,
  businessDate: '2026-03-02',
  trigger: 'owner' as const,
  startedAt: 1,
  finishedAt: null,
  status: 'running' as const,
  pausedForSale: false,
  total: 3,
  checked: 1,
  ratePerSecond: 2,
  counts: { agrees: 1, applied: 0, paid_late: 0, differs: 0, unknown_to_gateway: 0, forgotten_by_simulator: 0, no_answer: 0 },
  items: [],
};

const report = {
  ...emptyReport(),
  resolutions: { goods_handed_over: 0, refunded_cash: 0, other: 0 },
  earlier: { count: 0, amount: 0 },
  overpaid: { count: 0, amount: 0 },
};
const cashier = { id: 1, name: 'Siti', hasPin: true, isDefault: false, retired: false };
const shift = { id: 1, cashierId: 1, cashierName: 'Siti', openedAt: 1, closedAt: null };
const sale = { ...payment, shiftId: 1, cashierName: 'Siti', late: true, resolution: null };

/** One valid request per call. */
const validRequests: { [K in IpcCallName]: IpcRequest<K> } = {
  getSettings: {},
  updateSettings: { patch: { language: 'en' }, secret: 'top-secret' },
  testConnection: {},
  unlockAdmin: { pin: '1234' },
  lockAdmin: {},
  setAdminPin: { newPin: '1234' },
  charge: { amount: 39_000 },
  chargeRest: { saleTradeNo: 'T-1' },
  payCash: { amount: 39_000, tendered: '50.000' },
  getPayment: { tradeNo: payment.tradeNo },
  watchPayment: { tradeNo: null },
  cancelPayment: { tradeNo: payment.tradeNo },
  recheckPayment: { tradeNo: payment.tradeNo },
  listToday: {},
  settleTraining: { tradeNo: payment.tradeNo, outcome: 'paid' },
  startReconciliation: { trigger: 'owner' },
  getReconciliation: { date: '2026-03-02' },
  getPayoutEstimate: { from: '2026-03-02' },
  getDayStatus: {},
  listCashiers: {},
  addCashier: { name: 'Siti', pin: '1234' },
  retireCashier: { id: 1 },
  setCashierPin: { id: 1, pin: '1234' },
  renameCashier: { id: 1, name: 'Siti' },
  openShift: { cashierId: 1, pin: '1234' },
  closeShift: {},
  getShiftReport: { shiftId: 1 },
  getDayReport: { from: '2026-03-02' },
  listSales: { amount: '25.000', from: '2026-03-02', fromTime: '14:00', toTime: '14:30' },
  recheckSale: { tradeNo: payment.tradeNo },
  exportSales: { from: '2026-03-01', to: '2026-03-31', format: 'excel-semicolon' },
  listLatePayments: {},
  resolveLatePayment: { tradeNo: payment.tradeNo, outcome: 'refunded_cash', note: 'uang kembali' },
  listOverpaid: {},
  resolveOverpaid: { tradeNo: payment.tradeNo, outcome: 'kept', note: 'deposit pelanggan' },
  listDisplays: {},
  getConnectionStatus: {},
  getReceiptSettings: {},
  updateReceiptSettings: { patch: { copies: 2 } },
  printReceipt: { tradeNo: payment.tradeNo },
  getPrintStatus: { tradeNo: payment.tradeNo },
  testPrint: {},
  listPrinters: {},
  saveReceiptPdf: { tradeNo: payment.tradeNo },
  printDayReport: { from: '2026-03-02' },
  printShiftReport: { shiftId: 1 },
  sendReceiptWhatsApp: { tradeNo: 'T1' },
  getCashSettings: {},
  updateCashSettings: { patch: { drawerPin: 5 } },
  openDrawer: { reason: 'tukar uang' },
  moveCash: { kind: 'cash_out', amount: 15_000, reason: 'beli es batu' },
  setFloat: { amount: 300_000 },
  listCashMovements: { shiftId: 1 },
  getHqStatus: {},
  getHqReport: { scope: { kind: 'all' } },
  searchHq: { number: 'TRX-1' },
  exportHq: { scope: { kind: 'all' } },
  testHq: {},
  configureHq: { till: { url: 'postgres://till@127.0.0.1/hq', password: 'x' }, names: { tillName: 'Kasir 1', outletName: '' } },
};

const callNames = Object.keys(ipcContract) as IpcCallName[];
const silentLogger = () => ({ error: vi.fn() });

describe('createIpcRouter', () => {
  it.each(callNames)('dispatches %s to its handler and answers within the response schema', async (name) => {
    const handlers = fakeHandlers();
    const spy = vi.spyOn(handlers, name);
    const router = createIpcRouter(handlers, { logger: silentLogger() });
    const result = await router.dispatch(name, validRequests[name]);
    expect(result.ok).toBe(true);
    expect(spy).toHaveBeenCalledOnce();
    expect(spy).toHaveBeenCalledWith(validRequests[name]);
    if (result.ok) expect(ipcContract[name].response.safeParse(result.value).success).toBe(true);
  });

  it('answers bad_request for names that are not calls, including prototype keys', async () => {
    const router = createIpcRouter(fakeHandlers(), { logger: silentLogger() });
    for (const name of ['nope', 'toString', '__proto__', 'constructor', 'settings:get', '']) {
      expect(await router.dispatch(name, {})).toEqual({ ok: false, error: { code: 'bad_request', detail: 'unknown call' } });
    }
    expect(isIpcCallName('charge')).toBe(true);
    expect(isIpcCallName(42)).toBe(false);
  });

  it('answers bad_request with the broken field, without calling the handler', async () => {
    const handlers = fakeHandlers();
    const spy = vi.spyOn(handlers, 'unlockAdmin');
    const router = createIpcRouter(handlers, { logger: silentLogger() });
    const result = await router.dispatch('unlockAdmin', { pin: 1234, extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.detail).toMatch(/pin/);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('never throws and always answers a typed error for arbitrary JSON at every call', async () => {
    const logger = silentLogger();
    const router = createIpcRouter(fakeHandlers(), { logger });
    const names = fc.oneof(fc.constantFrom(...callNames), fc.string());
    await fc.assert(
      fc.asyncProperty(names, fc.jsonValue(), async (name, raw) => {
        const result = await router.dispatch(name, raw);
        if (result.ok) {
          // Only a request the schema accepts may get through.
          expect(isIpcCallName(name) && ipcContract[name].request.safeParse(raw).success).toBe(true);
        } else {
          expect(ipcErrorSchema.safeParse(result.error).success).toBe(true);
          expect(result.error.code).toBe('bad_request');
        }
      }),
      { numRuns: 500 },
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('turns a PosError into its IpcError', async () => {
    const handlers = fakeHandlers();
    handlers.charge = async () => {
      throw new PosError('validation', { detail: 'amount', fields: { amount: { code: 'amount.too_small' } } });
    };
    const router = createIpcRouter(handlers, { logger: silentLogger() });
    expect(await router.dispatch('charge', { amount: 1 })).toEqual({
      ok: false,
      error: { code: 'validation', detail: 'amount', fields: { amount: { code: 'amount.too_small' } } },
    });
  });

  it('hides any other error behind `internal` and logs it', async () => {
    const handlers = fakeHandlers();
    const bug = new TypeError('secret=hunter2 at /home/shop/.config');
    handlers.getSettings = async () => {
      throw bug;
    };
    const logger = silentLogger();
    const router = createIpcRouter(handlers, { logger });
    const result = await router.dispatch('getSettings', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logger.error).toHaveBeenCalledWith('IPC handler failed', { call: 'getSettings', error: bug });
  });

  it('catches a handler that throws synchronously or rejects with a non-Error', async () => {
    const handlers = fakeHandlers();
    handlers.lockAdmin = (() => {
      throw 'not an error';
    }) as IpcHandlers['lockAdmin'];
    handlers.unlockAdmin = () => Promise.reject(null);
    const router = createIpcRouter(handlers, { logger: silentLogger() });
    expect(await router.dispatch('lockAdmin', {})).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await router.dispatch('unlockAdmin', { pin: '1' })).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('answers internal when a handler returns something outside the response schema', async () => {
    const handlers = fakeHandlers();
    handlers.getPayment = async () => ({ ...payment, amount: 'lots' }) as unknown as PaymentView;
    const logger = silentLogger();
    const router = createIpcRouter(handlers, { logger });
    expect(await router.dispatch('getPayment', { tradeNo: 'x' })).toEqual({ ok: false, error: { code: 'internal' } });
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('strips keys the response schema does not name, so a stray secret never crosses IPC', async () => {
    const handlers = fakeHandlers();
    handlers.getSettings = async () => ({ ...settingsView, appSecret: 'hunter2' }) as typeof settingsView;
    const router = createIpcRouter(handlers, { logger: silentLogger() });
    const result = await router.dispatch('getSettings', {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
