import type { FieldError, IpcRequest, IpcResponse } from '../../shared/ipc-contract.ts';

/**
 * Settings → Kantor pusat as typed (issue 23). The logins are write-only: the boxes start empty
 * whatever is stored (the screen shows "tersimpan"), and a login left empty keeps the stored one.
 */
export type HqForm = {
  url: string;
  password: string;
  /** The server's CA certificate, pasted as PEM; empty: the system's own CAs. */
  ca: string;
  tillName: string;
  outletName: string;
  /** The owner's login, for Laporan of all tills (optional). */
  ownerUrl: string;
  ownerPassword: string;
};

export function toHqForm(status: Pick<IpcResponse<'getHqStatus'>, 'tillName' | 'outletName'>): HqForm {
  return { url: '', password: '', ca: '', tillName: status.tillName, outletName: status.outletName, ownerUrl: '', ownerPassword: '' };
}

function login(url: string, password: string, ca: string) {
  return { url: url.trim(), password, ...(ca.trim() === '' ? {} : { ca: ca.trim() }) };
}

/** The configureHq request: a login only when its address was typed (the CA goes with both). */
export function toHqRequest(form: HqForm): IpcRequest<'configureHq'> {
  return {
    ...(form.url.trim() === '' ? {} : { till: login(form.url, form.password, form.ca) }),
    ...(form.ownerUrl.trim() === '' ? {} : { owner: login(form.ownerUrl, form.ownerPassword, form.ca) }),
    names: { tillName: form.tillName.trim(), outletName: form.outletName.trim() },
  };
}

/** Main's field errors under this section's keys (`hq.url`…), so the screen places them in the Kantor pusat section. */
export function hqErrors(fields: Record<string, FieldError>): Record<string, FieldError> {
  return Object.fromEntries(Object.entries(fields).map(([field, error]) => [`hq.${field.replace(/^names\./, '')}`, error]));
}
