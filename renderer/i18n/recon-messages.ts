/**
 * The texts of the reconciliation with Paypro and of the QRIS MDR (issue 22), kept apart from
 * id.ts / en.ts (which spread them in) so that this feature's keys live in one place.
 */
export const reconId = {
  'mdr.section': 'Biaya QRIS (MDR)',
  'mdr.plan': 'Jenis usaha untuk MDR QRIS',
  'mdr.plan.regular': 'Reguler — 0,7% per transaksi',
  'mdr.plan.micro': 'Usaha mikro — 0% s.d. Rp 500.000, 0,3% di atasnya',
  'mdr.not_for_customer':
    'Aturan Bank Indonesia sejak 1 Desember 2024. MDR ditanggung toko dan tidak boleh dibebankan kepada pelanggan: harga yang ditagih tetap sama. Dipakai untuk perkiraan dana dari Paypro di laporan.',
  'err.settings.mdr_plan': 'Pilih jenis usaha untuk MDR.',
} as const;

export const reconEn: { readonly [K in keyof typeof reconId]: string } = {
  'mdr.section': 'QRIS fee (MDR)',
  'mdr.plan': 'Business type for the QRIS MDR',
  'mdr.plan.regular': 'Regular — 0.7% per transaction',
  'mdr.plan.micro': 'Micro business — 0% up to Rp 500.000, 0.3% above',
  'mdr.not_for_customer':
    'Bank Indonesia rule since 1 December 2024. The MDR is the shop’s cost and may not be charged to the customer: the price charged stays the same. Used for the estimate of funds from Paypro in the report.',
  'err.settings.mdr_plan': 'Choose the business type for the MDR.',
};
