import { CASH_SALE_ERROR_CODES } from '../../shared/cash.ts';
import { PAYMENT_URL_NOT_HTTPS, PAYMENT_URL_TOO_LONG } from '../../shared/payment.ts';
import { QRIS_CHARGE_PROBLEM_CODES } from '../../shared/qris/check.ts';
import { LATE_ERROR_CODES } from '../../shared/day/late-rules.ts';
import { SEARCH_ERROR_CODES } from '../../shared/day/search-rules.ts';
import { RECEIPT_SETTINGS_ERROR_CODES } from '../../shared/receipt-settings.ts';
import { CASH_SETTINGS_ERROR_CODES } from '../../shared/cash-settings.ts';
import { SETTINGS_ERROR_CODES } from '../../shared/settings.ts';
import { VALIDATION_CODES } from '../../shared/validation.ts';
import { HQ_ERROR_CODES } from '../../shared/hq-contract.ts';

/**
 * Every error code the renderer must be able to translate. Codes owned by shared/ come from its
 * exported lists; the codes main sends itself are listed here (main exports no list of them).
 * test/unit/renderer/i18n.test.ts checks that each one has an `err.<code>` message in both languages.
 */
export const MAIN_ERROR_CODES = [
  'validation',
  'not_configured',
  'locked',
  'wrong_pin',
  'not_found',
  'not_training',
  'internal',
  'bad_request',
  'pin_locked_out',
  'pin_unreadable',
  'pin.format',
  'secret.empty',
  'secret.whitespace',
  'secret.too_short',
  'secret_unreadable',
  'secret.protection_unavailable',
  'secret.keystore_not_ready',
  'settings.invalid',
  'payment.charge_in_progress',
  'app_closing',
  'payment.not_cancellable',
  'payment.duplicate_trade_no',
  // the shop's day (issue 16)
  'shift.none_open',
  'shift.already_open',
  'shift.payments_open',
  'shift.cashier_no_pin',
  'cashier.last_with_pin',
  'cashier.name_taken',
  'cashier.shift_open',
  'supervisor.no_owner_pin',
  'settings.cashier_pins_no_pin',
  'settings.supervisor_needs_owner_pin',
  'late.not_late',
  'late.already_resolved',
  'late.refund_owner_required',
  'overpaid.not_overpaid',
  'overpaid.already_resolved',
  'overpaid.refund_owner_required',
  'export.owner_required',
  'date.invalid',
  // the drawer and the shift's cash (issue 22)
  'drawer.difference_needs_owner',
  'drawer.expected_changed',
  'drawer.float_set',
  'drawer.no_printer',
  'drawer.system_printer',
  'drawer.reason_required',
  'drawer.count_mismatch',
  // the reconciliation with Paypro (issue 22)
  'recon.future_day',
] as const;

export const GATEWAY_ERROR_CODES = [
  'gateway.network',
  'gateway.timeout',
  'gateway.http',
  'gateway.http_client',
  'gateway.http_server',
  'gateway.system_error',
  'gateway.malformed',
  'gateway.rejected',
  'gateway.bad_signature',
  'gateway.not_found',
] as const;

/**
 * Why a payment failed or needs attention, as main records it on the payment (`errorCode`,
 * shown as "Alasan: …" on the QR screen), next to the gateway codes above.
 */
export const PAYMENT_OUTCOME_CODES = [
  'gateway.status',
  'payment.interrupted',
  'payment.not_created',
  'payment.qr_lost',
  'payment.paid_amount_differs',
  'payment.paid_amount_unreadable',
  'payment.paid_amount_missing',
] as const;

/** What the QR integrity check in main can report (`qr.kind === 'integrity_error'`). */
export const QR_INTEGRITY_CODES = [...QRIS_CHARGE_PROBLEM_CODES, PAYMENT_URL_TOO_LONG, PAYMENT_URL_NOT_HTTPS] as const;

/** What printing a receipt can answer (issue 12): the printer's fault or why there is no receipt. */
export const RECEIPT_ERROR_CODES = [
  'print.offline',
  'print.refused',
  'print.timed_out',
  'print.closed',
  'print.failed',
  'print.no_printer',
  'print.unavailable',
  'receipt.not_printable',
  'whatsapp.no_mobile',
  'external.not_allowed',
] as const;

export const ALL_ERROR_CODES: readonly string[] = [
  ...MAIN_ERROR_CODES,
  ...GATEWAY_ERROR_CODES,
  ...PAYMENT_OUTCOME_CODES,
  ...QR_INTEGRITY_CODES,
  ...SETTINGS_ERROR_CODES,
  ...VALIDATION_CODES,
  ...RECEIPT_ERROR_CODES,
  ...RECEIPT_SETTINGS_ERROR_CODES,
  ...SEARCH_ERROR_CODES,
  ...CASH_SALE_ERROR_CODES,
  ...LATE_ERROR_CODES,
  ...CASH_SETTINGS_ERROR_CODES,
  ...HQ_ERROR_CODES,
];
