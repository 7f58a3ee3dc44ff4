import type { Language } from './settings.ts';

/**
 * What the customer-facing display shows: a sanitised picture of the sale on the counter, built in
 * core (electron/core/customer/customer-view.ts) and pushed to the display on its own channel.
 * It never carries the customer's details, the trade numbers or anything staff-only; plain data
 * with no zod, so the display's small bundle can import the type.
 */
export type CustomerView = CustomerIdleView | CustomerSaleView | CustomerResultView;

/** Shown on every view so the display can fall back to idle by itself. */
interface CustomerViewBase {
  shopName: string;
  language: Language;
  /** A training sale (or training mode when idle): the display says "LATIHAN". */
  training: boolean;
}

export interface CustomerIdleView extends CustomerViewBase {
  kind: 'idle';
}

/** What the customer can scan: the QRIS code, or the hosted payment page's URL as a QR. */
export interface CustomerQr {
  kind: 'qris' | 'payment_url';
  payload: string;
}

export interface CustomerSaleView extends CustomerViewBase {
  kind: 'sale';
  amount: number;
  /** The merchant name inside the QRIS payload (what the customer's app will show). */
  merchantName: string | null;
  /** Null when there is nothing safe to scan (integrity check failed, answer still pending). */
  qr: CustomerQr | null;
  expiresAt: number;
}

export const CUSTOMER_OUTCOMES = ['paid', 'partially_paid', 'failed', 'expired'] as const;
export type CustomerOutcome = (typeof CUSTOMER_OUTCOMES)[number];

export interface CustomerResultView extends CustomerViewBase {
  kind: 'result';
  outcome: CustomerOutcome;
  amount: number;
  paidAmount: number | null;
  /** For a partial payment: what is still to pay (never negative). */
  outstanding: number | null;
  /** When the display received the outcome; it shows it for a few seconds, then idle. */
  settledAt: number;
}

/** How long the display shows an outcome before it returns to idle by itself. */
export const CUSTOMER_RESULT_MS = 6_000;
