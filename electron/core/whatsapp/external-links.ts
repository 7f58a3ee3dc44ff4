import { WHATSAPP_HOST } from '../../../shared/whatsapp.ts';

/**
 * Opening a link outside the app (the browser or WhatsApp), which only Electron can do
 * (electron/open-external.ts). Core works without one: the web preview opens the link itself.
 */
export interface ExternalOpener {
  open(url: string): Promise<void>;
}

/**
 * The one allow-list for links leaving the app: https only, to wa.me only (the receipt by
 * WhatsApp). Anything else — another scheme, another host, credentials or a port in the URL — is
 * refused, so no text from a sale or a setting can make the app open something else.
 */
export function allowedExternalUrl(url: string): URL | null {
  return plainHttpsUrl(url, [WHATSAPP_HOST]);
}

/** `text` as a URL when it is https to one of `hosts` with no credentials or port in it; else null. */
export function plainHttpsUrl(text: string, hosts: readonly string[]): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const plain = url.username === '' && url.password === '' && url.port === '';
  return url.protocol === 'https:' && hosts.includes(url.hostname) && plain ? url : null;
}
