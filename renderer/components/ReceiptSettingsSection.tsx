import { useEffect, useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { MAX_COPIES, PAPER_WIDTHS } from '../../shared/receipt-settings.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { LINE_FIELDS, type ReceiptForm } from '../app/receiptSettingsForm.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { TextField } from './TextField.tsx';

type Printers = IpcResponse<'listPrinters'>['printers'];
type Verdict = { ok: true; printer: string } | { ok: false; error: IpcError };

const KINDS = ['none', 'network', 'system'] as const;
const LINE_LABELS = {
  addressLines: 'receipt.settings.address',
  headerLines: 'receipt.settings.header',
  footerLines: 'receipt.settings.footer',
} as const;

type Props = {
  form: ReceiptForm;
  set: <K extends keyof ReceiptForm>(key: K, value: ReceiptForm[K]) => void;
  /** The error shown on a field (already translated), by its form key. */
  error: (key: string) => string | null;
  /** Typed and not saved yet: a test print then prints the saved setup, and says so. */
  unsaved: boolean;
};

/**
 * Settings → Toko dan struk: the shop's one name and address, the printer, the paper, auto-print,
 * copies, the receipt's own lines, and a test print. The screen holds the form and saves it with
 * everything else (one save for the whole screen).
 */
export function ReceiptSettingsSection({ form, set, error, unsaved }: Props) {
  const { t } = useI18n();
  const [printers, setPrinters] = useState<Printers>([]);
  const [testing, setTesting] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  useEffect(() => {
    void safeCall((api) => api.listPrinters({})).then((result) => {
      if (result.ok) setPrinters(result.value.printers);
    });
  }, []);

  const testPrint = async () => {
    setTesting(true);
    setVerdict(null);
    const result = await safeCall((api) => api.testPrint({}));
    setTesting(false);
    setVerdict(result.ok ? { ok: true, printer: result.value.printer } : { ok: false, error: result.error });
  };

  const lineField = (field: (typeof LINE_FIELDS)[number]) => (
    <div key={field} className={`field${error(field) ? ' field-invalid' : ''}`}>
      <label htmlFor={`settings-${field}`}>{t(LINE_LABELS[field])}</label>
      <textarea
        id={`settings-${field}`}
        rows={2}
        value={form[field]}
        aria-describedby={`settings-${field}-hint`}
        aria-invalid={error(field) ? true : undefined}
        onChange={(event) => set(field, event.target.value)}
      />
      <p id={`settings-${field}-hint`} className="field-hint">
        {t('receipt.settings.lines_hint')}
      </p>
      {error(field) ? <p className="field-error">{error(field)}</p> : null}
    </div>
  );

  return (
    <div className="receipt-settings">
      <fieldset>
        <legend>{t('receipt.settings.receipt')}</legend>
        {/* The shop's one name (receipts and the customer display), first, with its address. */}
        <TextField
          id="settings-shopName"
          label={t('receipt.settings.shop_name')}
          hint={t('receipt.settings.shop_name_hint')}
          autoComplete="off"
          value={form.shopName}
          error={error('shopName')}
          onChange={(event) => set('shopName', event.target.value)}
        />
        {lineField('addressLines')}
        <fieldset className="radio-group">
          <legend>{t('receipt.settings.printer')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input type="radio" name="receipt-printer-kind" value={kind} checked={form.kind === kind} onChange={() => set('kind', kind)} />
              {t(`receipt.settings.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {form.kind === 'network' ? (
          <div className="field-row">
            <TextField
              id="settings-host"
              label={t('receipt.settings.host')}
              hint={t('receipt.settings.host_hint')}
              value={form.host}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              error={error('host')}
              onChange={(event) => set('host', event.target.value)}
            />
            <TextField
              id="settings-port"
              label={t('receipt.settings.port')}
              value={form.port}
              inputMode="numeric"
              className="field-narrow"
              error={error('port')}
              onChange={(event) => set('port', event.target.value)}
            />
          </div>
        ) : null}
        {form.kind === 'system' ? (
          <div className={`field${error('deviceName') ? ' field-invalid' : ''}`}>
            <label htmlFor="settings-deviceName">{t('receipt.settings.device')}</label>
            <select id="settings-deviceName" value={form.deviceName} onChange={(event) => set('deviceName', event.target.value)}>
              <option value="">{t('receipt.settings.device_choose')}</option>
              {printers.map((printer) => (
                <option key={printer.name} value={printer.name}>
                  {printer.displayName || printer.name}
                </option>
              ))}
            </select>
            {printers.length === 0 ? <p className="field-hint">{t('receipt.settings.no_printers')}</p> : null}
            {error('deviceName') ? <p className="field-error">{error('deviceName')}</p> : null}
          </div>
        ) : null}
        <fieldset className="radio-group">
          <legend>{t('receipt.settings.paper')}</legend>
          {PAPER_WIDTHS.map((width) => (
            <label key={width} className="radio">
              <input type="radio" name="receipt-paper" value={width} checked={form.paperWidthMm === width} onChange={() => set('paperWidthMm', width)} />
              {t('receipt.settings.paper_mm', { width })}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={form.autoPrint} onChange={(event) => set('autoPrint', event.target.checked)} />
          {t('receipt.settings.auto_print')}
        </label>
        <TextField
          id="settings-copies"
          label={t('receipt.settings.copies')}
          value={form.copies}
          inputMode="numeric"
          className="field-narrow"
          hint={`1–${MAX_COPIES}`}
          error={error('copies')}
          onChange={(event) => set('copies', event.target.value)}
        />
        {LINE_FIELDS.filter((field) => field !== 'addressLines').map(lineField)}
        <label className="checkbox">
          <input type="checkbox" checked={form.printQr} onChange={(event) => set('printQr', event.target.checked)} />
          {t('receipt.settings.print_qr')}
        </label>
      </fieldset>

      <div className="settings-actions">
        <button type="button" className="button button-secondary" disabled={testing} onClick={() => void testPrint()}>
          {t('receipt.settings.test')}
        </button>
      </div>
      <div className="settings-verdict" role="status">
        {testing ? t('receipt.settings.testing') : null}
        {!testing && verdict?.ok ? <p className="verdict verdict-ok">{t('receipt.settings.test_ok', { printer: verdict.printer })}</p> : null}
        {!testing && verdict && !verdict.ok ? (
          <ErrorBanner error={verdict.error}>
            <p>{t('receipt.settings.test_failed')}</p>
          </ErrorBanner>
        ) : null}
        {!testing && unsaved && verdict ? <p className="field-hint">{t('receipt.settings.test_unsaved')}</p> : null}
      </div>
    </div>
  );
}
