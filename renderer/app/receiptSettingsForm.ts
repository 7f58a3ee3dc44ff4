import type { FieldError } from '../../shared/ipc-contract.ts';
import { DEFAULT_PRINTER_PORT, type PaperWidth, type ReceiptSettings } from '../../shared/receipt-settings.ts';

/** The receipt settings as the form edits them: text as typed, lines as one text block each. */
export interface ReceiptForm {
  kind: ReceiptSettings['printer']['kind'];
  host: string;
  port: string;
  deviceName: string;
  paperWidthMm: PaperWidth;
  autoPrint: boolean;
  copies: string;
  shopName: string;
  addressLines: string;
  headerLines: string;
  footerLines: string;
  printQr: boolean;
}

export const LINE_FIELDS = ['addressLines', 'headerLines', 'footerLines'] as const;

export function toReceiptForm(settings: ReceiptSettings): ReceiptForm {
  const { printer } = settings;
  return {
    kind: printer.kind,
    host: printer.kind === 'network' ? printer.host : '',
    port: String(printer.kind === 'network' ? printer.port : DEFAULT_PRINTER_PORT),
    deviceName: printer.kind === 'system' ? printer.deviceName : '',
    paperWidthMm: settings.paperWidthMm,
    autoPrint: settings.autoPrint,
    copies: String(settings.copies),
    shopName: settings.shopName,
    addressLines: settings.addressLines.join('\n'),
    headerLines: settings.headerLines.join('\n'),
    footerLines: settings.footerLines.join('\n'),
    printQr: settings.printQr,
  };
}

/**
 * The patch main validates. Numbers typed as text go through as numbers when they are whole
 * digits, else as the text itself, so main's rule (not a silent 0) answers a typo.
 */
export function toReceiptPatch(form: ReceiptForm): Record<string, unknown> {
  const printer =
    form.kind === 'network'
      ? { kind: 'network', host: form.host.trim(), port: wholeNumber(form.port) }
      : form.kind === 'system'
        ? { kind: 'system', deviceName: form.deviceName }
        : { kind: 'none' };
  return {
    printer,
    paperWidthMm: form.paperWidthMm,
    autoPrint: form.autoPrint,
    copies: wholeNumber(form.copies),
    shopName: form.shopName.trim(),
    printQr: form.printQr,
    ...Object.fromEntries(LINE_FIELDS.map((field) => [field, splitLines(form[field])])),
  };
}

/** Main reports `addressLines.2`; the form shows it on the address box. */
export function formFieldOf(path: string): string {
  if (path.startsWith('printer.')) return path.slice('printer.'.length);
  return path.split('.')[0] ?? path;
}

export function formErrors(fields: Record<string, FieldError>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const [path, error] of Object.entries(fields)) errors[formFieldOf(path)] ??= error;
  return errors;
}

function wholeNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
