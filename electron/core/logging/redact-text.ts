/**
 * Redaction inside free text (see redact.ts for what must never be logged, and why).
 * The text is decoded first — percent-encoding (`sign%3D…`, `%2B62…`, `%40`) and JSON string
 * escapes (`\"sign\":…`, `\u0040`), repeatedly for double encodings — so that one set of patterns
 * sees every encoding. A redacted line therefore reads decoded.
 */

export const REDACTED = '[redacted]';

/** Every form a registered secret may take in a line, longest first. */
const knownSecretForms = new Set<string>();

// Shorter base64 fragments of a secret would mask innocent text.
const MIN_BASE64_FRAGMENT = 8;

/**
 * A secret and its base64 / base64url forms. A secret inside a longer base64 text (say of
 * `merchant:secret`) encodes differently for each of its 3 possible byte offsets, so each offset's
 * characters that depend on the secret alone are registered.
 */
export function addSecretForms(secret: string): void {
  knownSecretForms.add(secret);
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = encoded.slice(first, last);
    if (fragment.length < MIN_BASE64_FRAGMENT) continue;
    knownSecretForms.add(fragment);
    knownSecretForms.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
}

export function clearSecretForms(): void {
  knownSecretForms.clear();
}

/**
 * Key names whose value is never logged: anything naming a secret, token, password or
 * authorization, and the words sign / signature / pin inside a name (`requestSign`, `x-sign`,
 * `adminPin`, `PIN_CODE`) but not inside other words (`design`, `shipping`).
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const joined = words.join('');
  if (/secret|token|passw|authori[sz]ation|apikey/.test(joined)) return true;
  return words.some((word) => /^(?:sign|signature|signed|pin|pincode)$/.test(word)) || joined === 'adminpin';
}

// `key=value`, `"key": "value"`, `key: value`: a key followed by its value, in text.
const KEYED_VALUE = /(["']?)([A-Za-z][\w.-]*)\1(\s*[:=]\s*)("[^"]*"|'[^']*'|[^"'&,;\s}\]]+)/g;
// Indonesian mobiles: 08…, 628…, +628…, digits optionally split by one space, dot or dash,
// 9 to 15 digits in all, not part of a longer number or word.
const MOBILE_IN_TEXT = /(?<![\w+])(?:\+?62[\s.-]?|0)8(?:[\s.-]?\d){6,12}(?![\w])/g;
const EMAIL_IN_TEXT = /(?<![\w.%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
// A bare 32-hex string is an MD5 sign (or a secret) more often than anything else in our logs.
const BARE_MD5 = /(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])/g;

/** `081234567890` → `*********890`: the last 3 digits, so the owner can still tell customers apart. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

/** `budi.santoso@example.co.id` → `b***@example.co.id`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return REDACTED;
  return `${email[0]}***@${email.slice(at + 1)}`;
}

/** Redacts secrets, signs and other secret-named values, mobiles and emails inside free text. */
export function redactText(text: string): string {
  let out = decodeForMatching(text);
  // Longest first, so a secret containing another is masked whole.
  for (const secret of [...knownSecretForms].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  out = out.replace(KEYED_VALUE, (match, quote: string, key: string, separator: string, value: string) => {
    if (!isSecretKey(key)) return match;
    const valueQuote = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
    return `${quote}${key}${quote}${separator}${valueQuote}${REDACTED}${valueQuote}`;
  });
  out = out.replace(BARE_MD5, REDACTED);
  out = out.replace(EMAIL_IN_TEXT, (_match, first: string, domain: string) => `${first}***@${domain}`);
  out = out.replace(MOBILE_IN_TEXT, (match) => maskMobile(match));
  return out;
}

const MAX_DECODE_ROUNDS = 3;

function decodeForMatching(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = unescapeJson(decodePercent(current));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Each run of %XX that is valid UTF-8 is decoded; anything else is left as it is. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function unescapeJson(text: string): string {
  return text
    .replace(/\\u([0-9A-Fa-f]{4})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["'/\\])/g, '$1');
}
