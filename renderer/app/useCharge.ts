import { useCallback, useRef, useState } from 'react';
import type { IpcError, IpcRequest } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { safeCall } from './pos.ts';

/** What the cashier had typed for the sale being charged, to show it again on the sale screen. */
export type SaleDraft = { amountText: string; customer: { name: string; mobile: string; email: string } };

/**
 * A charge in flight, or one that main refused and the sale screen has not shown yet. It lives in
 * the app shell, not in the sale screen: the cashier may switch to Today or Settings while the
 * gateway answers, and coming back (F1) must show the same sale, busy or with its error, never an
 * empty form beside a charge that is still running.
 */
export type ChargeState =
  | { phase: 'charging'; draft: SaleDraft; startedAt: number }
  | { phase: 'failed'; draft: SaleDraft; error: IpcError }
  | null;

export type Charge = {
  state: ChargeState;
  /** Sends the sale once; a second call while one is in flight does nothing. */
  start: (request: IpcRequest<'charge'>, draft: SaleDraft) => void;
  /** True from the first moment of a charge (state updates come a render later). */
  inFlight: () => boolean;
  /** The sale screen has shown the failure: forget it. */
  failureShown: () => void;
};

export function useCharge(onCharged: (payment: PaymentView) => void): Charge {
  const [state, setState] = useState<ChargeState>(null);
  const inFlightRef = useRef(false);

  const start = useCallback(
    (request: IpcRequest<'charge'>, draft: SaleDraft) => {
      if (inFlightRef.current) return;
      inFlightRef.current = true;
      setState({ phase: 'charging', draft, startedAt: Date.now() });
      void safeCall((api) => api.charge(request)).then((result) => {
        inFlightRef.current = false;
        if (result.ok) {
          setState(null);
          onCharged(result.value);
        } else {
          setState({ phase: 'failed', draft, error: result.error });
        }
      });
    },
    [onCharged],
  );
  const inFlight = useCallback(() => inFlightRef.current, []);
  const failureShown = useCallback(() => setState((current) => (current?.phase === 'failed' ? null : current)), []);
  return { state, start, inFlight, failureShown };
}
