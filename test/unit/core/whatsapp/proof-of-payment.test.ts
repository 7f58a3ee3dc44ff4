import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../../shared/payment.ts';
import { SIMULATOR_VOUCHER_HOST } from '../../../../electron/core/simulator/server.ts';
import { usePrintingCore } from '../../../harness/printing-core.ts';

// Issue 20 (WhatsApp): where Paypro's proof of payment answers a URL, the message carries it;
// where it does not (an error, no answer within 3 s), the text goes alone and the cashier waits no longer.
const printing = usePrintingCore('paypro-pos-proof-');
const { call } = printing;

async function paidSale(): Promise<PaymentView> {
  const sale = await call<PaymentView>('charge', { amount: 10_000_000, customer: { mobile: '0813-9876-5432' } });
  return call<PaymentView>('settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
}

async function messageOf(tradeNo: string): Promise<string> {
  const { url } = await call<{ url: string }>('sendReceiptWhatsApp', { tradeNo });
  return new URL(url).searchParams.get('text') ?? '';
}

const simulator = async () => (await printing.core.gateways.trainingSimulator()).simulator;

describe('the WhatsApp receipt and the proof of payment', () => {
  it("carries the simulator's proof URL for a paid sale", async () => {
    const sale = await paidSale();
    const text = await messageOf(sale.tradeNo);
    expect(text).toContain(`Bukti pembayaran: https://${SIMULATOR_VOUCHER_HOST}/voucher/${sale.platformTradeNo}.pdf`);
  });

  it('goes as text alone when the proof call fails', async () => {
    const sale = await paidSale();
    (await simulator()).injectFault({ endpoint: 'indonesia/query/voucher' }, { kind: 'http500' });
    const text = await messageOf(sale.tradeNo);
    expect(text).toContain('Status: LUNAS');
    expect(text).not.toContain('Bukti pembayaran');
  });

  it('goes as text alone after 3 s when the proof does not come', async () => {
    const sale = await paidSale();
    (await simulator()).injectFault({ endpoint: 'indonesia/query/voucher' }, { kind: 'slow', delayMs: 6_000 });
    const started = Date.now();
    const text = await messageOf(sale.tradeNo);
    const waited = Date.now() - started;
    expect(text).not.toContain('Bukti pembayaran');
    expect(waited).toBeGreaterThanOrEqual(2_900);
    expect(waited).toBeLessThan(4_500);
  }, 10_000);

  it('asks nothing for a sale without a typed mobile (refused) or paid in part', async () => {
    const anonymous = await call<PaymentView>('charge', { amount: 10_000_000 });
    await call('settleTraining', { tradeNo: anonymous.tradeNo, outcome: 'paid' });
    const partial = await call<PaymentView>('charge', { amount: 10_000_000, customer: { mobile: '081398765432' } });
    await call('settleTraining', { tradeNo: partial.tradeNo, outcome: 'partial' });
    await expect(call('sendReceiptWhatsApp', { tradeNo: anonymous.tradeNo })).rejects.toMatchObject({ error: { code: 'whatsapp.no_mobile' } });
    expect(await messageOf(partial.tradeNo)).not.toContain('Bukti pembayaran');
    expect((await simulator()).requests().filter((request) => request.endpoint === 'indonesia/query/voucher')).toEqual([]);
  });
});
