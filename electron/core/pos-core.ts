import { join } from 'node:path';
import type { CustomerView } from '../../shared/customer-view.ts';
import type { PaymentView } from '../../shared/payment.ts';
import type { Settings } from '../../shared/settings.ts';
import { AdminLock } from './admin/admin-lock.ts';
import { createPosHandlers, type SecretProtection } from './api/handlers.ts';
import { ConnectionMonitor } from './connection/connection-monitor.ts';
import { observeGateway } from './connection/connection-status.ts';
import { CustomerFeed } from './customer/customer-feed.ts';
import type { DisplayOption } from './customer/display-placement.ts';
import { createReceiptHandlers } from './api/receipt-handlers.ts';
import { createWhatsAppHandlers } from './api/whatsapp-handlers.ts';
import type { ExternalOpener } from './whatsapp/external-links.ts';
import { proofOfPayment } from './whatsapp/proof-of-payment.ts';
import { createIpcRouter, type IpcRouter, type RouterLogger } from './api/router.ts';
import { createCashierPins } from './day/cashier-pins.ts';
import { DayService } from './day/day-service.ts';
import { adminSupervisor } from './day/supervisor.ts';
import type { FileSaver } from './file-saver.ts';
import { GatewayProvider, type TrainingGateway } from './gateways.ts';
import { createHqHandlers } from './hq/hq-handlers.ts';
import { HqService } from './hq/hq-service.ts';
import { Ledger } from './ledger/ledger.ts';
import { PaymentService } from './payments/payment-service.ts';
import type { TrackingPolicy } from './payments/tracking-policy.ts';
import { ReceiptService } from './receipts/receipt-service.ts';
import { ReceiptSettingsStore } from './receipts/receipt-settings-store.ts';
import { CashSettingsStore } from './receipts/cash-settings-store.ts';
import { CashDrawer } from './receipts/cash-drawer.ts';
import { PosError } from './errors.ts';
import { createCashHandlers } from './api/cash-handlers.ts';
import type { SendOptions } from './receipts/network-printer.ts';
import type { SystemPrinter } from './receipts/system-printer.ts';
import { upgradeStoredSettings } from './vault/settings-store.ts';
import { createReconcileHandlers } from './api/reconcile-handlers.ts';
import { startAutoReconcile } from './reconcile/auto-reconcile.ts';
import { Reconciler, type ReconcilerOptions } from './reconcile/reconciler.ts';
import { businessDay, businessDayOf, parseCutoff } from '../../shared/day/business-day.ts';
import { Vault, type Cipher, type KeyValueStore } from './vault/vault.ts';

export interface PosCoreOptions {
  /** Where the ledger lives (Electron's userData folder). */
  userDataDir: string;
  /** Settings store (electron-store in the app, conf in tests and the web preview). */
  store: KeyValueStore;
  /** Encrypts the app secret (Electron's safeStorage in the app). */
  cipher: Cipher;
  secretProtection(): Promise<SecretProtection>;
  logger?: RouterLogger;
  now?: () => number;
  /** scrypt cost of new PIN hashes (tests lower it; default: pin-hash.ts's OWASP floor). */
  scryptN?: number;
  trackingPolicy?: TrackingPolicy;
  gatewayTimeoutMs?: number;
  /** An already-started training simulator (default: one started on first training use). */
  trainingGateway?: TrainingGateway;
  /** The connected screens for the customer display's setting (Electron's screen; default none). */
  displays?: () => DisplayOption[];
  /** How often, without traffic, the connection indicator checks Paypro (default a minute). */
  connectionIdleCheckMs?: number;
  /** Printing through the operating system (Electron's glue); absent in the web preview. */
  systemPrinter?: SystemPrinter;
  /** The save dialog (Electron's glue) for the CSV export; absent in the web preview (a download). */
  fileSaver?: FileSaver;
  /** Opens the WhatsApp receipt link (Electron's shell, allow-listed); absent in the web preview. */
  externalOpener?: ExternalOpener;
  /** The operating system's region (Electron's app.getSystemLocale()): the CSV format's default. */
  systemLocale?: string;
  /** Network printer timeouts (tests shorten them). */
  printerTimeouts?: SendOptions;
  /** Cash was recorded for a sale (its first payment's trade number), after the drawer was asked to open. */
  onCashReceived?: (saleTradeNo: string) => void;
  /** The reconciliation with Paypro: its rate and retries (reconcile/reconciler.ts), and the automatic run's delay after the cut-off (null: none). */
  reconcile?: Pick<ReconcilerOptions, 'requestsPerSecond' | 'attempts' | 'retryDelayMs' | 'salePollMs'> & { autoDelayMs?: number | null };
}

export interface PosCore {
  /** Answers every contract call; the Electron IPC glue and the web preview both use it. */
  readonly router: IpcRouter;
  readonly payments: PaymentService;
  readonly gateways: GatewayProvider;
  readonly receipts: ReceiptService;
  /** The cash drawer: every cash payment opens it (`onCashReceived` above), and *Buka laci*. */
  readonly drawer: CashDrawer;
  readonly reconciler: Reconciler;
  /** The head office (issue 23): sync and the owner's view. */
  readonly hq: HqService;
  onPaymentUpdate(listener: (payment: PaymentView) => void): () => void;
  /** The customer display's sanitised feed (customer/customer-view.ts): the view now, and changes. */
  customerView(): CustomerView;
  onCustomerView(listener: (view: CustomerView) => void): () => void;
  /** The settings after each save (the customer display's placement follows them). */
  settings(): Settings;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  /**
   * The app itself saves the customer display's new id when the chosen monitor came back under
   * another one (re-plugged; display-placement.ts). No PIN: it only follows the owner's choice.
   */
  saveCustomerDisplayId(id: number): void;
  close(): Promise<void>;
}

/** A till whose printer cannot kick a drawer (none, or an OS printer): nothing to log at each cash sale. */
const DRAWER_NOT_WIRED: ReadonlySet<string> = new Set(['drawer.no_printer', 'drawer.system_printer']);

const consoleLogger: RouterLogger = {
  error: (message, context) => console.error(message, context),
};

/**
 * Builds the whole Electron-free core and resumes following every unsettled payment.
 * The composition root: the one place that knows how the modules fit together.
 */
export function createPosCore(options: PosCoreOptions): PosCore {
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  const receiptSettings = new ReceiptSettingsStore(options.store);
  const cashSettings = new CashSettingsStore(options.store);
  upgradeStoredSettings(options.store, (name) => receiptSettings.adoptShopName(name));
  const vault = new Vault(options.store, options.cipher);
  const ledgerFile = join(options.userDataDir, 'ledger.sqlite');
  // After the settings upgrade: the old placeholder contact is empty by now (ledger schema 11 reads it).
  const ledger = Ledger.open(ledgerFile, { now, shopContact: vault.getSettings().defaultCustomer });
  const connection = new ConnectionMonitor({
    environment: () => vault.getSettings().environment,
    configured: () => vault.secretStatus().configured && vault.getSettings().merchantNo !== '',
    liveGateway: () => gateways.gatewayFor('live'),
    now,
    ...(options.connectionIdleCheckMs === undefined ? {} : { idleCheckMs: options.connectionIdleCheckMs }),
  });
  const gateways = new GatewayProvider(vault, {
    observeLive: (gateway) => observeGateway(gateway, (outcome) => connection.record(outcome), now),
    ...(options.gatewayTimeoutMs === undefined ? {} : { timeoutMs: options.gatewayTimeoutMs }),
    ...(options.trainingGateway === undefined ? {} : { trainingGateway: options.trainingGateway }),
  });
  const payments = new PaymentService({
    ledger,
    gatewayFor: (environment) => gateways.gatewayFor(environment),
    settings: () => vault.getSettings(),
    now,
    ...(options.trackingPolicy === undefined ? {} : { policy: options.trackingPolicy }),
    onError: (error, context) => logger.error(context, { error: String(error) }),
    onCashReceived: (saleTradeNo) => {
      options.onCashReceived?.(saleTradeNo);
      // The drawer opens through the LAN receipt printer; a till without one takes cash all the same.
      drawer.openForSale(saleTradeNo).catch((error: unknown) => {
        if (!(error instanceof PosError && DRAWER_NOT_WIRED.has(error.code))) logger.error('drawer', { error: String(error), saleTradeNo });
      });
    },
  });
  const scrypt = options.scryptN === undefined ? {} : { scryptN: options.scryptN };
  const adminLock = new AdminLock(options.store, { now, cipher: options.cipher, ...scrypt });
  const supervisor = adminSupervisor(adminLock);
  const day = new DayService({
    ledger,
    settings: () => vault.getSettings(),
    pins: createCashierPins(options.store, { now, ...scrypt }),
    supervisor,
    now,
    cashSettings: () => cashSettings.get(),
    ...(options.systemLocale === undefined ? {} : { systemLocale: options.systemLocale }),
  });
  const customerFeed = new CustomerFeed({
    getPayment: (tradeNo) => payments.get(tradeNo),
    onPaymentUpdate: (listener) => payments.onUpdate(listener),
    context: () => {
      const settings = vault.getSettings();
      // The shop's one name is the receipt settings' (shown as typed; empty shows none).
      const shopName = receiptSettings.get().shopName.trim();
      return { shopName, language: settings.customerDisplay.language, training: settings.environment === 'training' };
    },
    now,
  });
  const settingsListeners = new Set<(settings: Settings) => void>();
  const handlers = createPosHandlers({
    customerFeed,
    onSettingsChanged: () => {
      customerFeed.refresh();
      const settings = vault.getSettings();
      for (const listener of [...settingsListeners]) listener(settings);
    },
    ...(options.displays === undefined ? {} : { displays: options.displays }),
    ...(options.fileSaver === undefined ? {} : { fileSaver: options.fileSaver }),
    connection,
    vault,
    adminLock,
    payments,
    gateways,
    day,
    secretProtection: options.secretProtection,
  });
  const receipts = new ReceiptService({
    ledger,
    payment: (tradeNo) => payments.get(tradeNo),
    settings: receiptSettings,
    now,
    ...(options.systemPrinter === undefined ? {} : { systemPrinter: options.systemPrinter }),
    ...(options.printerTimeouts === undefined ? {} : { network: options.printerTimeouts }),
    onError: (error, context) => logger.error(context, { error: String(error) }),
  });
  const drawer = new CashDrawer({
    book: () => ledger.day.cash,
    printer: () => receiptSettings.get().printer,
    settings: () => cashSettings.get(),
    ...(options.printerTimeouts === undefined ? {} : { network: options.printerTimeouts }),
  });
  const hq = new HqService({
    store: options.store,
    cipher: options.cipher,
    ledgerFile,
    requireOwner: () => adminLock.requireUnlocked(),
    supervisor,
    dayRange: (range) => day.dayReport(range),
    csv: () => day.csvSettings(),
    onError: (error) => logger.error('hq', { error: String(error) }),
  });
  void hq.start();
  payments.onUpdate(() => hq.notify());
  // Auto-print when a sale becomes paid or partial; subscribed before recovery settles any.
  payments.onUpdate((payment) => receipts.onPaymentUpdate(payment));
  payments.recover();
  connection.start();
  const cutoffMinutes = () => parseCutoff(vault.getSettings().day.cutoff) ?? 0;
  const reconciler = new Reconciler({
    ledger,
    ask: async (tradeNo) => (await payments.ask(tradeNo)).answer,
    selling: () => payments.selling,
    businessDay: (date) => (date === undefined ? businessDayOf(now(), cutoffMinutes()) : businessDay(date, cutoffMinutes())),
    now,
    ...options.reconcile,
    onError: (error, context) => logger.error(context, { error: String(error) }),
  });
  // A run a restart interrupted goes on where it stopped.
  reconciler.resume();
  const autoDelayMs = options.reconcile?.autoDelayMs;
  const stopAutoReconcile =
    autoDelayMs === null
      ? () => undefined
      : startAutoReconcile({
          book: ledger.reconciliations,
          now,
          cutoffMinutes,
          run: async (date) => {
            reconciler.start(date, 'automatic');
            await reconciler.idle();
          },
          ...(autoDelayMs === undefined ? {} : { delayMs: autoDelayMs }),
          onError: (error, context) => logger.error(context, { error: String(error) }),
        });

  return {
    router: createIpcRouter({ ...handlers, ...createReceiptHandlers({
        receipts,
        settings: receiptSettings,
        adminLock,
        onSettingsChanged: () => customerFeed.refresh(),
        dayReport: (range) => day.dayReport(range),
        payoutEstimate: (range) => day.payoutEstimate(range),
        shiftReport: (shiftId) => day.shiftReport(shiftId),
        training: () => vault.getSettings().environment === 'training',
      }), ...createWhatsAppHandlers({
        receipts,
        payment: (tradeNo) => payments.get(tradeNo),
        proofUrl: (payment) =>
          proofOfPayment(payment, {
            gatewayFor: (environment) => gateways.gatewayFor(environment),
            onError: (error, context) => logger.error(context, { error: String(error) }),
          }),
        ...(options.externalOpener === undefined ? {} : { opener: options.externalOpener }),
      }), ...createReconcileHandlers(reconciler, day), ...createCashHandlers({ day, drawer, settings: cashSettings, adminLock }), ...createHqHandlers(hq, options.fileSaver) }, { logger }),
    payments,
    drawer,
    gateways,
    receipts,
    reconciler,
    hq,
    onPaymentUpdate: (listener) => payments.onUpdate(listener),
    customerView: () => customerFeed.current(),
    onCustomerView: (listener) => customerFeed.onView(listener),
    settings: () => vault.getSettings(),
    onSettingsChanged: (listener) => {
      settingsListeners.add(listener);
      return () => void settingsListeners.delete(listener);
    },
    saveCustomerDisplayId: (id) => {
      vault.updateSettings({ customerDisplay: { displayId: id } });
    },
    close: async () => {
      connection.close();
      customerFeed.close();
      stopAutoReconcile();
      // New charges are refused from this moment; the reconciliation's last question may still end.
      const paymentsClosed = payments.close();
      await reconciler.stop();
      await paymentsClosed;
      await gateways.close();
      await hq.close();
      ledger.close();
    },
  };
}
