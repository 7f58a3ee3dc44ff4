import { PAPER_WIDTHS, type PaperWidth } from '../../../shared/receipt-settings.ts';
import { PosError } from '../../../electron/core/errors.ts';
import type { PosCore } from '../../../electron/core/pos-core.ts';

/**
 * GET /receipt/<tradeNo>[?paper=58|80]: the very HTML an operating-system printer gets in the
 * app (core's renderer), so a receipt can be looked at, printed or saved as PDF from a browser.
 */
export function receiptPage(core: PosCore, url: URL): { status: number; body: string; type: string } {
  let tradeNo: string;
  try {
    tradeNo = decodeURIComponent(url.pathname.slice('/receipt/'.length));
  } catch {
    return text(400, 'malformed percent-encoding in the trade number'); // "%E0%A4%A", "%"
  }
  const paperParam = url.searchParams.get('paper');
  const paper = paperParam === null ? undefined : (Number(paperParam) as PaperWidth);
  if (paper !== undefined && !PAPER_WIDTHS.includes(paper)) return text(400, 'paper must be 58 or 80');
  try {
    core.payments.get(tradeNo);
    return { status: 200, body: core.receipts.html(tradeNo, paper), type: 'text/html; charset=utf-8' };
  } catch (error) {
    if (error instanceof PosError) return text(error.code === 'not_found' ? 404 : 409, error.code);
    throw error;
  }
}

function text(status: number, body: string) {
  return { status, body, type: 'text/plain; charset=utf-8' };
}
