import { buildQrisPayload, type QrisField } from '../../../shared/qris/build.ts';

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

/**
 * A flaw a test asks the simulated gateway to put in a QR it issues: what the till's integrity
 * check (shared/qris/check.ts) must refuse to show.
 */
export const QR_FLAWS = ['broken_crc', 'other_amount', 'surcharge'] as const;
export type QrFlaw = (typeof QR_FLAWS)[number];

/** A dynamic QRIS payload shaped like Paypro's sample, carrying the order's amount in tag 54. */
export function buildSimulatedQris(qr: SimulatedQris, flaw?: QrFlaw): string {
  const payload = buildQrisPayload(simulatedFields(qr, flaw));
  if (flaw !== 'broken_crc') return payload;
  const crc = payload.slice(-4);
  return payload.slice(0, -4) + (crc === '0000' ? 'FFFF' : '0000');
}

function simulatedFields(qr: SimulatedQris, flaw: QrFlaw | undefined): QrisField[] {
  const merchantId = qr.merchantNo.replace(/\D/g, '').padStart(15, '0').slice(-15);
  // other_amount: the code asks 1.000 more than the order; surcharge: tag 55 "01" (tip prompt).
  const amount = flaw === 'other_amount' ? qr.amount + 1_000 : qr.amount;
  return [
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
    { tag: '54', value: String(amount) },
    ...(flaw === 'surcharge' ? [{ tag: '55', value: '01' }] : []),
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
  ];
}
