import type { SettingsView } from '../../../shared/ipc-contract.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { AdminLock } from '../admin/admin-lock.ts';
import type { CustomerFeed } from '../customer/customer-feed.ts';
import type { DisplayOption } from '../customer/display-placement.ts';
import type { ConnectionMonitor } from '../connection/connection-monitor.ts';
import { PosError } from '../errors.ts';
import type { GatewayProvider } from '../gateways.ts';
import { gatewayErrorCode } from '../paypro/error-codes.ts';
import { GatewayError } from '../paypro/gateway.ts';
import type { PaymentService } from '../payments/payment-service.ts';
import { VaultError, type Vault } from '../vault/vault.ts';
import type { DayService } from '../day/day-service.ts';
import { createDayHandlers } from './day-handlers.ts';
import type { FileSaver } from '../file-saver.ts';
import type { ReceiptCallName } from './receipt-handlers.ts';
import type { WhatsAppCallName } from './whatsapp-handlers.ts';
import type { HqCallName } from '../hq/hq-handlers.ts';
import type { IpcHandlers } from './router.ts';
import type { CashCallName } from './cash-handlers.ts';
import type { ReconcileCallName } from './reconcile-handlers.ts';

export type SecretProtection = SettingsView['secretProtection'];

export interface HandlerDeps {
  vault: Vault;
  adminLock: AdminLock;
  payments: PaymentService;
  gateways: GatewayProvider;
  /** Shifts, reports, history and late payments (issue 16). */
  day: DayService;
  /** How well the OS protects the stored secret (Electron's safeStorage backend). */
  secretProtection(): Promise<SecretProtection>;
  /** The customer display's feed: follows what the cashier's screen watches. */
  customerFeed?: Pick<CustomerFeed, 'watch'>;
  /** Told after settings were saved (the customer feed and display placement re-read them). */
  onSettingsChanged?: () => void;
  /** The connected screens (Electron's screen module; none in the web preview). */
  displays?: () => DisplayOption[];
  /** Paypro's reachability for the indicator. */
  connection?: Pick<ConnectionMonitor, 'status'>;
  /** The save dialog for the CSV export (Electron's glue); absent in the web preview. */
  fileSaver?: FileSaver;
}

/**
 * Every contract call, mapped onto core. The router has already validated the request; this is
 * where the admin lock is enforced and core's own errors become codes the renderer translates.
 */
/** Day settings that would leave the shop with no shift or no owner to ask: nothing is saved. */
function refuseDaySettings(day: DayService, proposed: Settings['day']): void {
  const fields = day.roster.settingsRefusals(proposed);
  if (Object.keys(fields).length > 0) throw new PosError('validation', { fields });
}

export function createPosHandlers(deps: HandlerDeps): Omit<IpcHandlers, ReceiptCallName | WhatsAppCallName | CashCallName | ReconcileCallName | HqCallName> {
  const { vault, adminLock, payments, gateways } = deps;

  async function settingsView(): Promise<SettingsView> {
    return {
      settings: vault.getSettings(),
      secret: vault.secretStatus(),
      adminPinSet: adminLock.pinSet,
      secretProtection: await deps.secretProtection(),
      savedOnce: vault.settingsSaved(),
    };
  }

  return {
    getSettings: () => settingsView(),

    updateSettings: async ({ patch, secret }) => {
      adminLock.requireUnlocked();
      refuseDaySettings(deps.day, { ...vault.getSettings().day, ...patch.day });
      await translateVaultErrors(async () => {
        // Validate the settings first so that a rejected form stores nothing, secret included.
        vault.updateSettings(patch);
        if (secret !== undefined && secret.trim() !== '') await vault.setSecret(secret);
      });
      gateways.invalidate();
      deps.onSettingsChanged?.();
      return settingsView();
    },

    testConnection: async () => {
      adminLock.requireUnlocked();
      const { environment } = vault.getSettings();
      try {
        await (await gateways.gatewayFor(environment)).queryBalance();
      } catch (error) {
        throw toPosError(error);
      }
      return { environment };
    },

    unlockAdmin: async ({ pin }) => {
      await adminLock.unlock(pin);
      return { unlocked: true };
    },

    lockAdmin: async () => {
      adminLock.lock();
      return { unlocked: false };
    },

    setAdminPin: async ({ newPin, currentPin }) => {
      await adminLock.setPin(newPin, currentPin);
      return { adminPinSet: true };
    },

    charge: async (sale) => {
      deps.day.ensureShiftForSale();
      try {
        return await payments.charge(sale);
      } catch (error) {
        throw toPosError(error);
      }
    },

    chargeRest: async ({ saleTradeNo }) => {
      deps.day.ensureShiftForSale();
      try {
        return await payments.chargeRest(saleTradeNo);
      } catch (error) {
        throw toPosError(error);
      }
    },

    payCash: async (input) => {
      deps.day.ensureShiftForSale();
      return payments.payCash(input);
    },

    getPayment: async ({ tradeNo }) => payments.get(tradeNo),

    watchPayment: async ({ tradeNo }) => {
      payments.watch(tradeNo);
      deps.customerFeed?.watch(tradeNo);
      return { watching: tradeNo };
    },

    cancelPayment: async ({ tradeNo, supervisorPin }) => {
      await deps.day.authorizeCancel(payments.get(tradeNo), supervisorPin);
      return payments.cancel(tradeNo);
    },

    recheckPayment: async ({ tradeNo }) => payments.recheck(tradeNo),

    recheckSale: async ({ tradeNo }) => {
      const { answer } = await payments.ask(tradeNo);
      return { sale: deps.day.sale(tradeNo), answer };
    },

    listToday: async (request) => payments.listDay(request),

    listDisplays: async () => ({ displays: deps.displays?.() ?? [] }),

    getConnectionStatus: async () => deps.connection?.status() ?? { level: 'unknown', checkedAt: null, latencyMs: null },

    settleTraining: async ({ tradeNo, outcome }) => {
      const payment = payments.get(tradeNo);
      if (payment.environment !== 'training') throw new PosError('not_training');
      const { simulator } = await gateways.trainingSimulator();
      if (!simulator.order(tradeNo)) throw new PosError('not_found', { detail: tradeNo });
      simulator.settle(tradeNo, outcome);
      // Asked whatever the sale's state or age: a sale the counter closed long ago is paid late.
      return (await payments.ask(tradeNo)).payment;
    },

    ...createDayHandlers(deps.day, adminLock, deps.fileSaver),
  };
}

async function translateVaultErrors(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    if (error.code === 'invalid_settings' || error.code === 'invalid_secret') {
      throw new PosError('validation', { fields: error.fields, cause: error });
    }
    throw new PosError(error.code, { cause: error });
  }
}

/** Gateway failures reach the renderer as a `gateway.…` code with the technical detail beside it. */
function toPosError(error: unknown): unknown {
  if (error instanceof GatewayError) {
    const detail = [error.message, error.gatewayCode, error.gatewayMessage].filter(Boolean).join(' · ');
    return new PosError(gatewayErrorCode(error), { detail, cause: error });
  }
  return error;
}
