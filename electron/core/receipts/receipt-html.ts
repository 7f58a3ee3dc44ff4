import QRCode from 'qrcode';
import type { PaperWidth } from '../../../shared/receipt-settings.ts';
import { receiptRows, type Receipt, type ReceiptRow } from './receipt-model.ts';

/**
 * The receipt as a standalone HTML page sized to the paper: what an operating-system printer
 * prints (Electron's webContents.print), what "Simpan PDF" saves, and what the web preview shows.
 * No script, no outside resource: the page's CSP allows only its own inline style.
 */

/** Millimetres a thermal head can print on each paper: 48 of 58, 72 of 80. */
export const PRINTABLE_MM: Readonly<Record<PaperWidth, number>> = { 58: 48, 80: 72 };

export function renderReceiptHtml(receipt: Receipt, options: { paperWidthMm: PaperWidth; qr: boolean }): string {
  const body = receiptRows(receipt, { qr: options.qr }).map(rowHtml).join('\n');
  return page(`Struk ${receipt.tradeNo}`, options.paperWidthMm, body);
}

/** Rows laid out like a receipt (the day report) for an operating-system printer. */
export function renderRowsHtml(title: string, rows: readonly ReceiptRow[], paperWidthMm: PaperWidth): string {
  return page(title, paperWidthMm, rows.map(rowHtml).join('\n'));
}

export function renderTestPageHtml(paperWidthMm: PaperWidth, at: string): string {
  const body = [
    rowHtml({ kind: 'title', text: 'TES PRINTER' }),
    rowHtml({ kind: 'center', text: `Kertas ${paperWidthMm} mm` }),
    rowHtml({ kind: 'center', text: at }),
    rowHtml({ kind: 'rule' }),
    rowHtml({ kind: 'amount', text: 'Rp 10.000.000' }),
  ].join('\n');
  return page('Tes printer', paperWidthMm, body);
}

function page(title: string, paperWidthMm: PaperWidth, body: string): string {
  const printable = PRINTABLE_MM[paperWidthMm];
  const side = (paperWidthMm - printable) / 2;
  // 58 mm: 48 mm of text; sizes chosen so `Rp 10.000.000` and a 22-character trade number fit.
  const base = paperWidthMm === 58 ? 11 : 13;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
@page { size: ${paperWidthMm}mm auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${paperWidthMm}mm; padding: 3mm ${side}mm 6mm; font: ${base}px/1.35 "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; }
.title { font-weight: 700; font-size: ${base + 3}px; text-align: center; overflow-wrap: anywhere; }
.center { text-align: center; overflow-wrap: anywhere; }
.banner { margin: 1mm 0; padding: 0.5mm 0; background: #000; color: #fff; font-weight: 700; text-align: center;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.amount { margin-top: 1mm; font-weight: 700; font-size: ${base * 2}px; text-align: center; white-space: nowrap; }
.status { font-weight: 700; font-size: ${base + 2}px; text-align: center; }
.pair { display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 1ch; }
.pair .value { margin-left: auto; text-align: right; white-space: nowrap; }
.rule { margin: 1.5mm 0; border-top: 1px dashed #000; }
.qr { display: flex; justify-content: center; margin: 2mm 0; }
.qr svg { width: ${paperWidthMm === 58 ? 28 : 34}mm; height: auto; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function rowHtml(row: ReceiptRow): string {
  switch (row.kind) {
    case 'title':
    case 'center':
    case 'banner':
    case 'amount':
    case 'status':
      return `<div class="${row.kind}">${escapeHtml(row.text)}</div>`;
    case 'pair':
      return `<div class="pair"><span class="label">${escapeHtml(row.label)}</span><span class="value">${escapeHtml(row.value)}</span></div>`;
    case 'rule':
      return '<div class="rule"></div>';
    case 'qr':
      return `<div class="qr" role="img" aria-label="QR ${escapeHtml(row.value)}">${qrSvg(row.value)}</div>`;
  }
}

/** The QR as one SVG path of dark modules, with the 4-module quiet zone the spec asks for. */
function qrSvg(value: string): string {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const size = modules.size + 8;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><path d="${path}"/></svg>`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
