import type { Environment } from '../../../shared/settings.ts';
import { GatewayError, type PayproGateway } from '../paypro/gateway.ts';

/**
 * How reachable Paypro looks from the till, for the indicator on the cashier's screen. Decided by
 * pure functions from the outcome of real gateway calls (the tracker's polling, a charge, the
 * idle check); the monitor (connection-monitor.ts) only records and schedules.
 */
export const CONNECTION_LEVELS = ['reachable', 'slow', 'unreachable', 'unknown', 'training'] as const;
export type ConnectionLevel = (typeof CONNECTION_LEVELS)[number];

/** An answer slower than this (ms) makes the connection "slow": the customer would notice. */
export const SLOW_MS = 2_000;
/** An observation older than this says nothing about now. */
export const STALE_MS = 3 * 60_000;

export type CallOutcome = { ok: true; latencyMs: number } | { ok: false; error: unknown; latencyMs: number };

export interface Observation {
  level: 'reachable' | 'slow' | 'unreachable';
  at: number;
  latencyMs: number;
}

/**
 * What one gateway call says about the connection. Any answer from Paypro, even a refusal or an
 * unknown order, proves it reachable; no answer (network, timeout) or a server failure (5xx)
 * means a QR could not be paid now.
 */
export function levelOfCall(outcome: CallOutcome): Observation['level'] {
  if (!outcome.ok) {
    const error = outcome.error;
    if (!(error instanceof GatewayError)) return 'unreachable';
    if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
    if (error.kind === 'http' && (error.httpStatus === null || error.httpStatus >= 500)) return 'unreachable';
  }
  return outcome.latencyMs > SLOW_MS ? 'slow' : 'reachable';
}

/** The level to show now: training has no Paypro to reach; an old or missing observation is unknown. */
export function connectionLevel(environment: Environment, last: Observation | null, now: number): ConnectionLevel {
  if (environment === 'training') return 'training';
  if (last === null || now - last.at > STALE_MS) return 'unknown';
  return last.level;
}

/** The gateway, timing every call and reporting its outcome; answers and errors pass through untouched. */
export function observeGateway(gateway: PayproGateway, report: (outcome: CallOutcome) => void, now: () => number): PayproGateway {
  const timed =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      const started = now();
      try {
        const result = await call(...args);
        report({ ok: true, latencyMs: now() - started });
        return result;
      } catch (error) {
        report({ ok: false, error, latencyMs: now() - started });
        throw error;
      }
    };
  return {
    createPaymentLink: timed((request) => gateway.createPaymentLink(request)),
    queryPayIn: timed((tradeNo) => gateway.queryPayIn(tradeNo)),
    queryBalance: timed(() => gateway.queryBalance()),
    queryVoucher: timed((tradeNo, options) => gateway.queryVoucher(tradeNo, options)),
  };
}
