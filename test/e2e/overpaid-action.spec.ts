import { formatRupiah } from '../../shared/money.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, linesOf, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

// Issue 22: a partial QR whose rest was paid in cash, that Paypro later reports paid in full: the
// customer paid twice. "Perlu tindakan" asks what became of the money, with no default; handed back
// in cash it needs the owner's PIN and leaves the shift's drawer.

test.describe.configure({ timeout: 90_000 });

const OWNER_PIN = '975310';
const MAX = 10_000_000;

async function dispatch<T = unknown>(preview: TestPreview, name: string, request: object): Promise<T> {
  const result = await preview.core.router.dispatch(name as never, request as never);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

test('the customer paid twice: Perlu tindakan asks what became of the excess; a cash refund needs the owner PIN and leaves the drawer', async ({ preview, page }) => {
  await dispatch(preview, 'setAdminPin', { newPin: OWNER_PIN });
  await setUpTraining(preview);
  await dispatch(preview, 'lockAdmin', {});
  const sale = await dispatch<{ tradeNo: string }>(preview, 'charge', { amount: MAX });
  await dispatch(preview, 'settleTraining', { tradeNo: sale.tradeNo, outcome: 'partial' }); // half on the QR
  await dispatch(preview, 'payCash', { saleTradeNo: sale.tradeNo, tendered: MAX / 2 }); // the rest in cash
  // …and the customer paid the QR in full as well.
  await dispatch(preview, 'settleTraining', { tradeNo: sale.tradeNo, outcome: 'paid' });
  expect(preview.core.payments.get(sale.tradeNo)).toMatchObject({ state: 'paid', paidAmount: MAX / 2, overpaidAmount: MAX / 2 });

  await page.goto(preview.url);
  await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
  // No late payment, only the overpayment: the sale screen and the Hari ini tab still say someone must act.
  const banner = page.locator('.late-banner');
  await expect(banner).toContainText('1 pembayaran perlu tindakan.');
  await expect(page.getByTestId('late-count')).toHaveText('1');
  await expect(page.getByTestId('late-count')).toHaveAttribute('aria-label', '1 pembayaran perlu tindakan');
  await screenshotAtSizes(page, 'overpaid-action-banner', {
    check: async (size) => {
      await expect(banner.getByRole('button', { name: 'Lihat (F4)' }), `banner at ${size.width}×${size.height}`).toBeInViewport();
      await expect(page.getByLabel('Jumlah', { exact: true })).toBeInViewport();
    },
    restore: { width: 1366, height: 900 },
  });
  await page.getByRole('tab', { name: /Hari ini/ }).click();
  await expect(page.locator('.today .late-banner')).toContainText('1 pembayaran perlu tindakan.');
  await page.locator('.today .late-banner').getByRole('button', { name: 'Lihat (F4)' }).click();
  await expect(page.getByRole('heading', { name: 'Perlu tindakan (1)' })).toBeVisible();
  const item = page.locator(`.overpaid-item[data-overpaid-trade-no="${sale.tradeNo}"]`);
  await expect(item).toContainText(`Pelanggan membayar dua kali: kelebihan ${formatRupiah(MAX / 2)}`);
  await expect(item).toContainText(`Penjualan ${formatRupiah(MAX)}`);
  // Nothing is chosen for the cashier.
  await expect(item.getByLabel('Tindakan', { exact: true })).toHaveValue('');
  await expect(item.getByRole('button', { name: 'Simpan tindakan' })).toBeDisabled();

  // Kept without a note: refused where it is typed.
  await item.getByLabel('Tindakan', { exact: true }).selectOption('kept');
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(item.locator('.field-error')).toHaveText('Tulis catatan: kenapa disimpan, atau deposit siapa?');

  // Handed back in cash: the owner's PIN, asked for before anything is recorded.
  await item.getByLabel('Tindakan', { exact: true }).selectOption('refunded_cash');
  await item.getByLabel('Catatan', { exact: true }).fill('Dikembalikan ke pelanggan');
  await expect(item).toContainText('Uang tunai keluar dari laci shift ini');
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(item).toContainText('Uang tunai dikembalikan dari laci: perlu PIN pemilik.');
  await screenshotAtSizes(page, 'overpaid-action', {
    check: async (size) => {
      await item.scrollIntoViewIfNeeded();
      const wide = await page.locator('.late-payments, .late-item, .late-what, .late-form .field, html').evaluateAll((elements) =>
        elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.className || element.tagName));
      expect(wide, `cut off at ${size.width}×${size.height}`).toEqual([]);
      await expect(item.getByRole('button', { name: 'Simpan tindakan' })).toBeInViewport();
    },
    restore: { width: 1366, height: 900 },
  });

  const shiftId = (await dispatch<{ shift: { id: number } }>(preview, 'getDayStatus', {})).shift.id;
  const drawer = async () => (await dispatch<{ report: { cash: { expected: number; cashRefunds: { amount: number } } } }>(preview, 'getShiftReport', { shiftId })).report.cash;
  expect(await drawer()).toMatchObject({ expected: MAX / 2, cashRefunds: { amount: 0 } });
  await item.getByLabel('PIN pemilik', { exact: true }).fill(OWNER_PIN);
  await item.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Perlu tindakan/ })).toHaveCount(0);
  expect(await drawer()).toMatchObject({ expected: 0, cashRefunds: { amount: MAX / 2 } });
  await expect(page.getByTestId('late-count')).toHaveCount(0);

  // The day report says what became of it.
  const handled = page.getByTestId('report-overpaid-resolved').first();
  await expect(handled).toHaveText(`tunai ${formatRupiah(MAX / 2)}`);
  await screenshotAtSizes(page, 'overpaid-action-report', {
    check: async () => {
      await handled.scrollIntoViewIfNeeded();
    },
    restore: { width: 1366, height: 900 },
  });

  // Two QRs paid Rp 10.000.000 over their charge, given back outside the app and kept: every
  // outcome in the shift's report at the largest figure.
  for (const outcome of ['refunded_outside', 'kept'] as const) {
    const over = await dispatch<{ tradeNo: string }>(preview, 'charge', { amount: 10_000 });
    preview.simulator.settle(over.tradeNo, 'paid', { paidAmount: 10_000 + MAX });
    await dispatch(preview, 'recheckPayment', { tradeNo: over.tradeNo });
    await dispatch(preview, 'resolveOverpaid', { tradeNo: over.tradeNo, outcome, note: 'Deposit Bu Sari' });
  }

  // Closing the shift shows its report in the half-width card: the overpaid lines with
  // Rp 10.000.000 figures take at most two lines a label and one a value, whole inside the card.
  await page.getByRole('button', { name: 'Tutup shift' }).click();
  await page.getByRole('dialog', { name: 'Tutup shift?' }).getByRole('button', { name: 'Ya, tutup shift' }).click();
  const shiftReport = page.locator('.shift-panel').getByTestId('shift-report');
  await expect(shiftReport.getByTestId('report-overpaid')).toHaveText(`3 (${formatRupiah(MAX / 2 + 2 * MAX)}), tidak termasuk uang diterima`);
  await expect(shiftReport.getByTestId('report-overpaid-resolved')).toHaveText([`tunai ${formatRupiah(MAX / 2)}`, `di luar aplikasi ${formatRupiah(MAX)}`, `disimpan ${formatRupiah(MAX)}`]);
  await screenshotAtSizes(page, 'overpaid-action-shift-report', {
    check: async (size) => {
      await shiftReport.locator('.report-facts').scrollIntoViewIfNeeded();
      const where = `at ${size.width}×${size.height}`;
      const labels = (await linesOf(shiftReport.locator('.report-facts dt'))).filter((label) => label.lines > 2);
      expect(labels, `labels over two lines ${where}`).toEqual([]);
      const values = await linesOf(shiftReport.locator('.report-facts dd'));
      expect(values.filter((value) => value.lines !== 1), `values over one line ${where}`).toEqual([]);
      // Each figure's text whole inside the card (a value that may not wrap would run past its edge).
      const card = (await page.locator('.shift-panel').boundingBox())!;
      expect(values.filter((value) => value.right > card.x + card.width + 1).map((value) => value.text), `values cut off ${where}`).toEqual([]);
    },
    restore: { width: 1366, height: 900 },
  });
});
