import pg from 'pg';
import { PosError } from '../errors.ts';
import { clientConfig, HqConfigError, type HqConnection } from './connection.ts';
import { isOutdatedSchema } from './sync.ts';
import type { HqLogin } from './hq-vault.ts';
import { OWNER_GROUP } from './schema.ts';

/** Node's TLS verdicts on a server certificate that cannot be trusted (tls.checkServerIdentity and OpenSSL's codes). */
const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);

/** The Settings box of a login's field: the owner's login has its own (ownerUrl, ownerPassword); the CA is shared. */
export function loginField(login: HqLogin, field: 'url' | 'password' | 'ca'): string {
  return login === 'owner' && field !== 'ca' ? `owner${field[0]!.toUpperCase()}${field.slice(1)}` : field;
}

/**
 * Why a head-office login does not work, as a code the owner's screen says in words
 * (err.hq.* in renderer/i18n), with the field to look at. PostgreSQL's own message is kept as the
 * technical detail (it never contains the password).
 */
export function hqRefusal(error: unknown, login: HqLogin = 'till'): PosError {
  if (error instanceof PosError) return error;
  const box = (field: 'url' | 'password' | 'ca') => loginField(login, field);
  if (error instanceof HqConfigError) return new PosError('validation', { detail: error.message, fields: { [box('url')]: { code: 'hq.url_invalid' } } });
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  const refusal = (reason: string, field?: 'url' | 'password' | 'ca') =>
    new PosError(`hq.${reason}`, { detail: code ? `${code}: ${message}` : message, ...(field ? { fields: { [box(field)]: { code: `hq.${reason}` } } } : {}), cause: error });
  // 28P01 wrong password; 28000 no such login (or not allowed from here); 42501 no CONNECT right.
  if (code === '28P01' || code === '28000') return refusal('login_refused', 'password');
  if (code === '42501') return refusal('not_allowed', 'url');
  if (code === '3D000') return refusal('no_database', 'url');
  if (isOutdatedSchema(error)) return refusal('outdated');
  if (CERTIFICATE_CODES.has(code) || /certificate|altnames/i.test(message)) return refusal('certificate', 'ca');
  if (/does not support SSL/i.test(message)) return refusal('tls_required', 'url');
  if (/PEM|no start line|bad base64/i.test(message)) return refusal('ca_invalid', 'ca');
  return refusal('connect_failed', 'url');
}

/**
 * Connects once with a login typed in Settings → Kantor pusat and checks it is what it claims: a
 * till's login (its row in paypro.tills, made by hq:add-till) or an owner's (member of
 * paypro_owner). Answers the till's name at the head office; throws hqRefusal's PosError.
 */
export async function checkHqLogin(connection: HqConnection, login: HqLogin): Promise<{ tillName: string | null }> {
  const client = new pg.Client({ ...clientConfig(connection), connectionTimeoutMillis: 8_000, query_timeout: 8_000 });
  // A refused connection also emits 'error' on the client: handled by the await below.
  client.on('error', () => undefined);
  try {
    await client.connect();
    if (login === 'owner') {
      const { rows } = await client.query<{ owner: boolean }>(`SELECT pg_has_role(current_user, '${OWNER_GROUP}', 'member') AS owner`);
      if (rows[0]?.owner !== true) throw new PosError('hq.not_owner_login', { fields: { ownerUrl: { code: 'hq.not_owner_login' } } });
      return { tillName: null };
    }
    const { rows } = await client.query<{ till_name: string }>('SELECT till_name FROM paypro.tills WHERE role_name = current_user');
    if (rows[0] === undefined) throw new PosError('hq.not_till_login', { fields: { url: { code: 'hq.not_till_login' } } });
    return { tillName: rows[0].till_name };
  } catch (error) {
    throw hqRefusal(error, login);
  } finally {
    await client.end().catch(() => undefined);
  }
}
