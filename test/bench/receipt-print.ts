import type { PaymentView } from '../../shared/payment.ts';
import { startPrinterCore } from './printer-core.ts';
import { stats, type Figure } from './reporter.ts';

const SAMPLES = 200;
const WARMUP = 20;

/**
 * Paid → last receipt byte at the printer: from the moment core records a sale as paid (its
 * update) to the last byte of the auto-printed receipt arriving at a LAN printer on loopback.
 * The whole core: the update, the queue, the ledger read and event, the receipt model, ESC/POS
 * encoding, the status exchange and the send.
 */
export async function receiptPrint(): Promise<Figure> {
  const { core, printer, call, close } = await startPrinterCore('receipt');
  const paidAt = new Map<string, number>();
  core.onPaymentUpdate((payment) => {
    if (payment.state === 'paid' && !paidAt.has(payment.tradeNo)) paidAt.set(payment.tradeNo, performance.now());
  });
  try {
    await call('updateSettings', { patch: { environment: 'training', merchantNo: '1234567890' }, secret: 'bench-secret' });
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printer.host, port: printer.port }, printQr: true } });
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const sale = await call<PaymentView>('charge', { amount: 10_000_000 });
      await call('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
      await printer.waitForJobs(i + 1);
      const latency = printer.lastByteAt[i]! - paidAt.get(sale.tradeNo)!;
      if (i >= WARMUP) samples.push(latency);
    }
    return {
      name: 'receipt-print',
      title: 'paid → last receipt byte at the network printer (core, loopback)',
      unit: 'ms',
      stats: stats(samples),
      targets: [{ stat: 'p95', max: 300 }],
      notes: ['auto-print of a Rp 10.000.000 training receipt with QR, 58 mm; includes the DLE EOT status exchange before and after'],
    };
  } finally {
    await close();
  }
}
