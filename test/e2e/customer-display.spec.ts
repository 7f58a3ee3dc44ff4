import type { Page } from '@playwright/test';
import { setShopName, setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test, tradeNoOnScreen } from './fixtures.ts';
import { decodeQrFromPng } from './qr-decode.ts';

// The customer-facing display (/customer) beside the cashier's screen, both fed by the real core
// through the web preview: the customer page gets only the sanitised customer feed.

const CUSTOMER = { name: 'Siti Rahmawati', mobile: '081377755511', email: 'siti.rahma@contoh.co.id' };
const customerQr = (page: Page) => page.getByRole('img', { name: /^Kode QRIS untuk membayar/ });

/** Opens /customer in a second page of the same browser and records every SSE message it receives. */
async function openCustomerPage(page: Page, url: string) {
  const customer = await page.context().newPage();
  const received: string[] = [];
  const requests: string[] = [];
  customer.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Chromium's own record of the stream: what actually crossed the network to the page.
  const cdp = await page.context().newCDPSession(customer);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (event) => received.push(event.data));
  const bodies: string[] = [];
  customer.on('response', (response) => {
    if (!response.url().includes('/api/')) void response.text().then((text) => bodies.push(text), () => undefined);
  });
  await customer.goto(new URL('customer', url).href);
  return { customer, received, requests, bodies };
}

/** Every size: a screenshot, the QR found in it equals the issued code, and it fills ≥ 60% of the shorter side. */
async function checkQrAtEverySize(customer: Page, issued: string, name: string) {
  const shots = await screenshotAtSizes(customer, name, { check: async (size) => {
    const qr = customerQr(customer);
    await expect(qr).toBeVisible();
    const box = (await qr.boundingBox())!;
    const shorter = Math.min(size.width, size.height);
    expect(Math.min(box.width, box.height), `QR side at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(0.6 * shorter);
    // The amount is not cut off: it fits inside its box and the window.
    const amount = customer.locator('.customer-amount');
    expect(await amount.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    const amountBox = (await amount.boundingBox())!;
    expect(amountBox.x + amountBox.width).toBeLessThanOrEqual(size.width);
  } });
  for (const { size, png } of shots) expect(decodeQrFromPng(png), `QR decoded at ${size.width}×${size.height}`).toBe(issued);
}

test('the customer display: idle, the QR the gateway issued at every size, then paid on both screens, never a customer detail', async ({
  preview,
  page,
}) => {
  // Two pages, three sizes, a QR decoded at each and a 6 s outcome: ~20 s alone, so a tripled budget.
  test.slow();
  await setUpTraining(preview);
  await setShopName(preview, 'Warung Sari Rasa');
  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  const { customer, received, requests, bodies } = await openCustomerPage(page, preview.url);

  // Idle: the shop's name and how to pay, marked as training.
  await expect(customer.getByRole('heading', { name: 'Warung Sari Rasa' })).toBeVisible();
  await expect(customer.getByText('Bayar dengan QRIS')).toBeVisible();
  await expect(customer.getByText('LATIHAN — bukan uang sungguhan')).toBeVisible();
  await screenshotAtSizes(customer, 'customer-idle');
  const doms = [await customer.content()];

  // The cashier charges the largest amount, with the customer's details typed in.
  await page.keyboard.type('10000000');
  await page.getByRole('button', { name: 'Detail pelanggan (opsional)' }).click();
  await page.getByLabel('Nama pelanggan').fill(CUSTOMER.name);
  await page.getByLabel('Nomor HP pelanggan').fill(CUSTOMER.mobile);
  await page.getByLabel('Email pelanggan').fill(CUSTOMER.email);
  await page.getByRole('button', { name: /^Tagih/ }).click();
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  const tradeNo = await tradeNoOnScreen(page);
  const issued = preview.simulator.order(tradeNo)!.qrString!;

  await expect(customerQr(customer)).toBeVisible();
  await expect(customer.getByText('Rp 10.000.000', { exact: true })).toBeVisible();
  await expect(customer.getByText(/^Berlaku \d+:\d\d$/)).toBeVisible();
  await checkQrAtEverySize(customer, issued, 'customer-qr');
  doms.push(await customer.content());

  // The customer pays: both screens show it from the same event.
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
  await expect(customer.getByRole('status')).toHaveText('LUNAS');
  await expect(customerQr(customer)).toHaveCount(0);
  await screenshotAtSizes(customer, 'customer-paid');
  doms.push(await customer.content());

  // After a few seconds the display is idle again, even with the cashier still on the paid screen.
  await expect(customer.getByText('Bayar dengan QRIS')).toBeVisible({ timeout: 10_000 });

  // Nothing about the customer reached the customer page: not its DOM, not its network traffic.
  doms.push(await customer.content());
  const dom = doms.join('\n');
  const traffic = [...received, ...bodies].join('\n');
  expect(received.length).toBeGreaterThanOrEqual(3); // idle, sale, paid
  for (const detail of Object.values(CUSTOMER)) {
    expect(dom.includes(detail), `${detail} in the customer page`).toBe(false);
    expect(traffic.includes(detail), `${detail} sent to the customer page`).toBe(false);
  }
  // It never opened the cashier's stream (which carries the payment with its customer) nor called anything.
  expect(requests.filter((path) => path.startsWith('/api/'))).toEqual(['/api/customer/events']);
  expect(await customer.evaluate(() => 'pos' in globalThis)).toBe(false);
});

test('the customer display tells a partial payment with what is still to pay, in its own language', async ({ preview, page }) => {
  await setUpTraining(preview, { language: 'id', customerDisplay: { language: 'en' } });
  await setShopName(preview, 'Warung Sari Rasa');
  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  const { customer } = await openCustomerPage(page, preview.url);
  await expect(customer.getByText('Pay with QRIS')).toBeVisible();

  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(customer.getByText('Scan to pay')).toBeVisible();
  await page.getByRole('button', { name: 'Tandai dibayar sebagian' }).click();
  await expect(customer.getByRole('status')).toHaveText('PARTIALLY PAID');
  const tradeNo = await tradeNoOnScreen(page);
  expect(preview.simulator.order(tradeNo)!.paidAmount).toBe(5_000_000); // the simulator pays half
  await expect(customer.getByText('Paid Rp 5.000.000', { exact: true })).toBeVisible();
  await expect(customer.getByText('Still to pay Rp 5.000.000', { exact: true })).toBeVisible();
  await screenshotAtSizes(customer, 'customer-partial');
});

test('the customer display shows a failed payment', async ({ configured: preview, page }) => {
  const { customer } = await openCustomerPage(page, preview.url);
  await expect(customer.getByText('Bayar dengan QRIS')).toBeVisible();
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(customerQr(customer)).toBeVisible();
  await page.getByRole('button', { name: 'Tandai gagal' }).click();
  await expect(customer.getByRole('status')).toHaveText('GAGAL');
  await screenshotAtSizes(customer, 'customer-failed');
});

test('the customer display shows an expired QR as KEDALUWARSA', async ({ configured: preview, page }) => {
  const { customer } = await openCustomerPage(page, preview.url);
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(customerQr(customer)).toBeVisible();
  preview.advanceClock(16 * 60_000); // past the 15-minute validity: main expires it at its next check
  await expect(customer.getByRole('status')).toHaveText('KEDALUWARSA', { timeout: 10_000 });
  await expect(customer.getByText('Kode QR sudah tidak berlaku. Silakan tanya kasir.')).toBeVisible();
  await screenshotAtSizes(customer, 'customer-expired');
});

test('a QR the integrity check refuses: the customer sees no code, no countdown and no "scan to pay", only that the cashier helps', async ({
  configured: preview,
  page,
}) => {
  const { customer } = await openCustomerPage(page, preview.url);
  preview.simulator.issueNext({ qrFlaw: 'other_amount' });
  await page.keyboard.type('10000000');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('Tidak bisa dibayar');

  await expect(customer.getByText('Mohon tunggu, kasir akan membantu Anda.')).toBeVisible();
  await expect(customer.getByText('Rp 10.000.000', { exact: true })).toBeVisible();
  await expect(customerQr(customer)).toHaveCount(0);
  await expect(customer.getByText(/^Berlaku/)).toHaveCount(0);
  await expect(customer.getByText('Pindai untuk membayar')).toHaveCount(0);
  await screenshotAtSizes(customer, 'customer-qr-refused');
});
