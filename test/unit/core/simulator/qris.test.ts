import { afterEach, describe, expect, it } from 'vitest';
import { crc16CcittFalse } from '../../../../shared/qris/crc.ts';
import { buildSimulatedQris, QR_FLAWS } from '../../../../electron/core/simulator/qris.ts';
import { checkQrisForCharge } from '../../../../shared/qris/check.ts';
import { startSimulator } from '../../../../electron/core/simulator/server.ts';
import { call, createBody, MERCHANT, readTlv, SECRET } from './gateway-calls.ts';

function expectValidCrc(payload: string): void {
  expect(payload.slice(-8, -4)).toBe('6304');
  expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)));
}

describe('buildSimulatedQris', () => {
  const qr = buildSimulatedQris({ merchantNo: MERCHANT, amount: 39_000, merchantName: 'TOKO LATIHAN', city: 'JAKARTA', reference: 'POS-42' });

  it('builds a dynamic QRIS with a valid CRC', () => {
    expectValidCrc(qr);
    const tags = readTlv(qr);
    expect([...tags.keys()]).toEqual(['00', '01', '26', '51', '52', '53', '54', '58', '59', '60', '62', '63']);
    expect(Object.fromEntries(tags)).toMatchObject({
      '00': '01',
      '01': '12',
      '53': '360',
      '54': '39000',
      '58': 'ID',
      '59': 'TOKO LATIHAN',
      '60': 'JAKARTA',
    });
  });

  it('carries the QRIS merchant account template and the reference', () => {
    const tags = readTlv(qr);
    const account = readTlv(tags.get('26') ?? '');
    expect(account.get('00')).toBe('ID.CO.QRIS.WWW');
    expect(account.get('02')).toBe(`00000${MERCHANT}`);
    expect(readTlv(tags.get('51') ?? '').get('00')).toBe('ID.CO.QRIS.WWW');
    expect(readTlv(tags.get('62') ?? '').get('05')).toBe('POS-42');
  });

  it('cuts long names, cities and references to the EMVCo limits', () => {
    const long = buildSimulatedQris({ merchantNo: MERCHANT, amount: 1, merchantName: 'N'.repeat(40), city: 'C'.repeat(20), reference: 'r'.repeat(32) });
    expectValidCrc(long);
    const tags = readTlv(long);
    expect(tags.get('59')).toHaveLength(25);
    expect(tags.get('60')).toHaveLength(15);
    expect(readTlv(tags.get('62') ?? '').get('05')).toBe('r'.repeat(25));
  });
});

describe('the simulator issues QRIS for the amount charged', () => {
  let close = async () => {};
  afterEach(() => close());

  it('puts the requested amount, name and city in the payload', async () => {
    const sim = await startSimulator({ merchantNo: MERCHANT, secret: SECRET, qrMerchantName: 'WARUNG SRI', qrCity: 'BANDUNG' });
    close = sim.close;
    const data = (await call(sim.baseUrl, 'paymentLink', createBody('QR-1', { amount: 123_456 }))).json().data;
    const qrString = String(data?.qrString);
    expectValidCrc(qrString);
    const tags = readTlv(qrString);
    expect([tags.get('54'), tags.get('59'), tags.get('60')]).toEqual(['123456', 'WARUNG SRI', 'BANDUNG']);
    expect(readTlv(tags.get('62') ?? '').get('05')).toBe('QR-1');
    expect(sim.order('QR-1')?.qrString).toBe(qrString);
  });
});

describe('a flawed QR on request (what the till must refuse)', () => {
  const order = { merchantNo: MERCHANT, amount: 39_000, merchantName: 'TOKO LATIHAN', city: 'JAKARTA', reference: 'POS-42' };
  it.each([
    ['broken_crc', 'qris.crc_mismatch'],
    ['other_amount', 'qris.amount_mismatch'],
    ['surcharge', 'qris.surcharge'],
  ] as const)('%s fails the integrity check with %s', (flaw, code) => {
    const checked = checkQrisForCharge(buildSimulatedQris(order, flaw), order.amount);
    expect(checked).toMatchObject({ ok: false, error: { code } });
  });

  it('lists every flaw it can make', () => {
    expect(QR_FLAWS).toEqual(['broken_crc', 'other_amount', 'surcharge']);
    expect(checkQrisForCharge(buildSimulatedQris(order), order.amount).ok).toBe(true);
  });
});
