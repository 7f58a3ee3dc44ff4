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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const plain = parsed.username === '' && parsed.password === '' && parsed.port === '';
  return parsed.protocol === 'https:' && parsed.hostname === WHATSAPP_HOST && plain ? parsed : null;
}
