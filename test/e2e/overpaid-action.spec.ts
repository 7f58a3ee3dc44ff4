import { formatRupiah } from '../../shared/money.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';
import { expect, screenshotAtSizes, test, type TestPreview } from './fixtures.ts';

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
  await page.keyboard.press('F4');
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

  // The day report says what became of it.
  const handled = page.getByTestId('report-overpaid-resolved').first();
  await expect(handled).toHaveText(`tunai ${formatRupiah(MAX / 2)}`);
  await screenshotAtSizes(page, 'overpaid-action-report', {
    check: async () => {
      await handled.scrollIntoViewIfNeeded();
    },
    restore: { width: 1366, height: 900 },
  });
});
