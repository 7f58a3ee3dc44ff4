import type { PaymentView } from '../../../shared/payment.ts';
import type { Environment } from '../../../shared/settings.ts';
import type { PayproGateway } from '../paypro/gateway.ts';

/** How long "Kirim struk via WhatsApp" waits for Paypro's proof before sending the text alone. */
export const PROOF_TIMEOUT_MS = 3_000;

export interface ProofOptions {
  gatewayFor(environment: Environment): Promise<PayproGateway>;
  /** A proof that could not be had: logged, never shown to the cashier. */
  onError(error: unknown, context: string): void;
  timeoutMs?: number;
}

/**
 * Paypro's proof of payment (`query/voucher`) for a sale paid in full by one QRIS payment, or null:
 * for any other sale, and on any failure (no credentials, no answer in time, a refused URL), the
 * receipt goes as text alone. Never throws: the cashier's receipt does not depend on it.
 */
export async function proofOfPayment(payment: PaymentView, options: ProofOptions): Promise<string | null> {
  // Cash, partial and several-payment sales have no one Paypro order that proves the sale.
  if (payment.state !== 'paid' || payment.sale !== undefined || payment.platformTradeNo === null) return null;
  const timeoutMs = options.timeoutMs ?? PROOF_TIMEOUT_MS;
  try {
    const gateway = await options.gatewayFor(payment.environment);
    return (await gateway.queryVoucher(payment.tradeNo, { timeoutMs })).url;
  } catch (error) {
    options.onError(error, `proof of payment for ${payment.tradeNo}`);
    return null;
  }
}
