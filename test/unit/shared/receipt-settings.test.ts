import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIPT_SETTINGS, isLanPrinterHost, printerTargetSchema, receiptSettingsSchema } from '../../../shared/receipt-settings.ts';

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

// Issue 21, item 9: the printer host accepted link-local and metadata addresses.
describe('printer host: loopback, private LAN or a name only', () => {
  const network = (host: string) => printerTargetSchema.safeParse({ kind: 'network', host, port: 9100 });

  it.each(['192.168.1.50', '10.0.0.7', '172.16.0.1', '172.31.255.254', '127.0.0.1', 'EPSON-TM20', 'printer.local', 'kasir-1.toko.lan'])('accepts %s', (host) => {
    expect(network(host).success).toBe(true);
    expect(isLanPrinterHost(host)).toBe(true);
  });

  it.each([
    '169.254.169.254', // cloud metadata
    '169.254.1.1', // link-local
    '2852039166', // 169.254.169.254 as one number
    '0xa9.0xfe.0xa9.0xfe',
    '169.254.43518',
    '0251.0376.0251.0376', // octal
    '8.8.8.8', // the internet
    '172.32.0.1',
    '100.64.0.1',
    '192.168.1.256',
  ])('refuses %s, saying why', (host) => {
    const result = network(host);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['receipt.host_not_lan']);
  });

  it('refuses IPv6 literals such as fe80::1 as not a host at all', () => {
    expect(network('fe80::1').error?.issues.map((issue) => issue.message)).toEqual(['receipt.host']);
  });
});
