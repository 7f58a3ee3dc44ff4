import { z } from 'zod';
import { registerSecret } from '../logging/redact.ts';
import type { Cipher, KeyValueStore } from '../vault/vault.ts';
import { clientConfig, type HqConnection } from './connection.ts';

/** The till's own login; the owner's (optional: it lets Laporan read every till, behind the owner PIN). */
export type HqLogin = 'till' | 'owner';
const KEYS: Record<HqLogin, string> = { till: 'headOffice', owner: 'headOfficeOwner' };
/** The till's and its outlet's names at the head office: not secret, stored in clear. */
const NAMES_KEY = 'headOfficeNames';
const storedSchema = z.object({ version: z.literal(1), ciphertext: z.string().min(1) });
const connectionSchema = z.object({ url: z.string().min(1), password: z.string(), ca: z.string().optional() });
const namesSchema = z.object({ tillName: z.string().min(1).max(64), outletName: z.string().max(64) });
export type HqNames = z.infer<typeof namesSchema>;

/**
 * The head-office connection (issue 23), kept like the Paypro secret: URL, password and CA are
 * encrypted together by the OS cipher (safeStorage) before they are written, decrypted only in
 * main to open the sync's connection, and the password is registered with the log redactor.
 * The renderer only ever learns whether one is set and the host it points at.
 */
export class HqVault {
  readonly #store: KeyValueStore;
  readonly #cipher: Cipher;

  constructor(store: KeyValueStore, cipher: Cipher) {
    this.#store = store;
    this.#cipher = cipher;
  }

  /** Checks the connection's form (TLS rules included) before anything is stored. */
  async set(connection: HqConnection, login: HqLogin = 'till'): Promise<void> {
    clientConfig(connection);
    const url = new URL(connection.url);
    // A password typed into the URL is moved to its own field, so the URL alone is never a secret.
    const password = connection.password || decodeURIComponent(url.password);
    url.password = '';
    registerSecret(password);
    const plain = JSON.stringify({ url: url.toString(), password, ...(connection.ca ? { ca: connection.ca } : {}) });
    this.#store.set(KEYS[login], { version: 1, ciphertext: await this.#cipher.encrypt(plain) });
  }

  clear(login: HqLogin = 'till'): void {
    this.#store.delete(KEYS[login]);
  }

  /** What the renderer may see: set or not. */
  describe(login: HqLogin = 'till'): { configured: boolean } {
    return { configured: storedSchema.safeParse(this.#store.get(KEYS[login])).success };
  }

  setNames(names: HqNames): void {
    this.#store.set(NAMES_KEY, namesSchema.parse(names));
  }

  names(): HqNames {
    const stored = namesSchema.safeParse(this.#store.get(NAMES_KEY));
    return stored.success ? stored.data : { tillName: 'Kasir', outletName: '' };
  }

  async load(login: HqLogin = 'till'): Promise<HqConnection | null> {
    const stored = storedSchema.safeParse(this.#store.get(KEYS[login]));
    if (!stored.success) return null;
    const { plain } = await this.#cipher.decrypt(stored.data.ciphertext);
    const connection = connectionSchema.parse(JSON.parse(plain));
    registerSecret(connection.password);
    return connection;
  }
}
