import { isIP } from 'node:net';
import type pg from 'pg';

/** Where the till's head office is (issue 23); kept in the vault like the Paypro secret, never in the renderer or logs. */
export interface HqConnection {
  /** postgres://user@host:port/database — any password or sslmode in it is ignored. */
  url: string;
  password: string;
  /** PEM of the CA that signed the server's certificate (a managed Postgres's CA); the system's when absent. */
  ca?: string;
}

export class HqConfigError extends Error {}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The pg client's settings. TLS with the certificate and host name verified (libpq's
 * `sslmode=verify-full`) for any host but this machine: the till sends the shop's sales and its
 * password over the internet. The URL's own ssl parameters are dropped, because pg lets a
 * connection string's `sslmode` override the `ssl` option given beside it. No `servername` for an
 * IP address (RFC 6066 forbids it in SNI, and Node warns): the certificate is then checked against
 * the address itself (its IP subjectAltName).
 */
export function clientConfig(connection: HqConnection): pg.ClientConfig {
  let url: URL;
  try {
    url = new URL(connection.url);
  } catch {
    throw new HqConfigError('The head-office address is not a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new HqConfigError('The head-office address is not a postgres:// URL');
  }
  const loopback = LOOPBACK.has(url.hostname);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    user: decodeURIComponent(url.username),
    password: connection.password,
    ssl: loopback ? false : {
      rejectUnauthorized: true,
      ...(isIP(host) ? {} : { servername: host }),
      ...(connection.ca ? { ca: connection.ca } : {}),
    },
    keepAlive: true,
    application_name: 'paypro-pos-sync',
  };
}
