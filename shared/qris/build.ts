import { crc16CcittFalse } from './crc.ts';
import { encodeTlv } from './tlv.ts';

/** A field to encode; a template (26–51, 62…) may be given as its sub-fields. */
export type QrisField = { tag: string; value: string | readonly QrisField[] };

/**
 * Encodes the fields in the order given (start with 00 = `01`) and appends the CRC field 63.
 * Order is left to the caller so that tests can also build codes that break the rules.
 * Throws RangeError for a tag that is not two digits or a value outside 1–99 characters.
 */
export function buildQrisPayload(fields: readonly QrisField[]): string {
  const body = `${encodeFields(fields)}6304`;
  return body + crc16CcittFalse(body);
}

function encodeFields(fields: readonly QrisField[]): string {
  return fields.map(({ tag, value }) => encodeTlv(tag, typeof value === 'string' ? value : encodeFields(value))).join('');
}
