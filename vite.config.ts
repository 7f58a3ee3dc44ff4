import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devCspNonce } from './scripts/vite-dev-csp.ts';

// The renderer bundle. Electron loads it from disk (file/app protocol), hence relative URLs, and
// under a strict CSP (renderer/index.html): no inline script or style, nothing inlined as data:.
// Only the dev server adds a nonce to that CSP for what it injects (scripts/vite-dev-csp.ts).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devCspNonce()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome140',
    reportCompressedSize: true,
    rolldownOptions: {
      // Two pages: the cashier's app and the customer-facing display (its own small bundle).
      input: { index: 'renderer/index.html', customer: 'renderer/customer.html' },
      // shared/ modules build zod schemas at load time next to the plain constants the renderer
      // uses (LANGUAGES, isFinishedAtCounter…). Building a schema has no side effect, so telling
      // the bundler lets it drop the unused schemas and zod with them (~25 KB gzip).
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
});
