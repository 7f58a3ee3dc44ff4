import { z } from 'zod';
import { paymentViewSchema, PAYMENT_STATES } from './payment.ts';
import { ENVIRONMENTS, LANGUAGES, settingsSchema } from './settings.ts';
import { printStatusSchema, receiptSettingsSchema } from './receipt-settings.ts';
import { ipcChannels, paymentUpdateChannel, type IpcChannelName } from './ipc-channels.ts';
import * as day from './day/day-contract.ts';
import * as cash from './day/shift-cash.ts';
import { cashSettingsSchema } from './cash-settings.ts';
import { mdrPlanSchema, payoutEstimateSchema } from './day/mdr.ts';
import * as recon from './day/reconcile-contract.ts';
import * as hq from './hq-contract.ts';

export { ipcChannels, paymentUpdateChannel };

/**
 * The one list of calls the renderer can make into main. The preload, the main-side router and
 * the web-preview bridge are all generated from it: no channel name is written anywhere else.
 *
 * Every call answers with an `IpcResult`: errors cross IPC as data with a stable `code` the
 * renderer translates, never as thrown exceptions (Electron would flatten them into a string).
 */

/** A rule broken by one input field, e.g. `{ code: 'mobile.bad_prefix' }` (shared/validation.ts). */
export const fieldErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const ipcErrorSchema = z.object({
  /** Stable, translatable: `validation`, `not_configured`, `locked`, `not_found`, `gateway.timeout`… */
  code: z.string(),
  /** Technical detail for the "details" disclosure; never contains secrets. */
  detail: z.string().optional(),
  /** For `validation`: the broken rule per input field. */
  fields: z.record(z.string(), fieldErrorSchema).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const customerInputSchema = z.object({
  name: z.string().max(200).optional(),
  mobile: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
});

const settingsPatchSchema = z.object({
  environment: z.enum(ENVIRONMENTS).optional(),
  merchantNo: z.string().max(20).optional(),
  baseUrl: z.string().max(2048).optional(),
  notifyUrl: z.string().max(2048).optional(),
  defaultCustomer: customerInputSchema.optional(),
  limits: z
    .object({ minAmount: z.number().optional(), maxAmount: z.number().optional() })
    .optional(),
  qrExpiryMinutes: z.number().optional(),
  language: z.enum(LANGUAGES).optional(),
  day: z
    .object({
      cutoff: z.string().max(8).optional(),
      cashierPins: z.boolean().optional(),
      supervisorCancelAfterMinutes: z.number().optional(),
    })
    .optional(),
  customerDisplay: z
    .object({
      language: z.enum(LANGUAGES).optional(),
      displayId: z.number().nullable().optional(),
    })
    .optional(),
  paymentSounds: z.boolean().optional(),
  requireSignedAnswers: z.boolean().optional(),
  mdr: z.object({ plan: mdrPlanSchema.optional() }).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const settingsViewSchema = z.object({
  settings: settingsSchema,
  secret: z.object({ configured: z.boolean(), hint: z.string().nullable() }),
  adminPinSet: z.boolean(),
  /** How well the OS protects the secret; `weak` on Linux's basic_text backend. */
  secretProtection: z.enum(['os', 'weak', 'unavailable']),
  /** The owner has saved the settings at least once (training then needs nothing more to sell). */
  savedOnce: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

const tradeNoSchema = z.object({ tradeNo: z.string().min(1).max(64) });
const noArguments = z.object({}).strict();

/** The channel comes from the zod-free map (shared/ipc-channels.ts) the preload bundles. */
function call<Name extends IpcChannelName, Req extends z.ZodType, Res extends z.ZodType>(
  name: Name,
  request: Req,
  response: Res,
) {
  return { channel: ipcChannels[name], request, response };
}

/** A CSV: saved where the owner chose (app), cancelled, or handed over to download (web preview). */
const exportSalesResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string(), rows: z.number().int() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('download'), fileName: z.string(), csv: z.string(), rows: z.number().int() }),
]);

export const ipcContract = {
  /** Settings as the settings screen shows them; the secret only as configured + masked hint. */
  getSettings: call('getSettings', noArguments, settingsViewSchema),
  /** Needs the admin session unlocked once a PIN is set. The secret is write-only. */
  updateSettings: call(
    'updateSettings',
    z.object({ patch: settingsPatchSchema, secret: z.string().max(512).optional() }).strict(),
    settingsViewSchema,
  ),
  /** Asks the gateway for the balance with the stored credentials: a verdict on the setup. */
  testConnection: call('testConnection', noArguments, z.object({ environment: z.enum(ENVIRONMENTS) })),
  /** Unlocks the settings screen for this session. */
  unlockAdmin: call('unlockAdmin', z.object({ pin: z.string().max(32) }).strict(), z.object({ unlocked: z.literal(true) })),
  lockAdmin: call('lockAdmin', noArguments, z.object({ unlocked: z.literal(false) })),
  /** Sets or changes the admin PIN (4–8 digits); the current PIN is needed once one is set. */
  setAdminPin: call(
    'setAdminPin',
    z.object({ newPin: z.string().max(32), currentPin: z.string().max(32).optional() }).strict(),
    z.object({ adminPinSet: z.literal(true) }),
  ),
  /** Starts a sale: validated, written to the ledger, then sent to the gateway exactly once. */
  charge: call(
    'charge',
    z.object({ amount: z.union([z.number(), z.string().max(32)]), customer: customerInputSchema.optional() }).strict(),
    paymentViewSchema,
  ),
  /** "Tagih sisa": a new QR for exactly what the sale still owes, linked to it (issue 20 item 2). */
  chargeRest: call('chargeRest', z.object({ saleTradeNo: z.string().min(1).max(64) }).strict(), paymentViewSchema),
  /**
   * Cash at the counter (issue 22): a new cash sale (`amount`), or what the sale `saleTradeNo`
   * still owes (its open QR is cancelled first). Answers the cash payment, with its sale.
   */
  payCash: call(
    'payCash',
    z.object({
      amount: z.union([z.number(), z.string().max(32)]).optional(),
      customer: customerInputSchema.optional(),
      saleTradeNo: z.string().min(1).max(64).optional(),
      tendered: z.union([z.number(), z.string().max(32)]),
    }).strict(),
    paymentViewSchema,
  ),
  getPayment: call('getPayment', tradeNoSchema.strict(), paymentViewSchema),
  /** Tells main which payment is on screen (null: none) so it polls that one about every second. */
  watchPayment: call(
    'watchPayment',
    z.object({ tradeNo: z.string().min(1).max(64).nullable() }).strict(),
    z.object({ watching: z.string().nullable() }),
  ),
  /** Closes the sale on the counter; main keeps checking it so a late payment is still found. */
  cancelPayment: call('cancelPayment', tradeNoSchema.extend({ supervisorPin: z.string().max(32).optional() }).strict(), paymentViewSchema),
  /** Asks the gateway now, whatever the polling schedule. */
  recheckPayment: call('recheckPayment', tradeNoSchema.strict(), paymentViewSchema),
  /**
   * One page of the day's payments (the business day, after the cut-off setting), newest first
   * (25 unless `limit` says; `limit` 0: the totals only), `next` the cursor of the following page
   * or null, with the whole day's totals: money received (paid and partial), sales paid in full,
   * and partially paid sales with what they still owe. `businessDate`, `dayStart`, `dayEnd`: the
   * day listed ([start, end), epoch ms), so the screen keeps rows and totals of one day.
   */
  listToday: call(
    'listToday',
    z
      .object({
        cursor: z.string().max(40).optional(),
        limit: z.number().int().min(0).max(200).optional(),
      })
      .strict(),
    z.object({
      businessDate: z.string(),
      dayStart: z.number().int(),
      dayEnd: z.number().int(),
      payments: z.array(paymentViewSchema),
      next: z.string().nullable(),
      receivedTotal: z.number().int(),
      /** The same money by how it was paid (issue 22). */
      receivedByMethod: z.object({ qris: z.number().int(), cash: z.number().int() }).optional(),
      paidCount: z.number().int(),
      partialCount: z.number().int(),
      outstandingTotal: z.number().int(),
      countByState: z.record(z.enum(PAYMENT_STATES), z.number().int()),
    }),
  ),
  /** Training mode only: make the simulator settle the payment as the cashier chooses. */
  settleTraining: call(
    'settleTraining',
    z.object({ tradeNo: z.string().min(1).max(64), outcome: z.enum(['paid', 'partial', 'failed']) }).strict(),
    paymentViewSchema,
  ),
  // ---- the shop's day (issue 16; shapes in shared/day/day-contract.ts) ----
  /** Business day, open shift, whether shifts need a PIN, and how many late payments await a person. */
  getDayStatus: call('getDayStatus', noArguments, day.dayStatusSchema),
  listCashiers: call('listCashiers', noArguments, z.object({ cashiers: z.array(day.cashierViewSchema) })),
  /** The owner (admin session) adds a cashier with a name and a 4–6 digit PIN. */
  addCashier: call('addCashier', z.object({ name: z.string().max(200), pin: z.string().max(32) }).strict(), day.cashierViewSchema),
  /** The owner retires a cashier (never deleted: their sales keep their name). */
  retireCashier: call('retireCashier', z.object({ id: z.number().int() }).strict(), z.object({ cashiers: z.array(day.cashierViewSchema) })),
  /** The owner (admin session) gives a cashier (the default one too) a 4–6 digit PIN, or a new one. */
  setCashierPin: call('setCashierPin', z.object({ id: z.number().int(), pin: z.string().max(32) }).strict(), z.object({ cashiers: z.array(day.cashierViewSchema) })),
  /** The owner (admin session) renames a cashier. */
  renameCashier: call('renameCashier', z.object({ id: z.number().int(), name: z.string().max(200) }).strict(), z.object({ cashiers: z.array(day.cashierViewSchema) })),
  /** A cashier's PIN opens a shift; or the owner's (`supervisorPin`) for a cashier locked out, lifting the lockout. */
  openShift: call(
    'openShift',
    z.object({
      cashierId: z.number().int(),
      pin: z.string().max(32),
      supervisorPin: z.string().max(32).optional(),
      /** Modal awal: the cash counted into the drawer at open (issue 22); default none. */
      float: z.number().int().min(0).max(cash.MAX_CASH_AMOUNT).optional(),
    }).strict(),
    day.shiftViewSchema,
  ),
  /**
   * Closes the open shift with its report; with a payment awaiting it needs the owner's PIN. With
   * `count` (issue 22), the drawer's count against the `expected` cash the dialog showed is frozen
   * in the report; a difference above the setting's threshold needs the owner's PIN too.
   */
  closeShift: call(
    'closeShift',
    z.object({
      supervisorPin: z.string().max(32).optional(),
      count: cash.drawerCountSchema.optional(),
    }).strict(),
    day.closedShiftSchema,
  ),
  /** One shift and its report (live while open): what "Tutup shift" is about to close. */
  getShiftReport: call('getShiftReport', z.object({ shiftId: z.number().int() }).strict(), day.closedShiftSchema),
  /** Report of a business day or range, and of each shift in it. */
  getDayReport: call('getDayReport', day.dateRangeRequest, day.dayReportSchema),
  /** One page of the history, newest first, or a search (amount, time, trade number, state). */
  listSales: call('listSales', day.listSalesRequest, day.salePageSchema),
  /**
   * The history's "Cek ulang": asks the gateway about one sale now, whatever its state or age, and
   * answers the sale as it stands after and what the gateway said (also when nothing changed).
   */
  recheckSale: call('recheckSale', z.object({ tradeNo: z.string().min(1).max(64) }).strict(), day.recheckSaleResponse),
  /**
   * CSV of a business day or range (UTF-8 BOM; `;` or `,` and Excel's text protection, or plain
   * RFC 4180: shared/day/csv-format.ts). In the app main asks where to save it (`saved`, or
   * `cancelled`); the web preview has no dialog and gets the file to download.
   */
  exportSales: call('exportSales', day.exportSalesRequest, exportSalesResponse),
  /** Sales paid after the counter closed them, not yet resolved ("Perlu tindakan"). */
  listLatePayments: call('listLatePayments', noArguments, z.object({ sales: z.array(day.saleViewSchema) })),
  /** Records what was done about a late payment (a refund is recorded here, not sent to Paypro). */
  resolveLatePayment: call('resolveLatePayment', day.resolveLateRequest, day.saleViewSchema),
  /** Overpayments nobody has said what became of yet ("Perlu tindakan", issue 22). */
  listOverpaid: call('listOverpaid', noArguments, z.object({ items: z.array(day.overpaidViewSchema) })),
  /** Records what became of an overpayment; a cash refund needs the owner (open admin session or `supervisorPin`). */
  resolveOverpaid: call('resolveOverpaid', day.resolveOverpaidRequest, z.object({ items: z.array(day.overpaidViewSchema) })),
  /** The connected screens, for the customer display's choice in the settings (none in a browser). */
  listDisplays: call(
    'listDisplays',
    noArguments,
    z.object({
      displays: z.array(
        z.object({ id: z.number().int(), label: z.string(), width: z.number(), height: z.number(), cashier: z.boolean() }),
      ),
    }),
  ),
  /** How reachable Paypro looks (from real traffic and an idle check), for the cashier's indicator. */
  getConnectionStatus: call(
    'getConnectionStatus',
    noArguments,
    z.object({
      level: z.enum(['reachable', 'slow', 'unreachable', 'unknown', 'training']),
      checkedAt: z.number().nullable(),
      latencyMs: z.number().nullable(),
    }),
  ),
  /** Receipts (issue 12): printer, paper, auto-print, copies, header and footer lines. */
  getReceiptSettings: call('getReceiptSettings', noArguments, z.object({ settings: receiptSettingsSchema })),
  /** Needs the admin session unlocked once a PIN is set; validated whole, nothing stored on a broken rule. */
  updateReceiptSettings: call(
    'updateReceiptSettings',
    z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ settings: receiptSettingsSchema }),
  ),
  /** Queues a receipt (a reprint after the first) and answers at once with the job's status. */
  printReceipt: call('printReceipt', tradeNoSchema.strict(), printStatusSchema),
  /** The sale's print job, or what the event log says; null: never printed. */
  getPrintStatus: call('getPrintStatus', tradeNoSchema.strict(), z.object({ status: printStatusSchema.nullable() })),
  /** Prints a test page on the configured printer and answers with the verdict. */
  testPrint: call('testPrint', noArguments, z.object({ printer: z.string() })),
  /** The operating system's printers (none outside Electron). */
  listPrinters: call(
    'listPrinters',
    noArguments,
    z.object({ printers: z.array(z.object({ name: z.string(), displayName: z.string() })) }),
  ),
  /** "Simpan PDF": the receipt as a PDF where the cashier chooses (Electron only). */
  saveReceiptPdf: call('saveReceiptPdf', tradeNoSchema.strict(), z.object({ saved: z.boolean(), path: z.string().optional() })),
  /** "Cetak laporan": the day's (or range's) report on the receipt printer; answers with the verdict. */
  printDayReport: call('printDayReport', day.dateRangeRequest, z.object({ printer: z.string() })),
  /** A shift's report (frozen once closed: "Tutup kasir") on the receipt printer; answers with the verdict. */
  printShiftReport: call('printShiftReport', z.object({ shiftId: z.number().int() }).strict(), z.object({ printer: z.string() })),
  /**
   * "Kirim struk via WhatsApp" (issue 20): the receipt as a wa.me link to the customer's mobile,
   * opened by main (`opened`), or answered for the web preview to open.
   */
  sendReceiptWhatsApp: call('sendReceiptWhatsApp', tradeNoSchema.strict(), z.object({ opened: z.boolean(), url: z.string() })),
  // ---- the drawer and the shift's cash (issue 22; shapes in shared/day/shift-cash.ts) ----
  /** The drawer's pin and pulse times, and the difference above which a close needs the owner. */
  getCashSettings: call('getCashSettings', noArguments, z.object({ settings: cashSettingsSchema })),
  /** Needs the admin session unlocked once a PIN is set; validated whole. */
  updateCashSettings: call('updateCashSettings', z.object({ patch: cashSettingsSchema.partial() }).strict(), z.object({ settings: cashSettingsSchema })),
  /** "Buka laci" without a sale: recorded with its reason, who and when, then the pulse is sent. */
  openDrawer: call('openDrawer', cash.openDrawerRequest, z.object({ at: z.number().int(), cashierName: z.string().nullable() })),
  /** Kas masuk / kas keluar in the open shift, with a reason. */
  moveCash: call('moveCash', cash.cashMovementRequest, cash.cashMovementSchema),
  /** Modal awal of the open shift when it opened without one (once; a float is never rewritten). */
  setFloat: call('setFloat', z.object({ amount: z.number().int().min(0).max(cash.MAX_CASH_AMOUNT) }).strict(), cash.cashMovementSchema),
  /** A shift's float and cash in/out, oldest first (its report lists them apart). */
  listCashMovements: call('listCashMovements', z.object({ shiftId: z.number().int() }).strict(), z.object({ movements: z.array(cash.cashMovementSchema) })),
  /**
   * "Cocokkan dengan Paypro": asks Paypro about every QRIS charge of a business day (default
   * today), in the background, rate-limited, sales first; answers the run (already under way for
   * that day: the same run).
   */
  startReconciliation: call('startReconciliation', recon.startReconciliationRequest, recon.reconciliationViewSchema),
  /** The latest reconciliation of a business day (default today) with its progress; null: none yet. */
  getReconciliation: call('getReconciliation', recon.getReconciliationRequest, recon.getReconciliationResponse),
  /** "Perkiraan dana dari Paypro": QRIS received − MDR (the settings' plan) over a day or range. */
  getPayoutEstimate: call('getPayoutEstimate', day.dateRangeRequest, payoutEstimateSchema),
  /** Issue 23: how far this till's sales have got to the head office (the sync indicator). */
  getHqStatus: call('getHqStatus', noArguments, hq.hqStatusSchema),
  /** The owner's Laporan over this till, all tills or one outlet; needs the owner PIN (admin unlocked). */
  getHqReport: call('getHqReport', hq.hqReportRequest, hq.hqReportSchema),
  /** A sale of any till by the end of either number or of the customer's mobile, or by amount on a day; owner PIN. */
  searchHq: call('searchHq', hq.hqSearchRequest, hq.hqSearchSchema),
  /** The CSV of the scope's tills (as exportSales answers); owner PIN (admin unlocked), customer data masked unless asked for. */
  exportHq: call('exportHq', hq.hqExportRequest, exportSalesResponse),
  /** Checks the head-office logins, stores them (encrypted; never read back) and starts the sync; owner PIN. */
  configureHq: call('configureHq', hq.hqConfigureRequest, hq.hqStatusSchema),
  /** Tes koneksi: logs in to the head office with the typed (or stored) till login, stores nothing; owner PIN. */
  testHq: call('testHq', hq.hqTestRequest, hq.hqTestSchema),
} as const satisfies { [K in IpcChannelName]: { channel: (typeof ipcChannels)[K] } };

export type IpcContract = typeof ipcContract;
export type IpcCallName = keyof IpcContract;
export type IpcRequest<K extends IpcCallName> = z.input<IpcContract[K]['request']>;
export type IpcResponse<K extends IpcCallName> = z.output<IpcContract[K]['response']>;

/** The API the preload exposes as `window.pos` (and the web preview's bridge imitates). */
export type PosApi = {
  [K in IpcCallName]: (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>>;
} & {
  /** Subscribes to pushed payment changes; returns the unsubscribe function. */
  onPaymentUpdate(listener: (payment: z.output<typeof paymentViewSchema>) => void): () => void;
};
