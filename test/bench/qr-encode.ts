import QRCode from 'qrcode';
import { buildSimulatedQris } from '../../electron/core/simulator/qris.ts';
import { sample, stats, type Figure } from './reporter.ts';

/** QR encode of a 250-character QRIS payload, as the renderer does it (qrcode, level M). */
export async function qrEncode(): Promise<Figure> {
  const base = buildSimulatedQris({ merchantNo: '8729248847', amount: 1_250_000, merchantName: 'TOKO SUMBER REJEKI JAYA ABADI', city: 'JAKARTA SELATAN', reference: '20250101123045ABCDEF12' });
  const payload = base.length >= 250 ? base.slice(0, 250) : base.padEnd(250, '0');
  const samples = await sample(2_000, 300, () => QRCode.create(payload, { errorCorrectionLevel: 'M' }));
  return { name: 'qr-encode', title: 'QR encode, 250-char QRIS payload', unit: 'ms', stats: stats(samples), targets: [{ stat: 'median', max: 2 }], notes: [`payload ${payload.length} chars (simulated QRIS ${base.length} chars, padded)`] };
}
