import { displaySafe } from '../display-text.ts';
import { crc16CcittFalse } from './crc.ts';
import { readTlv, TLV_ERROR_CODES, type TlvField } from './tlv.ts';

/**
 * A parser for QRIS (EMVCo merchant-presented) payloads as they occur in the field. The top-level
 * structure and the CRC are strict: they are what proves the code is the one the gateway issued.
 * Nested templates are read leniently, because some real issuers' templates are not valid TLV
 * inside, and nothing the app decides depends on them.
 */

export const QRIS_ERROR_CODES = [
  'qris.empty',
  ...TLV_ERROR_CODES,
  'qris.missing_crc',
  'qris.crc_not_last',
  'qris.bad_crc_format',
  'qris.crc_mismatch',
  'qris.bad_format_indicator',
  'qris.bad_initiation_method',
  'qris.bad_amount',
] as const;
export type QrisErrorCode = (typeof QRIS_ERROR_CODES)[number];
export type QrisError = { code: QrisErrorCode; detail: string };

/** A template field: its raw value always, its sub-fields when the value is valid TLV. */
export type QrisTemplate = {
  tag: string;
  raw: string;
  subFields: Readonly<Record<string, string>> | null;
};

export type QrisSurcharge = {
  /** Tag 55: `01` customer enters a tip, `02` fixed fee, `03` percentage fee. */
  indicator: string | null;
  /** Tag 56, the fixed fee as written. */
  fixed: string | null;
  /** Tag 57, the percentage as written. */
  percentage: string | null;
};

export type QrisPayload = {
  /** Tag 00; always `01`. */
  payloadFormat: string;
  /** Tag 01: `11` static (reusable), `12` dynamic (one payment); null when absent. */
  pointOfInitiation: 'static' | 'dynamic' | null;
  /** Tags 26–51 in payload order. */
  merchantAccounts: readonly QrisTemplate[];
  /** Tag 52; some issuers leave it out. */
  merchantCategory: string | null;
  /** Tag 53, ISO 4217 numeric (`360` is IDR). */
  currency: string | null;
  /** Tag 54 as a number (`39000.00` → 39000); null when absent. */
  amount: number | null;
  /** Tag 54 as written, for exact comparison. */
  amountText: string | null;
  /** Tags 55–57, or null when none is present. A surcharge is not allowed on QRIS. */
  surcharge: QrisSurcharge | null;
  /** Tag 58. */
  country: string | null;
  /** Tag 59 as written; real names carry double or trailing spaces. */
  merchantName: string | null;
  /** Tag 59 with whitespace collapsed and trimmed; null when absent or blank. */
  merchantNameDisplay: string | null;
  /** Tag 60 as written. */
  merchantCity: string | null;
  /** Tag 60 with whitespace collapsed and trimmed; null when absent or blank. */
  merchantCityDisplay: string | null;
  /** Tag 61. */
  postalCode: string | null;
  /** Tag 62 (bill number, reference, terminal…), read leniently. */
  additionalData: QrisTemplate | null;
  /** Tag 63 as written (its case is kept). */
  crc: string;
  /** Every top-level field in payload order, including those not named above. */
  fields: readonly TlvField[];
};

export type QrisParseResult = { ok: true; value: QrisPayload } | { ok: false; error: QrisError };

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** Parses and verifies a QRIS payload. Never throws: every problem is a typed error. */
export function parseQris(payload: string): QrisParseResult {
  if (payload.length === 0) return fail('qris.empty', 'the payload is empty');
  const tlv = readTlv(payload);
  if (!tlv.ok) return { ok: false, error: tlv.error };
  const fields = tlv.value;

  const crcIndex = fields.findIndex((field) => field.tag === '63');
  if (crcIndex === -1) return fail('qris.missing_crc', 'there is no tag 63');
  if (crcIndex !== fields.length - 1) return fail('qris.crc_not_last', 'tag 63 is followed by other fields');
  const crc = fields[crcIndex]?.value ?? '';
  if (!HEX4.test(crc)) return fail('qris.bad_crc_format', `tag 63 is ${JSON.stringify(crc)}, not four hex digits`);
  // The CRC covers everything before its own value, i.e. up to and including "6304".
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (crc.toUpperCase() !== expected) return fail('qris.crc_mismatch', `tag 63 is ${crc}, the payload's CRC is ${expected}`);

  const first = fields[0];
  if (first?.tag !== '00' || first.value !== '01') {
    return fail('qris.bad_format_indicator', 'the payload does not start with tag 00 = "01"');
  }

  const byTag = new Map(fields.map((field) => [field.tag, field.value]));
  const get = (tag: string) => byTag.get(tag) ?? null;

  const initiation = get('01');
  if (initiation !== null && initiation !== '11' && initiation !== '12') {
    return fail('qris.bad_initiation_method', `tag 01 is ${JSON.stringify(initiation)}, not 11 or 12`);
  }
  const amountText = get('54');
  if (amountText !== null && !AMOUNT.test(amountText)) {
    return fail('qris.bad_amount', `tag 54 is ${JSON.stringify(amountText)}`);
  }
  const indicator = get('55');
  const fixed = get('56');
  const percentage = get('57');
  const additional = get('62');

  return {
    ok: true,
    value: {
      payloadFormat: first.value,
      pointOfInitiation: initiation === null ? null : initiation === '11' ? 'static' : 'dynamic',
      merchantAccounts: fields.filter((field) => isMerchantAccountTag(field.tag)).map(readTemplate),
      merchantCategory: get('52'),
      currency: get('53'),
      amount: amountText === null ? null : Number(amountText),
      amountText,
      surcharge: indicator !== null || fixed !== null || percentage !== null ? { indicator, fixed, percentage } : null,
      country: get('58'),
      merchantName: get('59'),
      merchantNameDisplay: forDisplay(get('59')),
      merchantCity: get('60'),
      merchantCityDisplay: forDisplay(get('60')),
      postalCode: get('61'),
      additionalData: additional === null ? null : readTemplate({ tag: '62', value: additional }),
      crc,
      fields,
    },
  };
}

function isMerchantAccountTag(tag: string): boolean {
  const number = Number(tag);
  return number >= 26 && number <= 51;
}

function readTemplate({ tag, value }: TlvField): QrisTemplate {
  const nested = readTlv(value);
  const subFields = nested.ok ? Object.fromEntries(nested.value.map((field) => [field.tag, field.value])) : null;
  return { tag, raw: value, subFields };
}

function forDisplay(text: string | null): string | null {
  const collapsed = text === null ? null : displaySafe(text).replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed : null;
}

function fail(code: QrisErrorCode, detail: string): { ok: false; error: QrisError } {
  return { ok: false, error: { code, detail } };
}
