import { test as base, expect, type Page } from '@playwright/test';
import { addTill, HQ_MIGRATIONS, migrateHq } from '../../electron/core/hq/schema.ts';
import { formatRupiah } from '../../shared/money.ts';
import { startTestPostgres, withClient, type TestPostgres } from '../harness/postgres.ts';
import { startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { linesOf, screenshotAtSizes, type ScreenSize } from './fixtures.ts';

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

async function sellCash(preview: WebPreview, amount: number, tendered: number): Promise<string> {
  const sale = await preview.core.router.dispatch('payCash', { amount, tendered });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
  return sale.value.tradeNo;
}

async function readDownload(download: import('@playwright/test').Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Everything at the head office; after an outage allow for the back-off's longest wait (30 s, +25 % jitter). */
async function synced(preview: WebPreview, timeout = 20_000): Promise<void> {
  await expect.poll(() => preview.core.hq.status().pending, { timeout }).toBe(0);
}

/**
 * The sync indicator at this size: its words on at most two lines, and the top bar's tabs and both
 * indicators whole on the screen, side by side without overlap.
 */
async function expectTopBarFits(page: Page, size: ScreenSize): Promise<void> {
  const where = `${size.width}×${size.height}`;
  const [indicator] = await linesOf(page.getByTestId('hq-sync'));
  expect(indicator!.lines, `"${indicator!.text}" at ${where}`).toBeLessThanOrEqual(2);
  const boxes = await page.locator('.topbar .tab, .topbar .connection, .topbar .hq-sync').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent ?? '', left: box.left, right: box.right };
    }));
  expect(boxes.filter((box) => box.left < 0 || box.right > size.width), `off screen at ${where}`).toEqual([]);
  const overlaps = boxes.slice(1).filter((box, index) => box.left < boxes[index]!.right - 1);
  expect(overlaps, `overlapping at ${where}`).toEqual([]);
}

test('two tills of one outlet: the owner\'s all-tills report is the sum, and a till offline catches up', async ({ page, hq, tills }) => {
  test.setTimeout(150_000);
  const [one, two] = tills;
  await sellPaid(one, 10_000_000);
  await sellPaid(one, 25_000);
  // Till 2 works a shift with a float and counts its drawer 5.000 short at close.
  const ani = await two.core.router.dispatch('addCashier', { name: 'Ani', pin: '1357' });
  if (!ani.ok) throw new Error(JSON.stringify(ani.error));
  expect((await two.core.router.dispatch('openShift', { cashierId: ani.value.id, pin: '1357', float: 100_000 })).ok).toBe(true);
  await sellPaid(two, 75_000);
  const cashTradeNo = await sellCash(two, 15_000, 20_000);
  const closed = await two.core.router.dispatch('closeShift', { count: { counted: 110_000, expected: 115_000 } });
  expect(closed.ok, JSON.stringify(closed)).toBe(true);
  await synced(one);
  await synced(two);
  // The owner PIN guards the owner's view.
  expect((await one.core.router.dispatch('setAdminPin', { newPin: '2468' })).ok).toBe(true);
  await one.core.router.dispatch('lockAdmin', {});

  await page.goto(one.url);
  await expect(page.getByTestId('hq-sync')).toHaveText('Tersinkron');
  await screenshotAtSizes(page, 'hq-sync-synced', { check: (size) => expectTopBarFits(page, size), restore: { width: 1366, height: 900 } });
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
  // Every till's shifts: till 2's with its counted cash and the 5.000 short.
  const shifts = panel.getByTestId('hq-shifts');
  await expect(shifts).toContainText('Kasir 2 · Outlet Sudirman');
  await expect(shifts.locator('tbody tr').filter({ hasText: 'Ani' })).toContainText(/^Kasir 2 · Outlet SudirmanAni.*Rp\s115\.000Rp\s110\.000−Rp\s5\.000$/);
  // The range report over yesterday and today: the same sums (nothing was sold yesterday).
  const today = await panel.getByLabel('Sampai tanggal').inputValue();
  const yesterday = new Date(`${today}T12:00:00`);
  yesterday.setDate(yesterday.getDate() - 1);
  await panel.getByLabel('Dari tanggal').fill(yesterday.toLocaleDateString('sv-SE'));
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000 + 75_000 + 15_000));
  await expect(panel.getByTestId('hq-sales')).toHaveText('4');

  // The CSV of all tills: the till's columns plus till and outlet; customer data masked without the owner's approval.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ekspor CSV semua kasir' }).click();
  const csv = await readDownload(await download);
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  // The separator is the till's own CSV format (this computer's Excel: ';' or ',').
  const separator = header!.charAt('business_date'.length);
  expect(header!.endsWith(`${separator}till${separator}outlet`)).toBe(true);
  expect(rows).toHaveLength(4);
  expect(rows.filter((row) => row.endsWith(`${separator}Kasir 2${separator}Outlet Sudirman`))).toHaveLength(2);

  await panel.scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'hq-all-tills-report', { check: () => panel.scrollIntoViewIfNeeded(), restore: { width: 1366, height: 900 } });

  // "The customer shows proof at another branch": till 2's sale found from till 1, by amount or
  // by the end of its number (the till's F6 box), with how it was paid.
  const results = panel.getByRole('table', { name: 'Hasil pencarian di semua kasir' });
  await panel.getByLabel('atau nominal (Rp)').fill('75.000');
  await panel.getByRole('button', { name: 'Cari' }).click();
  await expect(results).toContainText('Kasir 2 · Outlet Sudirman');
  await panel.getByLabel(/Nomor transaksi atau HP/).fill(cashTradeNo.slice(-6));
  await panel.getByRole('button', { name: 'Cari' }).click();
  await expect(results.locator('tbody tr')).toHaveCount(1);
  await expect(results).toContainText(/Kasir 2 · Outlet Sudirman.*Tunai.*Rp\s15\.000/);
  await panel.getByLabel(/Nomor transaksi atau HP/).fill('');

  // Till 2 sells while the head office is down; its indicator says so; it catches up afterwards.
  await hq.halt();
  await sellPaid(two, 40_000);
  const tillTwo = await page.context().newPage();
  await tillTwo.goto(two.url);
  // Short on screen, the whole sentence in its tooltip.
  await expect(tillTwo.getByTestId('hq-sync')).toHaveText(/^Kantor pusat offline\s·\s\d{2}\.\d{2}$/, { timeout: 30_000 });
  await expect(tillTwo.getByTestId('hq-sync')).toHaveAttribute('title', /^Kantor pusat tak terjangkau sejak \d{2}\.\d{2}\. Penjualan tetap bisa jalan/);
  await screenshotAtSizes(tillTwo, 'hq-sync-offline', { check: (size) => expectTopBarFits(tillTwo, size), restore: { width: 1366, height: 900 } });
  await hq.start();
  await synced(two, 45_000);
  await expect(tillTwo.getByTestId('hq-sync')).toHaveText('Tersinkron', { timeout: 10_000 });
  await panel.getByLabel('Cakupan').selectOption({ label: 'Kasir ini' });
  await panel.getByLabel('Cakupan').selectOption({ label: 'Semua kasir' });
  await expect(panel.getByTestId('hq-received')).toHaveText(formatRupiah(10_000_000 + 25_000 + 75_000 + 15_000 + 40_000), { timeout: 10_000 });
});

/** Settings → Kantor pusat: the owner types the login hq:add-till printed. */
async function openHeadOfficeSettings(page: Page, pin: string) {
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  await page.getByLabel('PIN pemilik').fill(pin);
  await page.getByRole('button', { name: 'Buka' }).click();
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('button', { name: 'Kantor pusat' }).click();
  return page.locator('#settings-section-headOffice');
}

test('Settings → Kantor pusat: the owner types the till\'s login; a wrong password is refused in words and nothing is stored; then the sales reach the head office', async ({ page, hq }) => {
  test.setTimeout(90_000);
  const login = await withClient(hq.url, async (admin) => {
    await migrateHq(admin);
    return addTill(admin, 'Kasir 3', 'Outlet Thamrin');
  });
  const url = new URL(hq.url);
  url.username = login.role;
  url.password = '';
  const preview = await startWebPreview({});
  try {
    await setUpTraining(preview);
    expect((await preview.core.router.dispatch('setAdminPin', { newPin: '2468' })).ok).toBe(true);
    await preview.core.router.dispatch('lockAdmin', {});
    await sellPaid(preview, 10_000_000); // sold before the till had a head office: it goes too
    await page.goto(preview.url);
    await expect(page.getByTestId('hq-sync')).toHaveCount(0);
    const section = await openHeadOfficeSettings(page, '2468');
    await expect(section.getByRole('heading', { name: 'Kantor pusat' })).toBeInViewport();
    await section.locator('[id="settings-hq.url"]').fill(url.toString());
    await section.locator('[id="settings-hq.password"]').fill('salah-sekali');
    await section.getByLabel('Nama mesin kasir').fill('Kasir 3');
    await section.getByLabel('Nama outlet').fill('Outlet Thamrin');
    await section.getByRole('button', { name: 'Tes koneksi kantor pusat' }).click();
    await expect(section.locator('.verdict-failed')).toContainText('Kantor pusat menolak login ini');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(section.locator('[id="settings-hq.password"]')).toBeFocused();
    await expect(section.getByText(/Kantor pusat menolak login ini/).first()).toBeVisible();
    expect(preview.core.hq.status().configured).toBe(false);

    await section.locator('[id="settings-hq.password"]').fill(login.password);
    await section.getByRole('button', { name: 'Tes koneksi kantor pusat' }).click();
    await expect(section.locator('.verdict-ok')).toHaveText('Tersambung ke kantor pusat sebagai “Kasir 3”.');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible({ timeout: 15_000 });
    // Stored, never shown again: the boxes are empty, the screen says so.
    await expect(section.locator('[id="settings-hq.password"]')).toHaveValue('');
    await expect(section.locator('[id="settings-hq.password"]')).toHaveAttribute('placeholder', 'tersimpan');
    expect(await page.content()).not.toContain(login.password);
    await expect(page.getByTestId('hq-sync')).toHaveText('Tersinkron', { timeout: 20_000 });
    await sellCash(preview, 15_000, 20_000);
    await synced(preview);
    const rows = await withClient(hq.url, async (admin) => (await admin.query<{ till_name: string; amount: string }>(
      'SELECT t.till_name, p.amount FROM paypro.payments p JOIN paypro.tills t USING (till_id) ORDER BY p.amount')).rows);
    expect(rows).toEqual([{ till_name: 'Kasir 3', amount: '15000' }, { till_name: 'Kasir 3', amount: '10000000' }]);

    await screenshotAtSizes(page, 'settings-head-office', {
      check: async () => {
        await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('button', { name: 'Kantor pusat' }).click();
        await expect(section.getByRole('heading', { name: 'Kantor pusat' })).toBeInViewport();
      },
      restore: { width: 1366, height: 768 },
    });
  } finally {
    await preview.close();
  }
});

test('a head office older than the app: the top bar says it needs updating (hq:init), not that it is unreachable; after hq:init the sales arrive', async ({ page, hq }) => {
  test.setTimeout(90_000);
  await withClient(hq.url, (admin) => admin.query('CREATE DATABASE paypro_hq_old'));
  const oldUrl = new URL(hq.url);
  oldUrl.pathname = '/paypro_hq_old';
  // Head-office schema 1 as it shipped, before cash sales: what an owner who never ran hq:init since has.
  const login = await withClient(oldUrl.toString(), async (admin) => {
    await admin.query('CREATE TABLE public.paypro_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    await admin.query('DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \'paypro_tills\') THEN CREATE ROLE paypro_tills NOLOGIN; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \'paypro_owner\') THEN CREATE ROLE paypro_owner NOLOGIN; END IF; END $$');
    await admin.query(HQ_MIGRATIONS[0]!);
    await admin.query(`ALTER TABLE paypro.payments DROP COLUMN method, DROP COLUMN sale_id, DROP COLUMN cash_tendered,
      DROP COLUMN cash_change, DROP COLUMN completed_at, DROP COLUMN overpaid_amount`);
    await admin.query('INSERT INTO public.paypro_schema_migrations (version) VALUES (1)');
    return addTill(admin, 'Kasir 4', 'Outlet Lama');
  });
  const tillUrl = new URL(oldUrl);
  tillUrl.username = login.role;
  tillUrl.password = '';
  const preview = await startWebPreview({});
  try {
    await setUpTraining(preview);
    expect((await preview.core.router.dispatch('setAdminPin', { newPin: '2468' })).ok).toBe(true);
    const configured = await preview.core.router.dispatch('configureHq', {
      till: { url: tillUrl.toString(), password: login.password }, names: { tillName: 'Kasir 4', outletName: 'Outlet Lama' },
    });
    expect(configured.ok, JSON.stringify(configured)).toBe(true);
    await sellCash(preview, 10_000_000, 10_000_000);
    await page.goto(preview.url);
    const indicator = page.getByTestId('hq-sync');
    await expect(indicator).toHaveText('Kantor pusat perlu diperbarui', { timeout: 20_000 });
    await expect(indicator).toHaveAttribute('title', /npm run hq:init/);
    expect(preview.core.hq.status()).toMatchObject({ outdated: true, unreachableSince: null });
    expect(preview.core.hq.status().pending).toBeGreaterThan(0);
    await screenshotAtSizes(page, 'hq-sync-outdated', { check: (size) => expectTopBarFits(page, size), restore: { width: 1366, height: 768 } });

    await withClient(oldUrl.toString(), (admin) => migrateHq(admin));
    await synced(preview, 45_000);
    await expect(indicator).toHaveText('Tersinkron', { timeout: 20_000 });
  } finally {
    await preview.close();
  }
});
