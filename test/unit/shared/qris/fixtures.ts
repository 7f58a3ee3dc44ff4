import { buildQrisPayload, type QrisField } from '../../../../shared/qris/build.ts';
import { crc16CcittFalse } from '../../../../shared/qris/crc.ts';

/** Paypro's sample `qrString` (paypro-api.md §2.1): dynamic, Rp 50.000, CRC 1909. */
export const PAYPRO_SAMPLE =
  '00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA610512760540550000530336062360525db913be449be4568b21c4b19e0703A0163041909';

/** A tidy dynamic QRIS code's fields; `changes` replace or add tags, `undefined` removes one. */
export function qrisFields(changes: Record<string, QrisField['value'] | undefined> = {}): QrisField[] {
  const base: Record<string, QrisField['value']> = {
    '00': '01',
    '01': '12',
    '26': [
      { tag: '00', value: 'ID.CO.QRIS.WWW' },
      { tag: '01', value: '936000000000000001' },
      { tag: '02', value: '000000000000001' },
      { tag: '03', value: 'UMI' },
    ],
    '51': [
      { tag: '00', value: 'ID.CO.QRIS.WWW' },
      { tag: '02', value: 'ID1020000000001' },
      { tag: '03', value: 'UMI' },
    ],
    '52': '5812',
    '53': '360',
    '54': '39000',
    '58': 'ID',
    '59': 'WARUNG BU SRI',
    '60': 'JAKARTA',
    '61': '12760',
    '62': [{ tag: '05', value: 'ORDER-1' }],
  };
  const merged: Record<string, QrisField['value'] | undefined> = { ...base, ...changes };
  return Object.entries(merged)
    .filter((entry): entry is [string, QrisField['value']] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, value]) => ({ tag, value }));
}

export function qris(changes: Record<string, QrisField['value'] | undefined> = {}): string {
  return buildQrisPayload(qrisFields(changes));
}

/** Appends the right CRC to a hand-made body that ends in "6304". */
export function sealed(body: string): string {
  return body + crc16CcittFalse(body);
}
