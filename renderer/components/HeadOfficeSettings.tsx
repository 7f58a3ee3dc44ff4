import { useState } from 'react';
import type { IpcError, IpcResponse } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { toHqRequest, type HqForm } from '../app/hqSettingsForm.ts';
import { TechnicalDetails } from './TechnicalDetails.tsx';
import { TextField } from './TextField.tsx';

type Props = {
  form: HqForm;
  set: <K extends keyof HqForm>(key: K, value: HqForm[K]) => void;
  /** The translated error of a box (`hq.url`…), or null. */
  error: (field: string) => string | null;
  status: IpcResponse<'getHqStatus'> | null;
  adminPinSet: boolean;
};

/**
 * Settings → Kantor pusat (issue 23): the till's login at the head office (address, password, the
 * server's CA), its names there, and optionally the owner's login for the Laporan of all tills.
 * Saved with the screen's one save, through the owner PIN; the logins never come back to the
 * screen — only whether one is stored.
 */
export function HeadOfficeSettings({ form, set, error, status, adminPinSet }: Props) {
  const { t, te } = useI18n();
  const [testing, setTesting] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: true; tillName: string } | { ok: false; error: IpcError } | null>(null);

  const test = async () => {
    setTesting(true);
    setVerdict(null);
    const { till } = toHqRequest(form);
    const result = await safeCall((api) => api.testHq(till ? { till } : {}));
    setTesting(false);
    setVerdict(result.ok ? { ok: true, tillName: result.value.tillName } : { ok: false, error: result.error });
  };

  const field = (key: keyof HqForm, label: Parameters<typeof t>[0], hint: string | null, input: { type?: string; autoComplete?: string; placeholder?: string } = {}) => (
    <TextField
      id={`settings-hq.${key}`}
      label={t(label)}
      spellCheck={false}
      autoComplete="off"
      {...input}
      value={form[key]}
      hint={hint}
      error={error(`hq.${key}`)}
      onChange={(event) => set(key, event.target.value)}
    />
  );
  const stored = t('hq.settings.stored');
  return (
    <div className="hq-settings">
      {status?.outdated ? <p className="banner banner-warning" role="alert">{t('hq.settings.outdated')}</p> : null}
      {adminPinSet ? null : <p className="banner banner-warning">{t('hq.settings.pin_needed')}</p>}
      <fieldset>
        <legend>{t('hq.settings.till_login')}</legend>
        <p className="field-hint">{t('hq.settings.help')}</p>
        {field('url', 'hq.settings.url', status?.configured ? t('hq.settings.url_stored') : t('hq.settings.url_hint'), { type: 'url', placeholder: status?.configured ? stored : 'postgres://…' })}
        {field('password', 'hq.settings.password', status?.configured ? t('hq.settings.password_stored') : null, { type: 'password', autoComplete: 'new-password', placeholder: status?.configured ? stored : '' })}
        <div className={`field${error('hq.ca') ? ' field-invalid' : ''}`}>
          <label htmlFor="settings-hq.ca">{t('hq.settings.ca')}</label>
          <textarea
            id="settings-hq.ca"
            rows={3}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={form.ca}
            aria-describedby="settings-hq.ca-hint"
            aria-invalid={error('hq.ca') ? true : undefined}
            onChange={(event) => set('ca', event.target.value)}
          />
          <p id="settings-hq.ca-hint" className="field-hint">{t('hq.settings.ca_hint')}</p>
          {error('hq.ca') ? <p className="field-error">{error('hq.ca')}</p> : null}
        </div>
        <div className="field-row">
          {field('tillName', 'hq.settings.till_name', null)}
          {field('outletName', 'hq.settings.outlet_name', null)}
        </div>
        <div className="settings-actions">
          <button type="button" className="button button-secondary" disabled={testing || !(status?.configured || form.url.trim() !== '')} onClick={() => void test()}>
            {t('hq.settings.test')}
          </button>
        </div>
        <div className="settings-verdict" role="status">
          {testing ? t('settings.testing') : null}
          {!testing && verdict?.ok ? <p className="verdict verdict-ok">{t('hq.settings.test_ok', { name: verdict.tillName })}</p> : null}
          {!testing && verdict && !verdict.ok ? (
            <div className="verdict verdict-failed">
              <p><strong>{t('settings.test_failed')}</strong> {te(verdict.error)}</p>
              {verdict.error.detail ? <TechnicalDetails code={verdict.error.code} detail={verdict.error.detail} /> : null}
            </div>
          ) : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('hq.settings.owner_login')}</legend>
        <p className="field-hint">{t('hq.settings.owner_help')}</p>
        {field('ownerUrl', 'hq.settings.url', status?.ownerView ? t('hq.settings.url_stored') : null, { type: 'url', placeholder: status?.ownerView ? stored : 'postgres://…' })}
        {field('ownerPassword', 'hq.settings.password', null, { type: 'password', autoComplete: 'new-password', placeholder: status?.ownerView ? stored : '' })}
      </fieldset>
    </div>
  );
}
