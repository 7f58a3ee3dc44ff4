import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Issue 11 item 10: start-up in training, the page language, the saved notice, the app icon, and
// an automated contrast check (axe-core) of the main screens.

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });

/** axe-core's colour-contrast rule (WCAG AA, 4.5:1 for text) over the page or a part of it. */
async function contrastViolations(page: Page, selector?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withRules(['color-contrast']);
  const result = await (selector ? builder.include(selector) : builder).analyze();
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
}

test('training, once saved, opens on Penjualan at every start, PIN or not', async ({ preview, page }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Selamat datang\./)).toBeVisible();
  // Training needs no credentials: the owner only saves (here, the defaults) and sets a PIN.
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(await preview.core.router.dispatch('setAdminPin', { newPin: '2468' })).toMatchObject({ ok: true });
  await preview.restartCore();
  await page.reload();
  await expect(page.getByRole('tab', { name: /Penjualan/ })).toHaveAttribute('aria-selected', 'true');
  await expect(amountField(page)).toBeFocused();
  await page.keyboard.type('20000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
});

test('switching to English: the page language and the saved notice follow', async ({ preview, page }) => {
  await page.goto(preview.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByText('Pengaturan tersimpan.')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the settings show the amount limits with thousands separators and Indonesian labels', async ({ preview, page }) => {
  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah maksimum (Rp)')).toHaveValue('10.000.000');
  await expect(page.getByLabel('Jumlah minimum (Rp)')).toHaveValue('1.000');
  await expect(page.getByRole('radio', { name: /^Transaksi nyata \(uang sungguhan\)/ })).toBeVisible();
  await expect(page.getByText(/\bLive\b/)).toHaveCount(0);
  // A grouped limit saves as the number it shows.
  await page.getByLabel('Jumlah maksimum (Rp)').fill('5.000.000');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(await preview.core.router.dispatch('getSettings', {})).toMatchObject({ ok: true, value: { settings: { limits: { maxAmount: 5_000_000 } } } });
});

test('the app icon is served: no request of the page fails', async ({ preview, page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/png');
  expect(failed).toEqual([]);
});

test('the main screens pass the axe-core contrast check, the paid screen with "Transaksi baru" hovered', async ({ configured: _preview, page }) => {
  // Five axe runs take ~25 s on a quiet 2-core machine: triple the 30 s budget so load cannot fail it.
  test.slow();
  expect(await contrastViolations(page), 'sale').toEqual([]);
  await page.keyboard.type('25000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
  expect(await contrastViolations(page), 'QR').toEqual([]);
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  const newSale = page.getByRole('button', { name: /Transaksi baru/ });
  await expect(newSale).toBeFocused();
  await newSale.hover();
  expect(await contrastViolations(page), 'paid, hovered').toEqual([]);
  await newSale.click();
  await page.keyboard.press('F2');
  await expect(page.getByRole('row')).toHaveCount(2);
  expect(await contrastViolations(page), 'Today').toEqual([]);
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  expect(await contrastViolations(page), 'Settings').toEqual([]);
});

test('the focus ring of "Transaksi baru" on the paid screen is drawn in full', async ({ configured: _preview, page }) => {
  await page.keyboard.type('25000');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  const newSale = page.getByRole('button', { name: /Transaksi baru/ });
  await expect(newSale).toBeFocused();
  // Back onto it by keyboard, so the ring (:focus-visible) is what a keyboard user sees.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(newSale).toBeFocused();
  const ring = await newSale.evaluate((button) => {
    const view = button.ownerDocument.defaultView;
    if (!view) throw new Error('no window');
    const getComputedStyle = view.getComputedStyle.bind(view);
    const style = getComputedStyle(button);
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const outer = button.getBoundingClientRect();
    // The nearest ancestor that clips (overflow other than visible) is where a ring gets cut.
    let clip = button.parentElement;
    while (clip && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
    const box = (clip ?? button.ownerDocument.documentElement).getBoundingClientRect();
    return {
      reach,
      fits: outer.left - reach >= box.left && outer.top - reach >= box.top && outer.right + reach <= box.right && outer.bottom + reach <= box.bottom,
    };
  });
  expect(ring.reach).toBeGreaterThan(0);
  expect(ring.fits).toBe(true);
});
