import { randomBytes } from 'node:crypto';
import type { Environment } from '../../shared/settings.ts';
import { PosError } from './errors.ts';
import { createPayproClient } from './paypro/client.ts';
import type { PayproGateway } from './paypro/gateway.ts';
import { createMerchantSigner } from './paypro/sign.ts';
import { startSimulator, type Simulator } from './simulator/server.ts';
import { VaultError, type Vault } from './vault/vault.ts';

/** The merchant number training mode uses with its own loopback gateway. */
export const TRAINING_MERCHANT_NO = '0000000000';

/** A running training simulator and the credentials it accepts. */
export interface TrainingGateway {
  readonly simulator: Simulator;
  readonly merchantNo: string;
  readonly secret: string;
}

/** Starts a loopback simulator for training mode with throw-away credentials. */
export async function startTrainingSimulator(options: { now?: () => number } = {}): Promise<TrainingGateway> {
  const secret = randomBytes(24).toString('hex');
  const simulator = await startSimulator({
    merchantNo: TRAINING_MERCHANT_NO,
    secret,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { simulator, merchantNo: TRAINING_MERCHANT_NO, secret };
}

export interface GatewayProviderOptions {
  timeoutMs?: number;
  /**
   * An already-started training simulator to use instead of starting one on first use. The
   * provider does not own it: `close()` leaves it running (a test harness keeps one simulator
   * across core restarts, as Paypro outlives an app restart).
   */
  trainingGateway?: TrainingGateway;
  /** Wraps the live client, e.g. to time its calls for the connection indicator. */
  observeLive?: (gateway: PayproGateway) => PayproGateway;
}

/**
 * Hands the payment lifecycle the gateway for an environment: Paypro with the vault's
 * credentials when live, the loopback simulator (started on first use) in training.
 * The live client is kept until the settings or the secret change, so the secret is decrypted
 * once, not on every poll.
 */
export class GatewayProvider {
  readonly #vault: Vault;
  readonly #timeoutMs: number | undefined;
  #live: Promise<PayproGateway> | null = null;
  readonly #suppliedTraining: TrainingGateway | undefined;
  #training: Promise<{ simulator: Simulator; gateway: PayproGateway }> | null = null;
  readonly #observeLive: (gateway: PayproGateway) => PayproGateway;

  constructor(vault: Vault, options: GatewayProviderOptions = {}) {
    this.#vault = vault;
    this.#timeoutMs = options.timeoutMs;
    this.#suppliedTraining = options.trainingGateway;
    this.#observeLive = options.observeLive ?? ((gateway) => gateway);
  }

  async gatewayFor(environment: Environment): Promise<PayproGateway> {
    if (environment === 'training') return (await this.trainingSimulator()).gateway;
    this.#live ??= this.#connectLive();
    try {
      return await this.#live;
    } catch (error) {
      this.#live = null;
      throw error;
    }
  }

  /** The training gateway: a real Paypro simulator on 127.0.0.1 with throw-away credentials. */
  trainingSimulator(): Promise<{ simulator: Simulator; gateway: PayproGateway }> {
    this.#training ??= (async () => {
      const { simulator, merchantNo, secret } = this.#suppliedTraining ?? (await startTrainingSimulator());
      const gateway = createPayproClient({
        baseUrl: simulator.baseUrl,
        signer: createMerchantSigner(merchantNo, secret),
        // Training's proofs of payment come from the simulator's own host, never Paypro's.
        voucherHosts: [simulator.voucherHost],
        ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
      });
      return { simulator, gateway };
    })();
    return this.#training;
  }

  /** Settings or secret changed: the next live call builds a new client. */
  invalidate(): void {
    this.#live = null;
  }

  async close(): Promise<void> {
    const training = this.#training;
    this.#training = null;
    // A supplied simulator belongs to whoever started it.
    if (training && this.#suppliedTraining === undefined) await (await training).simulator.close();
  }

  async #connectLive(): Promise<PayproGateway> {
    const { baseUrl, requireSignedAnswers } = this.#vault.getSettings();
    try {
      const signer = await this.#vault.loadSigner();
      return this.#observeLive(
        createPayproClient({
          baseUrl,
          signer,
          requireSignedAnswers,
          ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
        }),
      );
    } catch (error) {
      if (error instanceof VaultError) throw new PosError(error.code, { cause: error });
      throw error;
    }
  }
}
