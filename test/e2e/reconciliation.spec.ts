import type { Page } from '@playwright/test';
import { formatRupiah } from '../../shared/money.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test } from './fixtures.ts';
import { overflowing } from './overflow.ts';
import { sell } from './training-sale.ts';

// Issue 22: "Cocokkan dengan Paypro" in Laporan against the simulator with planted disagreements,
// the offer at day close, and "Perkiraan dana dari Paypro". Photographed at three sizes with the
// largest amount (recon-<state>-<size>.png).

const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });

/** Text wider than its box in the reconciliation card or the payout estimate: cut off. */
const RECON_TEXT = '.reconciliation, .reconciliation td, .reconciliation th, .payout-estimate, .payout-estimate dd, html';


test('reconciliation in Laporan lists exactly the planted disagreements; the late payment is recorded as such', async ({ preview, page }) => {
  test.setTimeout(90_000);
  await setUpTraining(preview);
  await page.goto(preview.url);
  await expect(amountField(page)).toBeFocused();
  await sell(page, MAX, 'Tandai lunas');
  const paidLate = await sell(page, 123_456, 'cancel');
  const forgotten = await sell(page, 25_000, 'Tandai lunas');
  await sell(page, 40_000, 'cancel');

  // An hour later the counter has stopped watching; at "Paypro" the cancelled Rp 123.456 was paid
  // after all, and the simulator has forgotten another sale (as after a restart).
  preview.advanceClock(61 * 60_000);
  preview.simulator.settle(paidLate, 'paid');
  expect(preview.simulator.forget(forgotten)).toBe(true);

  await page.keyboard.press('F4');
  const card = page.locator('.reconciliation');
  await expect(card).toContainText('Hari ini belum dicocokkan dengan Paypro.');
  await card.getByRole('button', { name: 'Cocokkan dengan Paypro' }).click();
  await expect(card.getByTestId('recon-outcome')).toHaveText('2 cocok, 2 perlu dilihat', { timeout: 20_000 });
  const rows = card.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(card.locator(`tr[data-verdict="paid_late"]`)).toContainText(paidLate);
  await expect(card.locator(`tr[data-verdict="paid_late"]`)).toContainText('Dibatalkan, diterima Rp 0');
  await expect(card.locator(`tr[data-verdict="paid_late"]`)).toContainText('Dibayar, diterima Rp 123.456');
  await expect(card.locator(`tr[data-verdict="forgotten_by_simulator"]`)).toContainText(forgotten);
  await expect(card.locator(`tr[data-verdict="forgotten_by_simulator"]`)).toContainText('Simulator latihan tidak lagi menyimpannya');

  // Through the normal rules: a late payment to resolve, counted in the day's money and the payout.
  await expect(page.locator('.late-payments')).toContainText('Perlu tindakan (1)');
  const received = MAX + 123_456 + 25_000;
  const mdr = 70_000 + 864 + 175; // 0.7% each, rounded per transaction
  await expect(page.locator('.day-report').getByTestId('report-received')).toHaveText(formatRupiah(received));
  await expect(page.getByTestId('payout-expected')).toHaveText(formatRupiah(received - mdr));

  await screenshotAtSizes(page, 'recon-disagreements', {
    check: async () => {
      await card.scrollIntoViewIfNeeded();
      await expect(card.getByTestId('recon-outcome')).toBeInViewport();
      expect(await overflowing(page, RECON_TEXT)).toEqual([]);
    },
    restore: { width: 1366, height: 768 },
  });
  await page.locator('.payout-estimate').scrollIntoViewIfNeeded();
  await screenshotAtSizes(page, 'recon-payout', {
    check: async () => {
      await page.locator('.payout-estimate').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('payout-expected')).toBeInViewport();
    },
    restore: { width: 1366, height: 768 },
  });
});

test('closing the shift offers the reconciliation; a clean day ends with "Semua cocok"', async ({ preview, page }) => {
  test.setTimeout(60_000);
  await setUpTraining(preview);
  await page.goto(preview.url);
  await expect(amountField(page)).toBeFocused();
  await sell(page, MAX, 'Tandai lunas');
  await sell(page, 15_000, 'Tandai lunas');
  await page.keyboard.press('F4');
  await page.getByRole('button', { name: 'Tutup shift' }).click();
  await page.getByRole('dialog', { name: 'Tutup shift?' }).getByRole('button', { name: 'Ya, tutup shift' }).click();
  const offer = page.locator('.recon-offer');
  await expect(offer).toContainText('Hari selesai? Cocokkan transaksi hari ini dengan Paypro');
  await offer.getByRole('button', { name: 'Cocokkan dengan Paypro' }).click();
  await expect(offer).toContainText('Pencocokan berjalan.');
  const card = page.locator('.reconciliation');
  await expect(card.getByTestId('recon-outcome')).toHaveText('Semua cocok: 2 transaksi', { timeout: 20_000 });
  await expect(card).toContainText('saat tutup hari');
  await screenshotAtSizes(page, 'recon-all-agree', {
    check: async () => {
      await card.scrollIntoViewIfNeeded();
      await expect(card.getByTestId('recon-outcome')).toBeInViewport();
      expect(await overflowing(page, RECON_TEXT)).toEqual([]);
    },
    restore: { width: 1366, height: 768 },
  });
});

test('Settings: the QRIS MDR plan, with the note that the MDR is never charged to the customer', async ({ preview, page }) => {
  await setUpTraining(preview);
  await page.goto(preview.url);
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  const section = page.getByRole('group', { name: 'Biaya QRIS (MDR)' });
  const plan = section.getByLabel('Jenis usaha untuk MDR QRIS');
  await expect(plan).toHaveValue('regular');
  await expect(section).toContainText('tidak boleh dibebankan kepada pelanggan');
  await plan.selectOption('micro');
  await screenshotAtSizes(page, 'recon-settings-mdr', {
    check: async () => {
      await section.scrollIntoViewIfNeeded();
      await expect(plan).toBeInViewport();
    },
    restore: { width: 1366, height: 768 },
  });
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(await preview.core.router.dispatch('getSettings', {})).toMatchObject({ ok: true, value: { settings: { mdr: { plan: 'micro' } } } });
});
