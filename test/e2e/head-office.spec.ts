import { test as base, expect } from '@playwright/test';
import { formatRupiah } from '../../shared/money.ts';
import { startTestPostgres, type TestPostgres } from '../harness/postgres.ts';
import { startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { screenshotAtSizes } from './fixtures.ts';

/**
 * Issue 23: two web previews as two tills of one outlet, joined to one head office (a real
 * PostgreSQL started here), sales on both; the owner's all-tills report on till 1 is the sum.
 * Till 2 then sells while the head office is down, and catches up once it is back.
 */
const test = base.extend<{ hq: TestPostgres; tills: [WebPreview, WebPreview] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  hq: async ({}, use) => {
    const server = await startTestPostgres();
    await use(server);
    await server.stop();
  },
  tills: async ({ hq }, use) => {
    const tills = [] as unknown as [WebPreview, WebPreview];
    for (const tillName of ['Kasir 1', 'Kasir 2']) {
      const preview = await startWebPreview({ hq: { adminUrl: hq.url, tillName, outletName: 'Outlet Sudirman' } });
      await setUpTraining(preview);
      tills.push(preview);
    }
    await use(tills);
    for (const preview of tills) await preview.close();
  },
});

async function sellPaid(preview: WebPreview, amount: number): Promise<void> {
  const sale = await preview.core.router.dispatch('charge', { amount });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
  const settled = await preview.core.router.dispatch('settleTraining', { tradeNo: sale.value.tradeNo, outcome: 'paid' });
  if (!settled.ok) throw new Error(JSON.stringify(settled.error));
}

async function sellCash(preview: WebPreview, amount: number, tendered: number): Promise<void> {
  const sale = await preview.core.router.dispatch('payCash', { amount, tendered });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
}

async function synced(preview: WebPreview): Promise<void> {
  await expect.poll(() => preview.core.hq.status().pending, { timeout: 20_000 }).toBe(0);
}

test('two tills of one outlet: the owner\'s all-tills report is the sum, and a till offline catches up', async ({ page, hq, tills }) => {
  test.setTimeout(90_000);
  const [one, two] = tills;
  await sellPaid(one, 10_000_000);
  await sellPaid(one, 25_000);
  await sellPaid(two, 75_000);
  await sellCash(two, 15_000, 20_000);
  await synced(one);
  await synced(two);
  // The owner PIN guards the owner's view.
  expect((await one.core.router.dispatch('setAdminPin', { newPin: '2468' })).ok).toBe(true);
  await one.core.router.dispatch('lockAdmin', {});

  await page.goto(one.url);
  await expect(page.getByTestId('hq-sync')).toHaveText('Tersinkron');
  await page.keyboard.press('F4');
  const panel = page.locator('.hq-report');
  await panel.getByLabel('PIN pemilik').fill('2468');
  await panel.getByRole('button', { name: 'Buka' }).click();
  // The PIN's scrypt check takes its time on a busy machine.
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000 + 75_000 + 15_000), { timeout: 20_000 });
  await expect(panel.getByTestId('hq-by-method')).toHaveText(`QRIS ${formatRupiah(10_000_000 + 25_000 + 75_000)} · tunai ${formatRupiah(15_000)}`);
  await panel.getByLabel('Cakupan').selectOption({ label: 'Kasir ini' });
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000));
  await panel.getByLabel('Cakupan').selectOption({ label: 'Outlet Outlet Sudirman' });
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000 + 75_000 + 15_000));
  await panel.getByLabel('Cakupan').selectOption({ label: 'Semua kasir' });
  await panel.scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'hq-all-tills-report', { check: () => panel.scrollIntoViewIfNeeded(), restore: { width: 1366, height: 900 } });

  // "The customer shows proof at another branch": till 2's sale found from till 1.
  await panel.getByLabel(/Cari di semua kasir/).fill('75.000');
  await panel.getByRole('button', { name: 'Cari' }).click();
  await expect(panel.getByRole('list', { name: 'Hasil pencarian di semua kasir' })).toContainText('Kasir 2');

  // Till 2 sells while the head office is down; its indicator says so; it catches up afterwards.
  await hq.halt();
  await sellPaid(two, 40_000);
  const tillTwo = await page.context().newPage();
  await tillTwo.goto(two.url);
  await expect(tillTwo.getByTestId('hq-sync')).toContainText(/Kantor pusat tak terjangkau sejak \d{2}\.\d{2}$|\d+ menunggu/, { timeout: 15_000 });
  await screenshotAtSizes(tillTwo, 'hq-sync-offline', { restore: { width: 1366, height: 900 } });
  await hq.start();
  await synced(two);
  await expect(tillTwo.getByTestId('hq-sync')).toHaveText('Tersinkron', { timeout: 10_000 });
  await panel.getByLabel('Cakupan').selectOption({ label: 'Kasir ini' });
  await panel.getByLabel('Cakupan').selectOption({ label: 'Semua kasir' });
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000 + 75_000 + 15_000 + 40_000), { timeout: 10_000 });
});
