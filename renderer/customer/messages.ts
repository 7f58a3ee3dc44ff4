import type { Language } from '../../shared/settings.ts';
import { interpolate, type Params } from '../i18n/index.ts';

/**
 * The customer display's words: its own small table, in the customer-display language setting
 * (not the cashier's). English is typed by the Indonesian table: a missing key is a compile error.
 */
const id = {
  'idle.pay_with': 'Bayar dengan QRIS',
  'sale.scan': 'Pindai untuk membayar',
  'sale.total': 'Total',
  'sale.expires_in': 'Berlaku {time}',
  'sale.expired': 'Masa berlaku habis',
  'sale.no_qr': 'Mohon tunggu, kasir akan membantu Anda.',
  'sale.qr_label': 'Kode QRIS untuk membayar {amount}',
  'sale.url_qr_label': 'Kode QR halaman pembayaran {amount}',
  'result.paid': 'LUNAS',
  'result.partially_paid': 'DIBAYAR SEBAGIAN',
  'result.failed': 'GAGAL',
  'result.expired': 'KEDALUWARSA',
  'result.paid_detail': 'Terima kasih',
  'result.paid_amount': 'Dibayar {amount}',
  'result.outstanding': 'Kurang {amount}',
  'result.failed_detail': 'Pembayaran tidak berhasil. Silakan tanya kasir.',
  'result.expired_detail': 'Kode QR sudah tidak berlaku. Silakan tanya kasir.',
  training: 'LATIHAN — bukan uang sungguhan',
} as const;

type CustomerMessageKey = keyof typeof id;

const en: Record<CustomerMessageKey, string> = {
  'idle.pay_with': 'Pay with QRIS',
  'sale.scan': 'Scan to pay',
  'sale.total': 'Total',
  'sale.expires_in': 'Valid for {time}',
  'sale.expired': 'Validity ended',
  'sale.no_qr': 'Please wait, the cashier will help you.',
  'sale.qr_label': 'QRIS code to pay {amount}',
  'sale.url_qr_label': 'QR code for the payment page, {amount}',
  'result.paid': 'PAID',
  'result.partially_paid': 'PARTIALLY PAID',
  'result.failed': 'FAILED',
  'result.expired': 'EXPIRED',
  'result.paid_detail': 'Thank you',
  'result.paid_amount': 'Paid {amount}',
  'result.outstanding': 'Still to pay {amount}',
  'result.failed_detail': 'The payment did not go through. Please ask the cashier.',
  'result.expired_detail': 'The QR code is no longer valid. Please ask the cashier.',
  training: 'TRAINING — no real money',
};

export const CUSTOMER_MESSAGES: Readonly<Record<Language, Record<CustomerMessageKey, string>>> = { id, en };

export type CustomerTranslate = (key: CustomerMessageKey, params?: Params) => string;

export function customerTranslate(language: Language): CustomerTranslate {
  return (key, params) => interpolate(CUSTOMER_MESSAGES[language][key], params);
}
