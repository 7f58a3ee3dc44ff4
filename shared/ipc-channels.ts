/**
 * The IPC channel of every contract call, and nothing else: no zod, so the sandboxed preload can
 * bundle it without the schema graph. `shared/ipc-contract.ts` builds the contract on this map
 * (and re-exports it); a call missing here or there is a type error there.
 */
export const ipcChannels = {
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  testConnection: 'settings:test-connection',
  unlockAdmin: 'admin:unlock',
  lockAdmin: 'admin:lock',
  setAdminPin: 'admin:set-pin',
  charge: 'payment:charge',
  chargeRest: 'payment:charge-rest',
  payCash: 'payment:pay-cash',
  getPayment: 'payment:get',
  watchPayment: 'payment:watch',
  cancelPayment: 'payment:cancel',
  recheckPayment: 'payment:recheck',
  listToday: 'payments:today',
  settleTraining: 'training:settle',
  // The shop's day (issue 16)
  getDayStatus: 'day:status',
  listCashiers: 'cashiers:list',
  addCashier: 'cashiers:add',
  retireCashier: 'cashiers:retire',
  setCashierPin: 'cashiers:set-pin',
  renameCashier: 'cashiers:rename',
  openShift: 'shift:open',
  closeShift: 'shift:close',
  getShiftReport: 'shift:report',
  getDayReport: 'day:report',
  listSales: 'sales:list',
  recheckSale: 'sales:recheck',
  exportSales: 'sales:export',
  listLatePayments: 'late:list',
  resolveLatePayment: 'late:resolve',
  listOverpaid: 'overpaid:list',
  resolveOverpaid: 'overpaid:resolve',
  listDisplays: 'displays:list',
  getConnectionStatus: 'connection:status',
  getReceiptSettings: 'receipt:settings-get',
  updateReceiptSettings: 'receipt:settings-update',
  printReceipt: 'receipt:print',
  getPrintStatus: 'receipt:status',
  testPrint: 'receipt:test-print',
  listPrinters: 'receipt:printers',
  saveReceiptPdf: 'receipt:save-pdf',
  printDayReport: 'report:print',
  printShiftReport: 'report:print-shift',
  sendReceiptWhatsApp: 'receipt:whatsapp',
  // The drawer and the shift's cash (issue 22)
  getCashSettings: 'drawer:settings-get',
  updateCashSettings: 'drawer:settings-update',
  openDrawer: 'drawer:open',
  moveCash: 'cash:move',
  setFloat: 'cash:float',
  listCashMovements: 'cash:movements',
  // The day reconciled against Paypro, and what Paypro will pay out (issue 22)
  startReconciliation: 'recon:start',
  getReconciliation: 'recon:get',
  getPayoutEstimate: 'recon:payout',
  getHqStatus: 'hq:status',
  getHqReport: 'hq:report',
  searchHq: 'hq:search',
  configureHq: 'hq:configure',
  exportHq: 'hq:export',
  testHq: 'hq:test',
} as const;

export type IpcChannelName = keyof typeof ipcChannels;

/** Main → renderer push: a payment changed state or detail. */
export const paymentUpdateChannel = 'payment:updated';

/** Main → customer display push: the sanitised customer view (shared/customer-view.ts). */
export const customerViewChannel = 'customer:view';
