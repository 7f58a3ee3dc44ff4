import { buildQrisPayload } from '../../../shared/qris/build.ts';

/** What the simulator puts in the dynamic QRIS code of one order. */
export interface SimulatedQris {
  merchantNo: string;
  amount: number;
  merchantName: string;
  city: string;
  /** Tag 62/05; EMVCo caps sub-values at 25 characters, so longer numbers are cut (as Paypro's sample is). */
  reference: string;
}

const GUI = 'ID.CO.QRIS.WWW';

/** A dynamic QRIS payload shaped like Paypro's sample, carrying the order's amount in tag 54. */
export function buildSimulatedQris(qr: SimulatedQris): string {
  const merchantId = qr.merchantNo.replace(/\D/g, '').padStart(15, '0').slice(-15);
  return buildQrisPayload([
    { tag: '00', value: '01' },
    { tag: '01', value: '12' }, // dynamic: one amount, one payment
    {
      tag: '26',
      value: [
        { tag: '00', value: GUI },
        { tag: '01', value: `9360${merchantId}` },
        { tag: '02', value: merchantId },
        { tag: '03', value: 'UMI' },
      ],
    },
    {
      tag: '51',
      value: [
        { tag: '00', value: GUI },
        { tag: '02', value: `ID${merchantId}` },
        { tag: '03', value: 'UMI' },
      ],
    },
    { tag: '52', value: '5499' },
    { tag: '53', value: '360' },
    { tag: '54', value: String(qr.amount) },
    { tag: '58', value: 'ID' },
    { tag: '59', value: qr.merchantName.slice(0, 25) },
    { tag: '60', value: qr.city.slice(0, 15) },
    {
      tag: '62',
      value: [
        { tag: '05', value: qr.reference.slice(0, 25) },
        { tag: '07', value: 'A01' },
      ],
    },
  ]);
}
