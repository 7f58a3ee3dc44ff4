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
import { createIpcRouter, type IpcRouter, type RouterLogger } from './api/router.ts';
import { createCashierPins } from './day/cashier-pins.ts';
import { DayService } from './day/day-service.ts';
import { adminSupervisor } from './day/supervisor.ts';
import type { FileSaver } from './file-saver.ts';
import { GatewayProvider, type TrainingGateway } from './gateways.ts';
import { Ledger } from './ledger/ledger.ts';
import { PaymentService } from './payments/payment-service.ts';
import type { TrackingPolicy } from './payments/tracking-policy.ts';
import { ReceiptService } from './receipts/receipt-service.ts';
import { ReceiptSettingsStore } from './receipts/receipt-settings-store.ts';
import type { SendOptions } from './receipts/network-printer.ts';
import type { SystemPrinter } from './receipts/system-printer.ts';
import { upgradeStoredSettings } from './vault/settings-store.ts';
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
  /** The operating system's region (Electron's app.getSystemLocale()): the CSV format's default. */
  systemLocale?: string;
  /** Network printer timeouts (tests shorten them). */
  printerTimeouts?: SendOptions;
}

export interface PosCore {
  /** Answers every contract call; the Electron IPC glue and the web preview both use it. */
  readonly router: IpcRouter;
  readonly payments: PaymentService;
  readonly gateways: GatewayProvider;
  readonly receipts: ReceiptService;
  onPaymentUpdate(listener: (payment: PaymentView) => void): () => void;
  /** The customer display's sanitised feed (customer/customer-view.ts): the view now, and changes. */
  customerView(): CustomerView;
  onCustomerView(listener: (view: CustomerView) => void): () => void;
  /** The settings after each save (the customer display's placement follows them). */
  settings(): Settings;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  close(): Promise<void>;
}

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
  upgradeStoredSettings(options.store, (name) => receiptSettings.adoptShopName(name));
  const vault = new Vault(options.store, options.cipher);
  const ledger = Ledger.open(join(options.userDataDir, 'ledger.sqlite'), { now });
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
  });
  const scrypt = options.scryptN === undefined ? {} : { scryptN: options.scryptN };
  const adminLock = new AdminLock(options.store, { now, cipher: options.cipher, ...scrypt });
  const day = new DayService({
    ledger,
    settings: () => vault.getSettings(),
    pins: createCashierPins(options.store, { now, ...scrypt }),
    supervisor: adminSupervisor(adminLock),
    now,
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
    shopContact: () => vault.getSettings().defaultCustomer,
    now,
    ...(options.systemPrinter === undefined ? {} : { systemPrinter: options.systemPrinter }),
    ...(options.printerTimeouts === undefined ? {} : { network: options.printerTimeouts }),
    onError: (error, context) => logger.error(context, { error: String(error) }),
  });
  // Auto-print when a sale becomes paid or partial; subscribed before recovery settles any.
  payments.onUpdate((payment) => receipts.onPaymentUpdate(payment));
  payments.recover();
  connection.start();

  return {
    router: createIpcRouter({ ...handlers, ...createReceiptHandlers({
        receipts,
        settings: receiptSettings,
        adminLock,
        onSettingsChanged: () => customerFeed.refresh(),
        dayReport: (range) => day.dayReport(range),
        shiftReport: (shiftId) => day.shiftReport(shiftId),
        training: () => vault.getSettings().environment === 'training',
      }) }, { logger }),
    payments,
    gateways,
    receipts,
    onPaymentUpdate: (listener) => payments.onUpdate(listener),
    customerView: () => customerFeed.current(),
    onCustomerView: (listener) => customerFeed.onView(listener),
    settings: () => vault.getSettings(),
    onSettingsChanged: (listener) => {
      settingsListeners.add(listener);
      return () => void settingsListeners.delete(listener);
    },
    close: async () => {
      connection.close();
      customerFeed.close();
      await payments.close();
      await gateways.close();
      ledger.close();
    },
  };
}
