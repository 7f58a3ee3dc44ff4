import { useEffect, useState } from 'react';
import type { IpcError } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { usePrintStatus } from '../app/usePrintStatus.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { printFailed, PrintStatus } from './PrintStatus.tsx';
import { WhatsAppReceiptButton } from './WhatsAppReceiptButton.tsx';

/**
 * "Cetak struk" (P), "Simpan PDF", "Kirim struk via WhatsApp" (with the customer's mobile) and the
 * print status, on a paid or partly paid sale's screen.
 */
export function ReceiptActions({ payment }: { payment: PaymentView }) {
  const printable = payment.state === 'paid' || payment.state === 'partially_paid';
  return printable ? <Actions payment={payment} /> : null;
}

function Actions({ payment }: { payment: PaymentView }) {
  const { tradeNo } = payment;
  const { t } = useI18n();
  const { status, failure, busy, print } = usePrintStatus(tradeNo, { fromStart: true });
  const [pdfNotice, setPdfNotice] = useState('');
  const [pdfFailure, setPdfFailure] = useState<IpcError | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'p' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      void print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print]);

  const savePdf = async () => {
    setPdfNotice('');
    setPdfFailure(null);
    const result = await safeCall((api) => api.saveReceiptPdf({ tradeNo }));
    if (!result.ok) setPdfFailure(result.error);
    else if (result.value.saved && result.value.path) setPdfNotice(t('receipt.pdf_saved', { path: result.value.path }));
  };

  return (
    <div className="receipt-actions">
      <div className="receipt-buttons">
        <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => void print()}>
          {t(printFailed(status, failure) ? 'receipt.retry' : 'receipt.print')}
          <kbd aria-hidden="true">{t('receipt.print_key')}</kbd>
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => void savePdf()}>
          {t('receipt.save_pdf')}
        </button>
        <WhatsAppReceiptButton payment={payment} onFailure={setPdfFailure} />
        <PrintStatus status={status} failure={failure} />
      </div>
      {pdfNotice ? <p className="print-status" role="status">{pdfNotice}</p> : null}
      {pdfFailure ? <ErrorBanner error={pdfFailure} /> : null}
    </div>
  );
}
