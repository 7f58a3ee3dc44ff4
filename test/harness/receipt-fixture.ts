import { DEFAULT_RECEIPT_SETTINGS, type ReceiptSettings } from '../../shared/receipt-settings.ts';

/** A shop's receipt settings with every line filled in. */
export const SHOP_SETTINGS: ReceiptSettings = {
  ...DEFAULT_RECEIPT_SETTINGS,
  shopName: 'Toko Maju Jaya',
  addressLines: ['Jl. Merdeka No. 10, Bandung'],
  headerLines: ['NPWP 01.234.567.8-901.000'],
  footerLines: ['Terima kasih atas kunjungan Anda'],
};
