import { describe, expect, it } from 'vitest';
import { COLUMNS_BY_PAPER, PAPER_WIDTHS } from '../../../../shared/receipt-settings.ts';
import { encodeReceiptEscPos, encodeTestPageEscPos, pairLines, RECEIPT_CODEPAGE_NUMBER } from '../../../../electron/core/receipts/escpos.ts';
import { buildReceipt } from '../../../../electron/core/receipts/receipt-model.ts';
import { printedText, readEscPos } from '../../../harness/escpos-reader.ts';
import { paidPayment } from '../../../harness/payment-view-fixture.ts';
import { SHOP_SETTINGS } from '../../../harness/receipt-fixture.ts';

const receiptOf = (overrides = {}, reprint = false) =>
  buildReceipt(paidPayment(overrides), { settings: SHOP_SETTINGS, timeZone: 'Asia/Jakarta', reprint });

describe('ESC/POS receipt', () => {
  it('prints the sale on 58 mm: amount, LUNAS, both numbers, masked mobile, then a cut', () => {
    const read = readEscPos(encodeReceiptEscPos(receiptOf(), { paperWidthMm: 58, qr: false }));
    const lines = printedText(read);
    expect(lines).toContain('         Toko Maju Jaya');
    expect(lines).toContain('   Rp 10.000.000');
    expect(lines).toContain('             LUNAS');
    expect(lines).toContain('No. Paypro  PP202611300000012345');
    expect(lines).toContain('No. transaksi');
    expect(lines).toContain('          20261130140455A1B2C3D4');
    expect(lines).toContain('No. HP              *********890');
    expect(lines.join('\n')).not.toContain('081234567890');
    expect(read.commands[0]).toEqual({ name: 'init' });
    expect(read.commands.at(-1)).toEqual({ name: 'cut', partial: true });
    expect(read.commands.filter((c) => c.name === 'unknown')).toEqual([]);
  });

  it.each(PAPER_WIDTHS)('fits every line in the %i mm column count, the largest amount in double size', (paper) => {
    const columns = COLUMNS_BY_PAPER[paper];
    const read = readEscPos(encodeReceiptEscPos(receiptOf({ environment: 'training' }, true), { paperWidthMm: paper, qr: true }));
    for (const line of read.lines) expect(line.columns, line.text).toBeLessThanOrEqual(columns);
    expect(read.lines.some((line) => line.text === '-'.repeat(columns))).toBe(true);
    expect(read.commands).toContainEqual({ name: 'size', width: 2, height: 2 });
  });

  it('selects Windows-1252 (ESC t 16) before any text, so the training mark keeps its dash', () => {
    const read = readEscPos(encodeReceiptEscPos(receiptOf({ environment: 'training' }), { paperWidthMm: 58, qr: false }));
    const firstText = read.lines[0]!;
    expect(read.commands.slice(0, 5)).toContainEqual({ name: 'codepage', page: RECEIPT_CODEPAGE_NUMBER });
    expect(firstText.text).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
    expect(printedText(read).filter(Boolean).at(-1)).toBe('LATIHAN — BUKAN BUKTI PEMBAYARAN');
    expect(read.commands).toContainEqual({ name: 'invert', on: true });
  });

  it('prints a partial sale with what was received and what is owed', () => {
    const lines = printedText(readEscPos(encodeReceiptEscPos(receiptOf({ state: 'partially_paid', paidAmount: 4_000_000 }), { paperWidthMm: 80, qr: false })));
    expect(lines).toContain(`${' '.repeat(16)}DIBAYAR SEBAGIAN`);
    expect(lines).toContain(`Diterima${' '.repeat(28)}Rp 4.000.000`);
    expect(lines).toContain(`Kurang${' '.repeat(30)}Rp 6.000.000`);
  });

  it('adds the QR of the Paypro number when asked', () => {
    const read = readEscPos(encodeReceiptEscPos(receiptOf(), { paperWidthMm: 80, qr: true }));
    expect(read.commands).toContainEqual({ name: 'qr', data: 'PP202611300000012345' });
  });

  it('prints a test page with a full-width ruler', () => {
    const lines = printedText(readEscPos(encodeTestPageEscPos(58, '30/11/2026 14.05 WIB')));
    expect(lines).toContain('12345678901234567890123456789012');
    expect(lines).toContain('     Kertas 58 mm, 32 kolom');
  });
});

describe('pairLines', () => {
  it('puts label and value on one line when they fit, else the value right-aligned below', () => {
    expect(pairLines('Metode', 'QRIS', 12)).toEqual(['Metode  QRIS']);
    expect(pairLines('Metode', 'QRIS-XX', 12)).toEqual(['Metode', '     QRIS-XX']);
    expect(pairLines('A', 'x'.repeat(14), 12)).toEqual(['A', 'x'.repeat(14)]);
  });
});
