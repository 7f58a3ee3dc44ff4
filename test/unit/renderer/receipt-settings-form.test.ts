import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIPT_SETTINGS, receiptSettingsSchema } from '../../../shared/receipt-settings.ts';
import { formErrors, toReceiptForm, toReceiptPatch } from '../../../renderer/app/receiptSettingsForm.ts';

describe('receipt settings form', () => {
  it('round-trips stored settings through the form unchanged', () => {
    const settings = {
      ...DEFAULT_RECEIPT_SETTINGS,
      printer: { kind: 'network' as const, host: '192.168.1.50', port: 9100 },
      addressLines: ['Jl. Merdeka 10', 'Bandung'],
      copies: 2,
    };
    expect(receiptSettingsSchema.parse(toReceiptPatch(toReceiptForm(settings)))).toEqual(settings);
  });

  it('sends typed numbers as numbers, and a typo as text so main answers with its rule', () => {
    const form = { ...toReceiptForm(DEFAULT_RECEIPT_SETTINGS), kind: 'network' as const, host: ' 10.0.0.7 ', port: '91OO', copies: ' 2 ' };
    expect(toReceiptPatch(form)).toMatchObject({ printer: { kind: 'network', host: '10.0.0.7', port: '91OO' }, copies: 2 });
    const parsed = receiptSettingsSchema.safeParse(toReceiptPatch(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['receipt.port']);
  });

  it('splits text blocks into trimmed lines and drops blank ones', () => {
    const form = { ...toReceiptForm(DEFAULT_RECEIPT_SETTINGS), footerLines: ' Terima kasih \r\n\n  Sampai jumpa ' };
    expect(toReceiptPatch(form).footerLines).toEqual(['Terima kasih', 'Sampai jumpa']);
  });

  it('shows main\'s field paths on the form\'s fields, the first rule per field', () => {
    expect(
      formErrors({
        'printer.host': { code: 'receipt.host' },
        'footerLines.2': { code: 'receipt.line_too_long' },
        'footerLines.3': { code: 'receipt.line_too_long' },
        copies: { code: 'receipt.copies' },
      }),
    ).toEqual({ host: { code: 'receipt.host' }, footerLines: { code: 'receipt.line_too_long' }, copies: { code: 'receipt.copies' } });
  });
});
