import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * `npm run dev` under the pages' own CSP. Vite's dev server injects what the build never has: the
 * CSS as `<style>` elements (from /@vite/client) and @vitejs/plugin-react's inline refresh
 * preamble `<script>`. `style-src 'self'` / `script-src 'self'` block both, so dev showed the app
 * without CSS. In dev only, a nonce made once per server start is allowed in those two directives
 * and Vite's `html.cspNonce` puts it on every tag it injects. The build is untouched: its CSP
 * stays exactly renderer/*.html's.
 */
export function devCspNonce(): Plugin {
  const nonce = randomBytes(18).toString('base64url');
  return {
    name: 'pos:dev-csp-nonce',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => allowNonce(html, nonce),
    },
  };
}

/** Adds `'nonce-…'` to the meta CSP's script-src and style-src (and fails loudly if they moved). */
export function allowNonce(html: string, nonce: string): string {
  let added = 0;
  const result = html.replace(/\b(script-src|style-src)( [^;"]*)/g, (_match, directive: string, sources: string) => {
    added += 1;
    return `${directive}${sources} 'nonce-${nonce}'`;
  });
  if (added !== 2) throw new Error('vite-dev-csp: the page has no meta CSP with script-src and style-src to extend');
  return result;
}
