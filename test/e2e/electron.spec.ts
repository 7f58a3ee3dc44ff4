import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT } from '../harness/web-preview/server.ts';
import { findElectronBinary } from './electron-app.ts';
import { expect, screenshot, test } from './fixtures.ts';

// The cashier's happy path against the real app (dist/electron/main.js after `npm run build`):
// preload, IPC, sender checks, app:// protocol and safeStorage, which the web preview stands in
// for. Runs where the Electron binary exists (the GitHub workflow, a contributor's machine) and
// skips with the reason elsewhere.

const binary = findElectronBinary();
const mainScript = join(REPO_ROOT, 'dist', 'electron', 'main.js');
if ('missing' in binary) console.warn(`[electron e2e] skipped: Electron cannot run here — ${binary.missing}.`);

test.describe('Electron app', () => {
  test.skip('missing' in binary, `Electron cannot run here: ${'missing' in binary ? binary.missing : ''}`);

  let app: ElectronApplication;
  let window: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run \`npm run build\` before the Electron e2e`);
    userData = mkdtempSync(join(tmpdir(), 'paypro-pos-electron-e2e-'));
    app = await electron.launch({
      ...('path' in binary ? { executablePath: binary.path } : {}),
      args: [mainScript, `--user-data-dir=${userData}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      cwd: REPO_ROOT,
      // A fresh profile: Electron takes userData from --user-data-dir; on Linux appData is also
      // $XDG_CONFIG_HOME, set too so nothing of a contributor's own install is read or written.
      env: { ...process.env, XDG_CONFIG_HOME: userData, ELECTRON_ENABLE_LOGGING: '1' },
    });
    window = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('first run in training mode, then a sale charged with Enter and marked paid', async () => {
    await expect(window.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible({ timeout: 15_000 });
    await window.getByLabel('Nomor merchant').fill('1234567890');
    await window.getByLabel('Kunci rahasia aplikasi').fill('rahasia-latihan');
    await window.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(window.getByText('Pengaturan tersimpan.')).toBeVisible();
    await window.getByRole('button', { name: 'Tes koneksi', exact: true }).click();
    await expect(window.getByText(/^Koneksi berhasil/)).toBeVisible();

    await window.getByRole('tab', { name: /Penjualan/ }).click();
    const amount = window.getByLabel('Jumlah', { exact: true });
    await expect(amount).toBeFocused();
    await window.keyboard.type('25000');
    await expect(amount).toHaveValue('25.000');
    await window.keyboard.press('Enter');

    await expect(window.getByRole('img', { name: /^Kode QRIS untuk pembayaran/ })).toBeVisible();
    await window.getByRole('button', { name: 'Tandai lunas' }).click();
    await expect(window.locator('.qr-status[role="status"]')).toHaveText('LUNAS');
    await screenshot(window, 'electron-paid');

    await window.getByRole('button', { name: /Transaksi baru/ }).click();
    await window.getByRole('tab', { name: /Hari ini/ }).click();
    await expect(window.locator('.today-total')).toContainText('Rp 25.000');
  });

  test('the renderer has no Node and only the contract bridge', async () => {
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      pos: Object.keys((globalThis as unknown as { pos: object }).pos).sort(),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.pos).toContain('charge');
    expect(globals.pos).toContain('onPaymentUpdate');
  });

  test('the customer display: offered the real screens, never over the cashier\'s, its own window on another', async () => {
    type Displays = { ok: true; value: { displays: { id: number; cashier: boolean }[] } };
    const listed = (await window.evaluate(() =>
      (globalThis as unknown as { pos: { listDisplays(request: object): Promise<unknown> } }).pos.listDisplays({}),
    )) as Displays;
    const { displays } = listed.value;
    expect(displays.filter((display) => display.cashier)).toHaveLength(1);
    const other = displays.find((display) => !display.cashier);
    const choose = (displayId: number) =>
      window.evaluate(
        (id) =>
          (globalThis as unknown as { pos: { updateSettings(request: object): Promise<unknown> } }).pos.updateSettings({
            patch: { customerDisplay: { displayId: id } },
          }),
        displayId,
      );
    if (other === undefined) {
      // One screen (a CI display server): choosing it opens nothing over the cashier's window.
      await choose(displays[0]!.id);
      await window.waitForTimeout(1_000);
      expect(app.windows()).toHaveLength(1);
      return;
    }
    const opened = app.waitForEvent('window');
    await choose(other.id);
    const customer = await opened;
    await expect(customer.getByText('Bayar dengan QRIS')).toBeVisible();
    const globals = await customer.evaluate(() => ({
      pos: typeof (globalThis as { pos?: unknown }).pos,
      feed: Object.keys((globalThis as unknown as { customerDisplay: object }).customerDisplay),
    }));
    expect(globals).toEqual({ pos: 'undefined', feed: ['onCustomerView'] });
    await screenshot(customer, 'electron-customer-idle');
  });
});
