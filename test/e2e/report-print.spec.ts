import type { Page } from '@playwright/test';
import { formatRupiah } from '../../shared/money.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { printedText, readEscPos } from '../harness/escpos-reader.ts';
import { startFakePrinter } from '../harness/fake-printer.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test } from './fixtures.ts';

// Issue 16: "Cetak laporan" on the Laporan screen prints the day's report, and a shift's report
// (right after "Tutup shift", or opened again from the day's shifts), on the receipt printer (here
// the fake LAN printer, read back from its ESC/POS bytes); without a printer it says so.

const MAX = DEFAULT_SETTINGS.limits.maxAmount;
const amountField = (page: Page) => page.getByLabel('Jumlah', { exact: true });

async function sellPaid(page: Page, amount: number): Promise<void> {
  await page.keyboard.press('F1');
  await amountField(page).fill(String(amount));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
  await page.getByRole('button', { name: /Transaksi baru/ }).click();
}

test('Cetak laporan prints the report on the receipt printer; without one it says where to set it', async ({ preview, page }) => {
  test.setTimeout(90_000);
  const printer = await startFakePrinter();
  try {
    await setUpTraining(preview);
    await page.goto(preview.url);
    await expect(amountField(page)).toBeFocused();
    await sellPaid(page, MAX);

    await page.keyboard.press('F4');
    const print = page.getByRole('button', { name: 'Cetak laporan' }).first();
    await print.click();
    await expect(page.locator('.day-report [role="alert"]')).toContainText('Belum ada printer struk');

    const set = await preview.core.router.dispatch('updateReceiptSettings', {
      patch: { printer: { kind: 'network', host: printer.host, port: printer.port }, autoPrint: false },
    });
    expect(set.ok).toBe(true);
    await print.click();
    await expect(page.locator('.day-report-range .report-printed')).toHaveText(`Laporan dicetak di 127.0.0.1:${printer.port}.`);
    await expect(page.locator('.day-report [role="alert"]')).toHaveCount(0);
    const [job] = await printer.waitForJobs(1);
    const lines = printedText(readEscPos(job!));
    expect(lines).toContain('Uang diterima QRIS Rp 10.000.000');
    expect(lines).toContain('Lunas (1)          Rp 10.000.000');
    await expect(page.locator('.day-report').getByTestId('report-received')).toContainText('10.000.000');

    await screenshotAtSizes(page, 'day-report-printed', {
      check: async () => {
        await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
        await expect(print).toBeInViewport();
        const cut = await page.locator('.day-report, .day-report-range, .day-report-range .button, .report-printed').evaluateAll((elements) =>
          elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.className),
        );
        expect(cut).toEqual([]);
      },
      restore: { width: 1366, height: 768 },
    });
  } finally {
    await printer.close();
  }
});

test('a closed shift\'s report prints on the receipt printer, then again later from the day\'s shifts', async ({ preview, page }) => {
  test.setTimeout(90_000);
  const printer = await startFakePrinter();
  try {
    await setUpTraining(preview);
    const set = await preview.core.router.dispatch('updateReceiptSettings', {
      patch: { printer: { kind: 'network', host: printer.host, port: printer.port }, autoPrint: false },
    });
    expect(set.ok).toBe(true);
    await page.goto(preview.url);
    await expect(amountField(page)).toBeFocused();
    await sellPaid(page, MAX);

    await page.keyboard.press('F4');
    await page.getByRole('button', { name: 'Tutup shift' }).click();
    await page.getByRole('dialog', { name: 'Tutup shift?' }).getByRole('button', { name: 'Ya, tutup shift' }).click();
    const closed = page.locator('.shift-closed');
    await expect(closed.getByTestId('report-received')).toHaveText(formatRupiah(MAX));
    await closed.getByRole('button', { name: 'Cetak laporan' }).click();
    await expect(closed.locator('.report-printed')).toHaveText(`Laporan dicetak di 127.0.0.1:${printer.port}.`);
    const [first] = await printer.waitForJobs(1);
    const firstLines = printedText(readEscPos(first!));
    expect(firstLines.map((line) => line.trim())).toEqual(expect.arrayContaining(['LAPORAN SHIFT', 'Kasir: Kasir']));
    expect(firstLines).toContain('Lunas (1)          Rp 10.000.000');
    expect(firstLines).toContain('Penjualan                      1');

    // Later (here: after a reload), the same frozen report from the day's list of shifts.
    await page.reload();
    await expect(amountField(page)).toBeFocused();
    await page.keyboard.press('F4');
    await page.getByRole('button', { name: /^Lihat: laporan shift Kasir sejak / }).click();
    await expect(page.getByRole('button', { name: /^Sembunyikan: laporan shift Kasir sejak / })).toHaveAttribute('aria-expanded', 'true');
    const shown = page.locator('#shown-shift-report');
    await expect(shown.getByTestId('report-received')).toHaveText(formatRupiah(MAX));
    await expect(shown.getByTestId('report-sales')).toHaveText('1');
    await shown.getByRole('button', { name: 'Cetak laporan' }).click();
    await expect(shown.locator('.report-printed')).toHaveText(`Laporan dicetak di 127.0.0.1:${printer.port}.`);
    const jobs = await printer.waitForJobs(2);
    // The same frozen report: only the print time may differ.
    const withoutPrintTime = (lines: string[]) => lines.filter((line) => !line.trim().startsWith('Dicetak '));
    expect(withoutPrintTime(printedText(readEscPos(jobs[1]!)))).toEqual(withoutPrintTime(firstLines));

    await screenshotAtSizes(page, 'shift-report-again', {
      check: async () => {
        await shown.scrollIntoViewIfNeeded();
        await expect(shown.getByRole('button', { name: 'Cetak laporan' })).toBeInViewport();
        const cut = await page.locator('.day-report, .report-shifts, .report-shifts .button, #shown-shift-report, #shown-shift-report *').evaluateAll((elements) =>
          elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.className || element.tagName),
        );
        expect(cut).toEqual([]);
      },
      restore: { width: 1366, height: 768 },
    });
  } finally {
    await printer.close();
  }
});
