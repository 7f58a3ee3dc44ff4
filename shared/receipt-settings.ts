import { z } from 'zod';
import { hasHiddenCharacters } from './display-text.ts';

/**
 * Receipt printing settings (issue 12), stored under their own key beside the main settings so
 * that they validate and change on their own. Each rule's message is a translatable code.
 */

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** Characters per line of font A (12×24 dots): 32 on 58 mm paper, 48 on 80 mm. */
export const COLUMNS_BY_PAPER: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };

export const MAX_COPIES = 3;
const MAX_LINE = 64;
const MAX_LINES = 4;

// A LAN printer is named by an IPv4 address or a host name; never a URL or a path.
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * One printed line. Control characters are printer commands (a pasted ESC p opens the drawer) and
 * bidi/format characters reorder or hide text: both are refused, not silently dropped.
 */
const printedLine = z
  .string()
  .max(MAX_LINE, { message: 'receipt.line_too_long' })
  .refine((text) => !hasHiddenCharacters(text), { message: 'receipt.control_characters' });

/**
 * A printer on this shop's network. An IPv4 address must be loopback (127/8) or a private LAN
 * range (10/8, 172.16/12, 192.168/16): link-local 169.254/16 holds the cloud metadata service
 * (169.254.169.254), and anything else is on the internet. A name whose last label is numeric or
 * hex ("2852039166", "0xa9.0xfe.0xa9.0xfe", "169.254.43518") is an address in disguise — the
 * resolver reads it as one — so it must be a plain dotted quad in those ranges too. IPv6 literals
 * (fe80::/10 among them) never pass HOST. Other names are the shop's own (resolved on the LAN).
 */
export function isLanPrinterHost(host: string): boolean {
  const labels = host.split('.');
  if (!/^(?:\d+|0x[0-9a-f]*)$/i.test(labels.at(-1) ?? '')) return true;
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!quad) return false;
  const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((octet) => octet > 255) || quad.slice(1).some((octet) => octet.length > 1 && octet.startsWith('0'))) return false;
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

const textLines = z
  .array(printedLine, { message: 'receipt.lines' })
  .max(MAX_LINES, { message: 'receipt.too_many_lines' });

export const printerTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('network'),
    host: z
      .string()
      .regex(HOST, { message: 'receipt.host' })
      .refine(isLanPrinterHost, { message: 'receipt.host_not_lan' }),
    port: z.number({ message: 'receipt.port' }).int({ message: 'receipt.port' }).min(1, { message: 'receipt.port' }).max(65_535, { message: 'receipt.port' }),
  }),
  z.object({ kind: z.literal('system'), deviceName: z.string().trim().min(1, { message: 'receipt.device_name' }).max(256, { message: 'receipt.device_name' }) }),
], { message: 'receipt.printer_kind' });
export type PrinterTarget = z.infer<typeof printerTargetSchema>;

export const receiptSettingsSchema = z.object({
  printer: printerTargetSchema,
  paperWidthMm: z.union([z.literal(58), z.literal(80)], { message: 'receipt.paper' }),
  autoPrint: z.boolean({ message: 'receipt.auto_print' }),
  copies: z.number({ message: 'receipt.copies' }).int({ message: 'receipt.copies' }).min(1, { message: 'receipt.copies' }).max(MAX_COPIES, { message: 'receipt.copies' }),
  /**
   * The shop's one name: printed large at the top (empty: the QRIS merchant name is used) and shown
   * by the idle customer display (empty: no name).
   */
  shopName: printedLine,
  addressLines: textLines,
  /** e.g. NPWP. */
  headerLines: textLines,
  /** e.g. "Terima kasih". */
  footerLines: textLines,
  /** A QR code of the Paypro transaction number under the details (network printers). */
  printQr: z.boolean({ message: 'receipt.print_qr' }),
});
export type ReceiptSettings = z.infer<typeof receiptSettingsSchema>;

export const RECEIPT_SETTINGS_ERROR_CODES = [
  'receipt.line_too_long',
  'receipt.control_characters',
  'receipt.lines',
  'receipt.too_many_lines',
  'receipt.host',
  'receipt.host_not_lan',
  'receipt.port',
  'receipt.device_name',
  'receipt.printer_kind',
  'receipt.paper',
  'receipt.auto_print',
  'receipt.copies',
  'receipt.print_qr',
] as const;

export const DEFAULT_RECEIPT_SETTINGS: ReceiptSettings = {
  printer: { kind: 'none' },
  paperWidthMm: 58,
  autoPrint: true,
  copies: 1,
  shopName: '',
  addressLines: [],
  headerLines: [],
  footerLines: ['Terima kasih'],
  printQr: false,
};

/** Raw TCP port of LAN receipt printers (Epson TM series and most 80 mm printers). */
export const DEFAULT_PRINTER_PORT = 9100;

/** Where a print job stands, as the renderer shows it next to the sale. */
export const PRINT_STATES = ['queued', 'printing', 'printed', 'failed'] as const;
export const printStatusSchema = z.object({
  tradeNo: z.string(),
  state: z.enum(PRINT_STATES),
  /** For `failed`: `print.refused`, `print.timed_out`… (translated by the renderer). */
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
  /** How many receipts of this sale were printed so far (ledger count). */
  printedCount: z.number().int(),
  updatedAt: z.number().int(),
});
export type PrintStatus = z.infer<typeof printStatusSchema>;
