import { shell } from 'electron';
import { PosError } from './core/errors.ts';
import { allowedExternalUrl, type ExternalOpener } from './core/whatsapp/external-links.ts';

/**
 * The single place the app hands a link to the operating system (thin glue): only what the
 * allow-list passes (https://wa.me/…) reaches `shell.openExternal`.
 */
export function createExternalOpener(): ExternalOpener {
  return {
    open: async (url) => {
      const allowed = allowedExternalUrl(url);
      if (allowed === null) throw new PosError('external.not_allowed', { detail: url.slice(0, 80) });
      await shell.openExternal(allowed.href);
    },
  };
}
