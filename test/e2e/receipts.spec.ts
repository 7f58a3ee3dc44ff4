import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { PaymentView } from '../../shared/payment.ts';
import { printedText, readEscPos } from '../harness/escpos-reader.ts';
import { startFakePrinter, type FakePrinter } from '../harness/fake-printer.ts';
import { expect, SCREENSHOT_DIR, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Receipts (issue 12) in the built renderer against the real core and a fake LAN printer on
// 127.0.0.1: auto-print, reprint, a printer that is down, and the HTML receipt in Chromium.

const LARGEST = 10_000_000; // shared/settings.ts: the default maximum amount

let printer: FakePrinter;
test.beforeEach(async () => {
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.close();
});

async function dispatch<T>(preview: TestPreview, name: string, request: unknown): Promise<T> {
  const result = await preview.core.router.dispatch(name, request);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const useFakePrinter = (preview: TestPreview, patch: Record<string, unknown> = {}) =>
  dispatch(preview, 'updateReceiptSettings', {
    patch: {
      printer: { kind: 'network', host: printer.host, port: printer.port },
      shopName: 'Toko Serba Ada Sumber Rejeki Makmur',
      addressLines: ['Jl. Jenderal Sudirman No. 123, Kebayoran Baru', 'Jakarta Selatan 12190'],
      headerLines: ['NPWP 01.234.567.8-901.000'],
      footerLines: ['Terima kasih atas kunjungan Anda', 'Barang yang sudah dibeli tidak dapat ditukar'],
      ...patch,
    },
  });

/**
 * Runs in the receipt page (a string: this file is compiled without the DOM library). Lists every
 * element outside the printable width or clipped, and every amount or value broken over lines.
 */
const FIT_CHECK = `(() => {
  const body = document.body.getBoundingClientRect();
  const style = getComputedStyle(document.body);
  const left = body.left + parseFloat(style.paddingLeft) - 0.5;
  const right = body.right - parseFloat(style.paddingRight) + 0.5;
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0) continue;
    if (rect.left < left || rect.right > right) found.push('outside the printable width: ' + element.className + ' "' + element.textContent + '"');
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) found.push('clipped: ' + element.className + ' "' + element.textContent + '"');
  }
  for (const element of document.querySelectorAll('.amount, .value')) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
    if (lines.size > 1) found.push('wrapped: "' + element.textContent + '"');
  }
  return found;
})()`;

/** The screen at each size; `show`: the part to scroll into view first (on a long page). */
async function shootAll(page: Page, name: string, show?: Locator): Promise<void> {
  await screenshotAtSizes(page, name, { check: async () => show?.scrollIntoViewIfNeeded(), restore: { width: 1366, height: 900 } });
}

/** On the smallest counter screen the receipt row must not push "Transaksi baru" out of view. */
async function expectNewSaleInView(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 600 });
  const box = await page.getByRole('button', { name: /Transaksi baru/ }).boundingBox();
  const info = await page.locator('.qr-info').boundingBox();
  expect(box).not.toBeNull();
  // Inside the window and inside the scrolling column's visible part (not scrolled away).
  expect(box!.y + box!.height).toBeLessThanOrEqual(Math.min(600, info!.y + info!.height));
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function chargeOnScreen(page: Page, amount: number): Promise<void> {
  await page.keyboard.type(String(amount));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Tandai lunas' })).toBeVisible();
}

test('a paid sale prints once by itself; Cetak struk (P) and Cetak ulang in Today print again', async ({ configured: preview, page }) => {
  await useFakePrinter(preview);
  await chargeOnScreen(page, LARGEST);
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
  await expect(page.getByText('Struk tercetak (1×).')).toBeVisible();
  const [job] = await printer.waitForJobs(1);
  const lines = printedText(readEscPos(job!));
  expect(lines).toContain('   Rp 10.000.000');
  expect(lines.map((line) => line.trim())).toContain('LUNAS');
  expect(lines[0]).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
  // Printed once: nothing else arrives while the paid screen stays up.
  await page.waitForTimeout(500);
  expect(printer.jobs).toHaveLength(1);
  await shootAll(page, 'receipt-paid-printed');
  await expectNewSaleInView(page);

  // P on the paid screen prints again (a reprint, marked as one).
  await page.keyboard.press('p');
  await expect(page.getByText('Struk tercetak (2×).')).toBeVisible();
  const second = await printer.waitForJobs(2);
  expect(printedText(readEscPos(second[1]!)).map((line) => line.trim())).toContain('CETAK ULANG');

  // The paid screen covers the tabs; F2 is the cashier's way to Today from anywhere.
  await page.keyboard.press('F2');
  const tradeNo = (await dispatch<{ payments: PaymentView[] }>(preview, 'listToday', {})).payments[0]!.tradeNo;
  await page.getByRole('button', { name: `Cetak ulang struk ${tradeNo}` }).click();
  await expect(page.getByText('Struk tercetak (3×).')).toBeVisible();
  expect(await printer.waitForJobs(3)).toHaveLength(3);
  await shootAll(page, 'receipt-today-reprint');
});

test('a partly paid sale prints its receipt too, with what is still owed', async ({ configured: preview, page }) => {
  await useFakePrinter(preview);
  await chargeOnScreen(page, LARGEST);
  await page.getByRole('button', { name: 'Tandai dibayar sebagian' }).click();
  await expect(page.getByText('Struk tercetak (1×).')).toBeVisible();
  const lines = printedText(readEscPos((await printer.waitForJobs(1))[0]!)).map((line) => line.trim());
  expect(lines).toContain('DIBAYAR SEBAGIAN');
  expect(lines.some((line) => /^Kurang\s+Rp \d/.test(line))).toBe(true);
  await shootAll(page, 'receipt-partial-printed');
  await expectNewSaleInView(page);
});

test('printer down: the sale stays paid and green, the error shows, and retry prints once the printer is back', async ({ configured: preview, page }) => {
  await useFakePrinter(preview);
  await printer.stop();
  await chargeOnScreen(page, LARGEST);
  await page.getByRole('button', { name: 'Tandai lunas' }).click();
  await expect(page.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
  await expect(page.locator('.final-mark-paid')).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Struk gagal: printer menolak sambungan.' });
  await expect(alert).toBeVisible();
  await shootAll(page, 'receipt-print-failed');
  await expectNewSaleInView(page);
  // On a short screen the fault is one line; the advice opens on a taller one.
  await page.setViewportSize({ width: 1366, height: 768 });
  await alert.getByText('Periksa apa?').click();
  await expect(alert).toContainText('Printer menolak sambungan: periksa alamat IP');
  await expect(alert).toContainText('Pembayaran tetap lunas.');
  await shootAll(page, 'receipt-print-failed-details');

  const [sale] = (await dispatch<{ payments: PaymentView[] }>(preview, 'listToday', {})).payments;
  expect(sale).toMatchObject({ state: 'paid', amount: LARGEST });

  await printer.start();
  await page.getByRole('button', { name: /Coba cetak lagi/ }).click();
  await expect(page.getByText('Struk tercetak (1×).')).toBeVisible();
  expect(await printer.waitForJobs(1)).toHaveLength(1);
  // The next sale was never held up: the cashier goes on at once.
  await page.getByRole('button', { name: /Transaksi baru/ }).click();
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
});

test('Settings → Struk: a broken address is refused per field; Tes cetak gives a verdict', async ({ configured: preview, page }) => {
  await page.getByRole('tab', { name: /Pengaturan/ }).click();
  const section = page.locator('.settings');
  await section.getByRole('radio', { name: /Printer jaringan/ }).check();
  await section.getByLabel('Alamat IP printer').fill('http://printer');
  await section.getByRole('textbox', { name: 'Port' }).fill(String(printer.port));
  await section.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(section.getByText(/tanpa http:\/\//)).toBeVisible();
  expect(await dispatch(preview, 'getReceiptSettings', {})).toMatchObject({ settings: { printer: { kind: 'none' } } });

  await section.getByLabel('Alamat IP printer').fill('127.0.0.1');
  await section.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(section.getByText('Pengaturan tersimpan.')).toBeVisible();
  await section.getByRole('button', { name: 'Tes cetak' }).click();
  await expect(section.getByText(/^Tes cetak berhasil: printer 127\.0\.0\.1:/)).toBeVisible();
  expect(printedText(readEscPos((await printer.waitForJobs(1))[0]!)).map((line) => line.trim())).toContain('TES PRINTER');
  await shootAll(page, 'receipt-settings', section.locator('.receipt-settings .settings-verdict'));
  await shootAll(page, 'receipt-settings-printer', section.getByRole('radio', { name: /Printer jaringan/ }));

  printer.behaviour = 'offline';
  await section.getByRole('button', { name: 'Tes cetak' }).click();
  await expect(section.getByText(/Printer offline/)).toBeVisible();
});

test('the preview\'s receipt route answers only for paid sales and known papers', async ({ configured: preview, page }) => {
  const waiting = await dispatch<PaymentView>(preview, 'charge', { amount: 25_000 });
  const get = (path: string) => page.request.get(`${preview.origin}${path}`);
  expect((await get('/receipt/NOPE')).status()).toBe(404);
  const unpaid = await get(`/receipt/${waiting.tradeNo}`);
  expect([unpaid.status(), await unpaid.text()]).toEqual([409, 'receipt.not_printable']);
  await dispatch(preview, 'settleTraining', { tradeNo: waiting.tradeNo, outcome: 'paid' });
  expect((await get(`/receipt/${waiting.tradeNo}?paper=57`)).status()).toBe(400);
  const paid = await get(`/receipt/${waiting.tradeNo}`);
  expect(paid.status()).toBe(200);
  expect(await paid.text()).toContain('width: 58mm');
});

for (const paper of [58, 80] as const) {
  test(`the HTML receipt at ${paper} mm: the largest amount and every value fit, nothing clipped`, async ({ configured: preview, page }) => {
    await useFakePrinter(preview, { autoPrint: false, printQr: true, paperWidthMm: paper });
    const sale = await dispatch<PaymentView>(preview, 'charge', { amount: LARGEST });
    await dispatch(preview, 'settleTraining', { tradeNo: sale.tradeNo, outcome: 'partial' });
    const response = await page.goto(`${preview.origin}/receipt/${sale.tradeNo}?paper=${paper}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('DIBAYAR SEBAGIAN')).toBeVisible();
    await expect(page.getByText('Rp 10.000.000', { exact: true })).toBeVisible();

    const problems = (await page.evaluate(FIT_CHECK)) as string[];
    expect(problems).toEqual([]);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('body').screenshot({ path: join(SCREENSHOT_DIR, `receipt-html-${paper}mm.png`) });
    const pdf = await page.pdf({ path: join(SCREENSHOT_DIR, `receipt-${paper}mm.pdf`), width: `${paper}mm`, printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
}
