import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { Ledger } from '../../electron/core/ledger/ledger.ts';
import { createPayproClient } from '../../electron/core/paypro/client.ts';
import { createMerchantSigner } from '../../electron/core/paypro/sign.ts';
import { PaymentService } from '../../electron/core/payments/payment-service.ts';
import { startSimulator } from '../../electron/core/simulator/server.ts';
import { sample, stats, type Figure } from './reporter.ts';

/** PaymentService.charge → awaiting_payment against the simulator on loopback (answers at once). */
export async function chargeAwaiting(): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'paypro-bench-'));
  const simulator = await startSimulator({ merchantNo: '8729248847', secret: 'bench-secret', host: '127.0.0.1' });
  const ledger = Ledger.open(join(dir, 'ledger.sqlite'));
  const client = createPayproClient({ baseUrl: simulator.baseUrl, signer: createMerchantSigner('8729248847', 'bench-secret') });
  const settings = { ...DEFAULT_SETTINGS, merchantNo: '8729248847' };
  const service = new PaymentService({ ledger, gatewayFor: async () => client, settings: () => settings });
  try {
    const samples = await sample(500, 50, async () => {
      const payment = await service.charge({ amount: '75000' });
      if (payment.state !== 'awaiting_payment') throw new Error(`charge ended ${payment.state}`);
    });
    return { name: 'charge-awaiting', title: 'charge → awaiting (core, loopback simulator)', unit: 'ms', stats: stats(samples), notes: ['includes validation, fsynced record, signed HTTP create, fsynced update, QR integrity check'] };
  } finally {
    await service.close();
    ledger.close();
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
