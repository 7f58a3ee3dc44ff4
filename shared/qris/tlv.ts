/**
 * EMVCo TLV: a two-digit tag, a two-digit length, then that many characters of value.
 * Lengths count string characters (UTF-16 units), which for the character set QRIS allows is the
 * same as counting characters on the printed code.
 */

export type TlvField = { tag: string; value: string };

export const TLV_ERROR_CODES = ['qris.bad_tlv', 'qris.bad_length', 'qris.truncated', 'qris.duplicate_tag'] as const;
export type TlvError = { code: (typeof TLV_ERROR_CODES)[number]; detail: string };

const TWO_DIGITS = /^\d{2}$/;

/** Reads text that must be a sequence of TLV fields and nothing else. Never throws. */
export function readTlv(text: string): { ok: true; value: TlvField[] } | { ok: false; error: TlvError } {
  const fields: TlvField[] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < text.length) {
    if (text.length - at < 4) {
      return failTlv('qris.truncated', `a field header at position ${at} is cut short`);
    }
    const tag = text.slice(at, at + 2);
    const lengthText = text.slice(at + 2, at + 4);
    if (!TWO_DIGITS.test(tag)) return failTlv('qris.bad_tlv', `tag ${JSON.stringify(tag)} at position ${at} is not two digits`);
    if (!TWO_DIGITS.test(lengthText)) {
      return failTlv('qris.bad_length', `tag ${tag} at position ${at} has length ${JSON.stringify(lengthText)}`);
    }
    const length = Number(lengthText);
    // EMVCo: a field with nothing in it is left out, so a zero length means the structure is off.
    if (length === 0) return failTlv('qris.bad_length', `tag ${tag} at position ${at} has length 00`);
    const end = at + 4 + length;
    if (end > text.length) {
      return failTlv('qris.truncated', `tag ${tag} at position ${at} needs ${length} characters, ${text.length - at - 4} remain`);
    }
    if (seen.has(tag)) return failTlv('qris.duplicate_tag', `tag ${tag} appears twice`);
    seen.add(tag);
    fields.push({ tag, value: text.slice(at + 4, end) });
    at = end;
  }
  return { ok: true, value: fields };
}

/** One field's TLV text. A bad tag or length is a programming error here, so it throws. */
export function encodeTlv(tag: string, value: string): string {
  if (!TWO_DIGITS.test(tag)) throw new RangeError(`QRIS tag ${JSON.stringify(tag)} is not two digits.`);
  if (value.length < 1 || value.length > 99) throw new RangeError(`QRIS tag ${tag} needs 1–99 characters, got ${value.length}.`);
  return tag + String(value.length).padStart(2, '0') + value;
}

function failTlv(code: TlvError['code'], detail: string): { ok: false; error: TlvError } {
  return { ok: false, error: { code, detail } };
}
