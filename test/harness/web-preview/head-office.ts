import pg from 'pg';
import { HqVault } from '../../../electron/core/hq/hq-vault.ts';
import { addOwner, addTill, migrateHq } from '../../../electron/core/hq/schema.ts';
import type { Cipher, KeyValueStore } from '../../../electron/core/vault/vault.ts';

/** `--hq <admin-url> --till <name> --outlet <name>` (issue 23). */
export interface PreviewHeadOffice {
  /** An administrator's URL: the preview plays the owner running hq:init and hq:add-till for it. */
  adminUrl: string;
  tillName: string;
  outletName: string;
}

/**
 * Joins the preview's till to a head office once (a data folder that already has a connection
 * keeps it): migrates the schema, makes the till's login and an owner login, and stores both
 * in the preview's vault as the owner would type them into Settings. A development shortcut:
 * the app itself never sees an administrator's URL.
 */
export async function joinHeadOffice(store: KeyValueStore, cipher: Cipher, headOffice: PreviewHeadOffice): Promise<void> {
  const vault = new HqVault(store, cipher);
  vault.setNames({ tillName: headOffice.tillName, outletName: headOffice.outletName });
  if (vault.describe('till').configured) return;
  const admin = new pg.Client({ connectionString: headOffice.adminUrl });
  await admin.connect();
  try {
    await migrateHq(admin);
    const till = await addTill(admin, headOffice.tillName, headOffice.outletName);
    const owner = await addOwner(admin, `pemilik ${headOffice.tillName}`);
    for (const [login, kind] of [[till, 'till'], [owner, 'owner']] as const) {
      const url = new URL(headOffice.adminUrl);
      url.username = login.role;
      url.password = '';
      url.search = '';
      await vault.set({ url: url.toString(), password: login.password }, kind);
    }
  } finally {
    await admin.end();
  }
}
