import type { Locator, Page } from '@playwright/test';
import { formatRupiah } from '../../shared/money.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { expect, SCREEN_SIZES, screenshot, test } from './fixtures.ts';

// Issue 11 item 2 and the screenshot matrix: every screen state at three window sizes, with the
// largest amount the default settings allow, photographed into test-results/screenshots/ as
// screens-<state>-<width>x<height>.png. Amounts must show in full (no element that shows one
// overflows), and the controls the cashier needs are on screen without scrolling at 1366×768 and
// up (at 1024×600 they may need a scroll, but must be reachable).

const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const MAX_TEXT = formatRupiah(MAX); // `Rp 10.000.000`, with a no-break space

const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });
const status = (page: Page) => page.locator('.qr-status[role="status"]');

/** Elements that show an amount and whose text is wider than their box (clipped or spilling). */
async function overflowingAmounts(page: Page): Promise<string[]> {
  const shown = page.locator('[data-amount], .amount-input, .qr-amount, .qr-status-detail, .today-total, .today-table, html');
  return shown.evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

for (const size of SCREEN_SIZES) {
  const label = `${size.width}x${size.height}`;
  const roomy = size.height >= 768;

  /** On screen without scrolling where the window is roomy; reachable by scrolling where not. */
  const expectOnScreen = async (control: Locator) => {
    if (!roomy) await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport({ ratio: 0.99 }); // 1% for sub-pixel edges
  };
  const shoot = async (page: Page, state: string) => {
    expect(await overflowingAmounts(page), `${state} at ${label}`).toEqual([]);
    await screenshot(page, `screens-${state}-${label}`);
  };
  const charge = async (page: Page) => {
    await amountField(page).fill(String(MAX));
    await page.keyboard.press('Enter');
    await expect(page.locator('.qr-amount')).toHaveText(MAX_TEXT);
  };
  const newSale = async (page: Page) => {
    await expectOnScreen(page.getByRole('button', { name: /Transaksi baru/ }));
    await page.getByRole('button', { name: /Transaksi baru/ }).click();
    await expect(amountField(page)).toBeFocused();
  };

  test.describe(`at ${label}`, () => {
    test.use({ viewport: size });

    test(`every screen state, largest amount, nothing cut off (${label})`, async ({ configured: preview, page }) => {
      await expectOnScreen(page.getByRole('button', { name: /^Tagih/ }));
      await shoot(page, 'sale-empty');

      await page.keyboard.type(String(MAX));
      await expect(amountField(page)).toHaveValue('10.000.000');
      await shoot(page, 'sale-max');
      await page.keyboard.press('Tab'); // leaving the field must not hide a digit
      await expect(amountField(page)).toHaveValue('10.000.000');
      expect(await overflowingAmounts(page), `sale-max after blur at ${label}`).toEqual([]);

      await amountField(page).fill('');
      await page.keyboard.type('15000,50');
      await expect(amountField(page)).toHaveAccessibleDescription(/^Rupiah tanpa desimal/);
      await shoot(page, 'sale-error');

      await charge(page);
      await expectOnScreen(page.getByRole('group', { name: 'Latihan: simulasikan pelanggan' }));
      await shoot(page, 'qr');
      await page.getByRole('button', { name: 'Tandai lunas' }).click();
      await expect(status(page)).toHaveText('LUNAS');
      await shoot(page, 'paid');
      await newSale(page);

      await charge(page);
      await page.getByRole('button', { name: 'Tandai dibayar sebagian' }).click();
      await expect(status(page)).toHaveText('Dibayar sebagian');
      await shoot(page, 'partial');
      await newSale(page);

      await charge(page);
      await page.getByRole('button', { name: 'Tandai gagal' }).click();
      await expect(status(page)).toHaveText('Pembayaran gagal');
      await shoot(page, 'failed');
      await newSale(page);

      await charge(page);
      preview.advanceClock(16 * 60_000);
      await expect(status(page)).toHaveText('Kode QR kedaluwarsa', { timeout: 5_000 });
      await shoot(page, 'expired');
      await newSale(page);

      await charge(page);
      await page.getByRole('button', { name: /^Batalkan/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ya, batalkan' }).click();
      await expect(status(page)).toHaveText('Dibatalkan');
      await shoot(page, 'cancelled');
      await newSale(page);

      await page.keyboard.press('F2');
      await expect(page.locator('.today-total-amount')).toBeVisible();
      await expect(page.getByRole('row')).toHaveCount(6); // the header and five sales
      await shoot(page, 'today');

      await page.keyboard.press('F3');
      await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
      await shoot(page, 'settings');
    });
  });
}
