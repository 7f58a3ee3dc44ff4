import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_CONTACT } from '../../../../shared/shop-contact.ts';
import { startPaymentFixture, type PaymentFixture } from '../../../harness/payment-fixture.ts';

// Issue 20 #6: no invented customer goes to Paypro. A field the cashier leaves blank is sent with
// the shop's own contact (Settings → Toko dan struk); live, without one, the charge is refused.
const SHOP = { name: 'Warung Sari', mobile: '081298765432', email: 'warung@example.co.id' };
const NO_CONTACT = { name: '', mobile: '', email: '' };
let fixture: PaymentFixture;
let requests: number;

afterEach(async () => {
  await fixture?.close();
});

async function start(environment: 'training' | 'live', contact: typeof SHOP) {
  requests = 0;
  fixture = await startPaymentFixture({
    settings: { environment, defaultCustomer: contact },
    simulator: {
      faults: () => {
        requests++;
        return undefined;
      },
    },
  });
}

const sent = (tradeNo: string) => {
  const request = fixture.simulator.order(tradeNo)?.request ?? {};
  return { name: request.username, mobile: request.mobile, email: request.email };
};

describe("the shop's contact for Paypro", () => {
  it('refuses a live charge without a typed customer when the shop has no contact, before anything is sent or recorded', async () => {
    await start('live', NO_CONTACT);
    await expect(fixture.service.charge({ amount: 75_000 })).rejects.toMatchObject({ code: 'payment.shop_contact_missing' });
    // Also when only the field the cashier left blank is missing from the contact.
    fixture.settings.defaultCustomer = { ...SHOP, email: '' };
    await expect(fixture.service.charge({ amount: 75_000, customer: { name: 'Budi' } })).rejects.toMatchObject({ code: 'payment.shop_contact_missing' });
    expect(requests).toBe(0);
    expect(fixture.service.listDay().countByState).toMatchObject({ creating: 0, awaiting_payment: 0 });
  });

  it("sends the shop's contact for the blank fields, and the view names only what the cashier typed", async () => {
    await start('live', SHOP);
    const payment = await fixture.service.charge({ amount: 75_000, customer: { mobile: '0813 1111 2222' } });
    expect(sent(payment.tradeNo)).toEqual({ ...SHOP, mobile: '081311112222' });
    expect(payment.customer).toEqual({ name: '', mobile: '081311112222', email: '' });
    expect(fixture.ledger.get(payment.tradeNo)).toMatchObject({
      customerName: SHOP.name, customerMobile: '081311112222', customerEmail: SHOP.email,
      customerTyped: { name: false, mobile: true, email: false },
    });
  });

  it('a live charge with the whole customer typed needs no shop contact', async () => {
    await start('live', NO_CONTACT);
    const customer = { name: 'Budi Santoso', mobile: '081211112222', email: 'budi@example.co.id' };
    const payment = await fixture.service.charge({ amount: 75_000, customer });
    expect(sent(payment.tradeNo)).toEqual(customer);
    expect(payment.customer).toEqual(customer);
  });

  it('training charges without any contact, with a plainly fake one that only the simulator sees', async () => {
    await start('training', NO_CONTACT);
    const payment = await fixture.service.charge({ amount: 75_000 });
    expect(sent(payment.tradeNo)).toEqual(TRAINING_CONTACT);
    expect(TRAINING_CONTACT.email.endsWith('.invalid')).toBe(true);
    expect(payment.customer).toEqual(NO_CONTACT);
  });

  it('cash records only what the cashier typed, never the shop contact, and needs none live', async () => {
    await start('live', SHOP);
    const cash = await fixture.service.payCash({ amount: 20_000, tendered: 50_000 });
    expect(fixture.ledger.get(cash.tradeNo)).toMatchObject({ customerName: '', customerMobile: '', customerEmail: '' });
    expect(cash.customer).toEqual(NO_CONTACT);
    expect(requests).toBe(0);
  });
});
