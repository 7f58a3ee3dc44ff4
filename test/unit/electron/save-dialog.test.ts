import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../harness/electron-mock.ts';
import { createFileSaver } from '../../../electron/save-dialog.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

const CSV = '\uFEFFtanggal,jumlah\r\n2026-11-30,10000000\r\n';
const CSV_FILTER = { name: 'CSV', extensions: ['csv'] };
let dir: string;

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'paypro-save-dialog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saver = (parent: FakeBrowserWindow | null) => createFileSaver({ parentWindow: () => parent as unknown as import('electron').BrowserWindow | null });

describe('createFileSaver', () => {
  it('asks over the cashier\'s window, in Documents with the suggested name, then writes the bytes there', async () => {
    const main = new FakeBrowserWindow({});
    const path = join(dir, 'penjualan-2026-11-30.csv');
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const result = await saver(main).save({ suggestedName: 'penjualan-2026-11-30.csv', filter: CSV_FILTER, contents: () => CSV });
    expect(result).toEqual({ saved: true, path });
    const [parent, options] = electronMock.dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(main);
    expect(options).toEqual({
      defaultPath: join('/tmp/paypro-pos-user-data', 'penjualan-2026-11-30.csv'),
      filters: [CSV_FILTER],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(electronMock.app.getPath).toHaveBeenCalledWith('documents');
    // UTF-8 with the byte order mark first, as Excel needs it.
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(path, 'utf8')).toBe(CSV);
  });

  it('writes contents that come in pieces (the CSV export) as they come, and nothing but the file', async () => {
    const path = join(dir, 'penjualan-2026-11-01_2026-11-30.csv');
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    async function* pieces() {
      yield '\uFEFFtanggal;jumlah\r\n';
      for (let day = 1; day <= 30; day++) yield `2026-11-${String(day).padStart(2, '0')};10000000\r\n`;
    }
    expect(await saver(null).save({ suggestedName: 'x.csv', filter: CSV_FILTER, contents: () => pieces() })).toEqual({ saved: true, path });
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')).toHaveLength(32);
    expect(text.endsWith('2026-11-30;10000000\r\n')).toBe(true);
    expect(readdirSync(dir)).toEqual(['penjualan-2026-11-01_2026-11-30.csv']);
  });

  it('a write that fails half-way leaves the earlier file of that name as it was and no partial file', async () => {
    const path = join(dir, 'penjualan.csv');
    writeFileSync(path, 'the export of last month');
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    async function* failing() {
      yield '\uFEFFtanggal;jumlah\r\n';
      throw new Error('ledger closed');
    }
    await expect(saver(null).save({ suggestedName: 'penjualan.csv', filter: CSV_FILTER, contents: () => failing() })).rejects.toThrow('ledger closed');
    expect(readFileSync(path, 'utf8')).toBe('the export of last month');
    expect(readdirSync(dir)).toEqual(['penjualan.csv']);
  });

  it('Linux: a name typed without the extension gets .csv (GTK keeps the name as typed)', async () => {
    electronMock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'laporan') });
    const result = await saver(null).save({ suggestedName: 'penjualan.csv', filter: CSV_FILTER, contents: () => CSV });
    expect(result).toEqual({ saved: true, path: join(dir, 'laporan.csv') });
    expect(readFileSync(join(dir, 'laporan.csv'), 'utf8')).toBe(CSV);
    expect(existsSync(join(dir, 'laporan'))).toBe(false);
    expect(electronMock.dialog.showSaveDialog).toHaveBeenCalledOnce();
  });

  it('Linux: when the name with the extension exists, the dialog asks again on it, so the overwrite is confirmed', async () => {
    writeFileSync(join(dir, 'laporan.pdf'), 'old');
    electronMock.dialog.showSaveDialog
      .mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'laporan') })
      .mockResolvedValueOnce({ canceled: true, filePath: '' });
    const pdf = { name: 'PDF', extensions: ['pdf'] };
    expect(await saver(null).save({ suggestedName: 'struk.pdf', filter: pdf, contents: () => Buffer.from('%PDF') })).toEqual({ saved: false });
    expect(electronMock.dialog.showSaveDialog.mock.calls[1]!.at(-1)).toMatchObject({ defaultPath: join(dir, 'laporan.pdf') });
    expect(readFileSync(join(dir, 'laporan.pdf'), 'utf8')).toBe('old');
  });

  it('a cancelled dialog neither builds nor writes the file', async () => {
    const contents = vi.fn(() => CSV);
    expect(await saver(new FakeBrowserWindow({})).save({ suggestedName: 'a.csv', filter: CSV_FILTER, contents })).toEqual({ saved: false });
    expect(contents).not.toHaveBeenCalled();
  });

  it('without an open window the dialog stands alone (no destroyed window as its parent)', async () => {
    const closed = new FakeBrowserWindow({});
    closed.destroy();
    const path = join(dir, 'b.csv');
    electronMock.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    await saver(closed).save({ suggestedName: 'b.csv', filter: CSV_FILTER, contents: async () => CSV });
    await saver(null).save({ suggestedName: 'b.csv', filter: CSV_FILTER, contents: async () => CSV });
    for (const call of electronMock.dialog.showSaveDialog.mock.calls) {
      expect(call).toHaveLength(1);
      expect(call[0]).toMatchObject({ filters: [CSV_FILTER] });
    }
    expect(existsSync(path)).toBe(true);
  });
});
