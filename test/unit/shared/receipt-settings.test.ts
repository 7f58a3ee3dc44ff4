import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIPT_SETTINGS, receiptSettingsSchema } from '../../../shared/receipt-settings.ts';

const settings = (overrides: Partial<typeof DEFAULT_RECEIPT_SETTINGS>) => ({ ...DEFAULT_RECEIPT_SETTINGS, ...overrides });

describe('receipt settings: no hidden characters in printed lines', () => {
  // The bytes a pasted line carried to the printer in the assessment, plus C1, bidi and zero-width.
  it.each([
    ['ESC @ (reset)', 'Toko\u001b@'],
    ['GS V (cut)', 'Toko\u001dV\u0001'],
    ['DLE EOT (status)', '\u0010\u0004\u0001Toko'],
    ['ESC d (feed)', 'Toko\u001bd\u0009'],
    ['ESC p (drawer)', 'Toko\u001bp'],
    ['a line feed', 'Jl. Merdeka\nNo. 10'],
    ['a C1 control', 'Toko\u009b'],
    ['a right-to-left override', 'Toko \u202eayaJ'],
    ['a zero-width space', 'To\u200bko'],
  ])('refuses %s in the shop name, address, header and footer', (_name, text) => {
    for (const candidate of [
      settings({ shopName: text }),
      settings({ addressLines: ['Jl. Merdeka', text] }),
      settings({ headerLines: [text] }),
      settings({ footerLines: [text] }),
    ]) {
      const result = receiptSettingsSchema.safeParse(candidate);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['receipt.control_characters']);
    }
  });

  it('keeps Indonesian text, the typographic dash and accented letters', () => {
    const ok = settings({ shopName: 'Toko Maju — Jaya', addressLines: ['Jl. Merdeka No. 10, Bandung'], footerLines: ['Terima kasih, café'] });
    expect(receiptSettingsSchema.safeParse(ok).success).toBe(true);
  });
});
