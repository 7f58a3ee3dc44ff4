import { crc16CcittFalse } from '../../../shared/qris-crc.ts';

/**
 * A dynamic QRIS payload for a simulated order. Deliberately tiny and private: the app's real
 * QRIS parser/builder lives in shared/, and the simulator must not share its bugs.
 */
export interface SimulatedQris {
  merchantNo: string;
  amount: number;
  merchantName: string;
  city: string;
  /** Tag 62/05; EMVCo caps sub-values at 25 characters, so longer numbers are cut (as Paypro's sample is). */
  reference: string;
}

const GUI = 'ID.CO.QRIS.WWW';
const MAX_REFERENCE = 25;

export function buildSimulatedQris(qr: SimulatedQris): string {
  const merchantId = qr.merchantNo.replace(/\D/g, '').padStart(15, '0').slice(-15);
  const body =
    tlv('00', '01') +
    tlv('01', '12') + // dynamic: one amount, one payment
    tlv('26', tlv('00', GUI) + tlv('01', `9360${merchantId}`) + tlv('02', merchantId) + tlv('03', 'UMI')) +
    tlv('51', tlv('00', GUI) + tlv('02', `ID${merchantId}`) + tlv('03', 'UMI')) +
    tlv('52', '5499') +
    tlv('53', '360') +
    tlv('54', String(qr.amount)) +
    tlv('58', 'ID') +
    tlv('59', qr.merchantName.slice(0, 25)) +
    tlv('60', qr.city.slice(0, 15)) +
    tlv('62', tlv('05', qr.reference.slice(0, MAX_REFERENCE)) + tlv('07', 'A01')) +
    '6304';
  return body + crc16CcittFalse(body);
}

function tlv(tag: string, value: string): string {
  if (value.length === 0 || value.length > 99) throw new RangeError(`QRIS tag ${tag} needs 1–99 characters.`);
  return tag + String(value.length).padStart(2, '0') + value;
}
