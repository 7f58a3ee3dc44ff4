import type { Environment } from '../../../shared/settings.ts';
import type { PayproGateway } from '../paypro/gateway.ts';
import { connectionLevel, levelOfCall, type CallOutcome, type ConnectionLevel, type Observation } from './connection-status.ts';

/** Without any Paypro traffic for this long, the monitor asks the gateway itself (a balance query). */
export const IDLE_CHECK_MS = 60_000;

export interface ConnectionMonitorDeps {
  environment(): Environment;
  /** Whether live credentials are set up (no check without them). */
  configured(): boolean;
  /** The live gateway (already observed, so the check's outcome is recorded like any call). */
  liveGateway(): Promise<PayproGateway>;
  now(): number;
  idleCheckMs?: number;
}

export interface ConnectionStatusView {
  level: ConnectionLevel;
  /** When the level was last observed (epoch ms), null when never. */
  checkedAt: number | null;
  latencyMs: number | null;
}

/**
 * Records what real gateway calls say about the connection and, when the till is quiet, checks
 * with one cheap call a minute. Training mode never checks (its gateway is on this computer).
 */
export class ConnectionMonitor {
  private last: Observation | null = null;
  private checking = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly deps: ConnectionMonitorDeps;
  private readonly idleCheckMs: number;

  constructor(deps: ConnectionMonitorDeps) {
    this.deps = deps;
    this.idleCheckMs = deps.idleCheckMs ?? IDLE_CHECK_MS;
  }

  /** Called by the observed live gateway after every call. */
  record(outcome: CallOutcome): void {
    this.last = { level: levelOfCall(outcome), at: this.deps.now(), latencyMs: outcome.latencyMs };
  }

  status(): ConnectionStatusView {
    const level = connectionLevel(this.deps.environment(), this.last, this.deps.now());
    const known = level !== 'training' && level !== 'unknown' && this.last !== null;
    return { level, checkedAt: known ? this.last!.at : null, latencyMs: known ? this.last!.latencyMs : null };
  }

  /** A check now if the till has been quiet for the idle period (the timer calls it). */
  async checkIfIdle(): Promise<void> {
    if (this.checking || this.deps.environment() !== 'live' || !this.deps.configured()) return;
    if (this.last !== null && this.deps.now() - this.last.at < this.idleCheckMs) return;
    this.checking = true;
    try {
      await (await this.deps.liveGateway()).queryBalance();
    } catch {
      // Recorded by the observed gateway; a setup error (no secret) leaves the level unknown.
    } finally {
      this.checking = false;
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.checkIfIdle(), Math.min(this.idleCheckMs, 15_000));
    this.timer.unref?.();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
