import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS_BY_PAPER, PAPER_WIDTHS } from '../../../../shared/receipt-settings.ts';
import { encodeReceiptEscPos, encodeRowsEscPos, encodeTestPageEscPos, pairLines, RECEIPT_CODEPAGE_NUMBER } from '../../../../electron/core/receipts/escpos.ts';
import { buildReceipt, type ReceiptRow } from '../../../../electron/core/receipts/receipt-model.ts';
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

describe('ESC/POS text path: no printer command from data', () => {
  // Any text, weighted towards the bytes a printer obeys: ESC, GS, DLE, FS, LF, CR, DEL and C1.
  const hostileChar = fc.oneof(
    fc.constantFrom('\u001b', '\u001d', '\u0010', '\u001c', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u009b', 'p', '@', 'V', '\u0001'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const hostile = fc.string({ unit: hostileChar, maxLength: 40 });
  const lines = fc.array(hostile, { maxLength: 4 });
  const C0_C1 = /\p{Cc}/gu;
  const strip = (text: string) => text.replace(C0_C1, '');

  const row: fc.Arbitrary<ReceiptRow> = fc.oneof(
    fc.record({ kind: fc.constantFrom('title' as const, 'center' as const, 'banner' as const, 'amount' as const, 'status' as const), text: hostile }),
    fc.record({ kind: fc.constant('pair' as const), label: hostile, value: hostile }),
    fc.record({ kind: fc.constant('qr' as const), value: hostile.filter((text) => strip(text) !== '') }),
    fc.constant({ kind: 'rule' as const }),
  );
  const stripRow = (r: ReceiptRow): ReceiptRow =>
    r.kind === 'rule' ? r : r.kind === 'pair' ? { ...r, label: strip(r.label), value: strip(r.value) } : r.kind === 'qr' ? { ...r, value: strip(r.value) } : { ...r, text: strip(r.text) };
  const paper = fc.constantFrom(58 as const, 80 as const);

  it('sends for any rows the same bytes as for their texts without control characters', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), paper, (rows, width) => {
        expect(encodeRowsEscPos(rows, width)).toEqual(encodeRowsEscPos(rows.map(stripRow), width));
      }),
      { numRuns: 300 },
    );
  });

  it('emits, for any shop settings, Paypro number and customer, only the encoder\'s own commands', () => {
    fc.assert(
      fc.property(hostile, lines, lines, lines, hostile, hostile, paper, (shopName, addressLines, headerLines, footerLines, id, name, width) => {
        const receipt = buildReceipt(paidPayment({ platformTradeNo: id, customer: { name, mobile: '081234567890', email: 'a@b.co' } }), {
          settings: { ...SHOP_SETTINGS, shopName, addressLines, headerLines, footerLines },
          timeZone: 'Asia/Jakarta',
          reprint: false,
        });
        const read = readEscPos(encodeReceiptEscPos(receipt, { paperWidthMm: width, qr: true }));
        expect(read.commands.filter((c) => c.name === 'unknown' || c.name === 'status-request')).toEqual([]);
        expect(read.commands.filter((c) => c.name === 'init')).toHaveLength(1);
        expect(read.commands.filter((c) => c.name === 'cut')).toHaveLength(1);
        expect(read.commands.filter((c) => c.name === 'feed')).toEqual([]); // the encoder feeds with line feeds
        // Every printed byte is text: no C0 byte or DEL inside a line.
        for (const line of read.lines) expect(line.text).not.toMatch(/\p{Cc}/u);
      }),
      { numRuns: 200 },
    );
  });

  it('drops the drawer kick a gateway put into the Paypro number', () => {
    const read = readEscPos(encodeReceiptEscPos(receiptOf({ platformTradeNo: 'PP1\u001bp\u0000\u0019\u00fa\u0010\u0014\u0001\u0000\u0001' }), { paperWidthMm: 58, qr: false }));
    expect(printedText(read).find((line) => line.startsWith('No. Paypro'))).toMatch(/^No\. Paypro +PP1pú$/);
    expect(read.commands.filter((c) => c.name === 'unknown' || c.name === 'status-request')).toEqual([]);
  });
});

describe('pairLines', () => {
  it('puts label and value on one line when they fit, else the value right-aligned below', () => {
    expect(pairLines('Metode', 'QRIS', 12)).toEqual(['Metode  QRIS']);
    expect(pairLines('Metode', 'QRIS-XX', 12)).toEqual(['Metode', '     QRIS-XX']);
    expect(pairLines('A', 'x'.repeat(14), 12)).toEqual(['A', 'x'.repeat(14)]);
  });
});
