import { validateMobile } from './validation.ts';

/** The only host a receipt may be sent through (the main process refuses any other). */
export const WHATSAPP_HOST = 'wa.me';

/**
 * A customer's mobile as WhatsApp's click-to-chat link wants it: the international form without
 * `+` (`6281234567890`). Accepts what the sale screen accepts (08…, +62…, 62…, with spaces or
 * dashes); null for anything that is not an Indonesian mobile number.
 */
export function whatsAppNumber(mobile: string): string | null {
  const national = validateMobile(mobile);
  return national.ok ? `62${national.value.slice(1)}` : null;
}

/** `https://wa.me/<number>?text=<message>`: WhatsApp opens a chat with the message typed in. */
export function whatsAppLink(number: string, text: string): string {
  const url = new URL(`https://${WHATSAPP_HOST}/${encodeURIComponent(number)}`);
  url.searchParams.set('text', text);
  return url.href;
}
