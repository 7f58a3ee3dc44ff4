import type { PaymentRecord } from '../../../../electron/core/ledger/ledger.ts';

/** A payment the gateway confirmed and that waits for the customer; tests vary it by spreading. */
export const waitingRecord: PaymentRecord = {
  tradeNo: 'T1',
  platformTradeNo: null,
  amount: 50_000,
  paidAmount: null,
  overpaidAmount: null,
  state: 'awaiting_payment',
  gatewayStatus: '0015',
  customerName: 'Budi',
  customerMobile: '081234567890',
  customerEmail: 'budi@example.com', customerTyped: { name: true, mobile: true, email: true },
  qrString: 'QR',
  paymentUrl: null,
  errorCode: null,
  errorDetail: null,
  environment: 'training',
  createdAt: 1_000,
  updatedAt: 1_000,
  expiresAt: 901_000,
};
