import type { SettingsPatch } from '../../../shared/ipc-contract.ts';
import type { WebPreview } from './server.ts';

/** The owner's set-up (merchant number, secret, training) done through the contract. */
export async function setUpTraining(preview: WebPreview, patch: SettingsPatch = {}): Promise<void> {
  const result = await preview.core.router.dispatch('updateSettings', {
    patch: { environment: 'training', merchantNo: '1234567890', ...patch },
    secret: 'rahasia-latihan',
  });
  if (!result.ok) throw new Error(`set-up: ${JSON.stringify(result.error)}`);
}

/** The shop's one name (receipts and the customer display), as the owner saves it in Settings. */
export async function setShopName(preview: WebPreview, shopName: string): Promise<void> {
  const result = await preview.core.router.dispatch('updateReceiptSettings', { patch: { shopName } });
  if (!result.ok) throw new Error(`shop name: ${JSON.stringify(result.error)}`);
}
