import { join } from 'node:path';
import type { PaymentView } from '../../shared/payment.ts';
import { AdminLock } from './admin/admin-lock.ts';
import { createPosHandlers, type SecretProtection } from './api/handlers.ts';
import { createIpcRouter, type IpcRouter, type RouterLogger } from './api/router.ts';
import { GatewayProvider, type TrainingGateway } from './gateways.ts';
import { Ledger } from './ledger/ledger.ts';
import { PaymentService } from './payments/payment-service.ts';
import type { TrackingPolicy } from './payments/tracking-policy.ts';
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
  trackingPolicy?: TrackingPolicy;
  gatewayTimeoutMs?: number;
  /** An already-started training simulator (default: one started on first training use). */
  trainingGateway?: TrainingGateway;
}

export interface PosCore {
  /** Answers every contract call; the Electron IPC glue and the web preview both use it. */
  readonly router: IpcRouter;
  readonly payments: PaymentService;
  readonly gateways: GatewayProvider;
  onPaymentUpdate(listener: (payment: PaymentView) => void): () => void;
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
  const vault = new Vault(options.store, options.cipher);
  const ledger = Ledger.open(join(options.userDataDir, 'ledger.sqlite'), { now });
  const gateways = new GatewayProvider(vault, {
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
  const adminLock = new AdminLock(options.store, { now, cipher: options.cipher });
  const handlers = createPosHandlers({
    vault,
    adminLock,
    payments,
    gateways,
    secretProtection: options.secretProtection,
  });
  payments.recover();

  return {
    router: createIpcRouter(handlers, { logger }),
    payments,
    gateways,
    onPaymentUpdate: (listener) => payments.onUpdate(listener),
    close: async () => {
      await payments.close();
      await gateways.close();
      ledger.close();
    },
  };
}
