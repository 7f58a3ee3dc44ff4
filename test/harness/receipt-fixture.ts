import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_RECEIPT_SETTINGS, type ReceiptSettings } from '../../shared/receipt-settings.ts';

/** 30 Nov 2026 14:05 in Jakarta (07:05 UTC). */
export const PAID_AT = Date.UTC(2026, 10, 30, 7, 5, 0);

/** A settled sale as core would hand it to the receipt builder; the largest default amount. */
export function paidPayment(overrides: Partial<PaymentView> = {}): PaymentView {
  return {
    tradeNo: '20261130140455A1B2C3D4',
    platformTradeNo: 'PP202611300000012345',
    amount: 10_000_000,
    paidAmount: 10_000_000,
    state: 'paid',
    counterState: 'paid',
    gatewayStatus: 'SUCCESS',
    customer: { name: 'Budi Santoso', mobile: '081234567890', email: 'budi.santoso@example.co.id' },
    qr: { kind: 'qris', payload: '000201…', merchantName: 'WARUNG SEDERHANA' },
    paymentUrl: null,
    errorCode: null,
    errorDetail: null,
    environment: 'live',
    createdAt: PAID_AT - 60_000,
    updatedAt: PAID_AT,
    expiresAt: PAID_AT + 15 * 60_000,
    ...overrides,
  };
}

export const SHOP_SETTINGS: ReceiptSettings = {
  ...DEFAULT_RECEIPT_SETTINGS,
  shopName: 'Toko Maju Jaya',
  addressLines: ['Jl. Merdeka No. 10, Bandung'],
  headerLines: ['NPWP 01.234.567.8-901.000'],
  footerLines: ['Terima kasih atas kunjungan Anda'],
};
