export type SimEndpoint = 'paymentLink' | 'queryPayInResult' | 'queryBalance' | 'indonesia/query/voucher';

export interface FaultRequest {
  endpoint: SimEndpoint;
  tradeNo?: string;
  /** 1 for the first request to this endpoint with this tradeNo (or without one), then 2, 3… */
  attempt: number;
}

/**
 * Transport faults. Whether the request is processed first (for paymentLink: the order is created)
 * is what makes each one interesting to the client:
 * - slow: processed, answered after `delayMs` (past the client's timeout, the order exists anyway).
 * - slow_body: processed, headers and half the body sent at once, the rest after `delayMs`.
 * - http500: NOT processed; 500 with a text body (a gateway that failed before doing anything).
 * - non_json: processed, answered 200 with an HTML page (a proxy's error page after the fact).
 * - drop_after_read: processed, then the socket is destroyed with no answer — the order exists
 *   but the client never hears of it.
 * - drop_before_process: the socket is destroyed after reading; nothing happens.
 * - reject: NOT processed; a 200 envelope `8000` with this `msg` — the gateway refusing to look
 *   at the request, e.g. "merchant not found" once the merchant number in Settings is wrong.
 */
export type Fault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'slow_body'; delayMs: number }
  | { kind: 'http500' }
  | { kind: 'non_json' }
  | { kind: 'drop_after_read' }
  | { kind: 'drop_before_process' }
  | { kind: 'reject'; msg: string };

export type FaultMatcher =
  | { endpoint?: SimEndpoint; tradeNo?: string; attempt?: number }
  | ((request: FaultRequest) => boolean);

export type FaultHook = (request: FaultRequest) => Fault | undefined;

export interface InjectOptions {
  /** How many matching requests get the fault; unlimited by default. */
  times?: number;
}

export function processesRequest(fault: Fault | undefined): boolean {
  return fault === undefined || (fault.kind !== 'http500' && fault.kind !== 'drop_before_process' && fault.kind !== 'reject');
}

interface Rule {
  matches: (request: FaultRequest) => boolean;
  fault: Fault;
  remaining: number;
}

/** Injected rules first (oldest first), then the hook given at start. */
export function createFaultPlan(hook: FaultHook | undefined) {
  const rules: Rule[] = [];
  return {
    inject(matcher: FaultMatcher, fault: Fault, options: InjectOptions = {}): () => void {
      const rule: Rule = { matches: toPredicate(matcher), fault, remaining: options.times ?? Infinity };
      rules.push(rule);
      return () => {
        const index = rules.indexOf(rule);
        if (index >= 0) rules.splice(index, 1);
      };
    },

    pick(request: FaultRequest): Fault | undefined {
      const rule = rules.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
      if (rule) {
        rule.remaining -= 1;
        return rule.fault;
      }
      return hook?.(request);
    },

    clear(): void {
      rules.length = 0;
    },
  };
}

function toPredicate(matcher: FaultMatcher): (request: FaultRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  return (request) =>
    (matcher.endpoint === undefined || matcher.endpoint === request.endpoint) &&
    (matcher.tradeNo === undefined || matcher.tradeNo === request.tradeNo) &&
    (matcher.attempt === undefined || matcher.attempt === request.attempt);
}
