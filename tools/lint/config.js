// The ESLint flat config, loaded through the root eslint.config.js. It lives here so `eslint`,
// `typescript-eslint` and TypeScript 6 resolve from tools/lint/node_modules (see package.json).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pos from './rules/index.js';

/** The one file allowed to call shell.openExternal (it checks the URL first). */
export const OPEN_EXTERNAL_HELPER = 'electron/open-external.ts';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'release/**',
      'build/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { pos },
    rules: {
      // Security checks: ours, everywhere (tests included: a test must not switch them off either).
      'pos/secure-web-preferences': 'error',
      'pos/no-tls-bypass': 'error',
      'pos/no-dynamic-code': 'error',
      'pos/open-external-helper-only': ['error', { allow: [OPEN_EXTERNAL_HELPER] }],
      // Style-level defaults that fight the codebase's deliberate patterns.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/core/**', 'shared/**', 'renderer/**'],
    rules: { 'pos/no-electron-in-core': 'error' },
  },
  {
    // The preload bundle: the glue and the API factory it is built from.
    files: ['electron/preload.ts', 'electron/preload-api.ts'],
    // The sandboxed preload gets browser globals, not Node's.
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'pos/preload-bridge': ['error', { factory: 'createPosApi', key: 'pos' }] },
  },
  {
    // The customer display's preload: a subscription only.
    files: ['electron/customer-preload.ts', 'electron/customer-preload-api.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'pos/preload-bridge': ['error', { factory: 'createCustomerDisplayApi', key: 'customerDisplay' }] },
  },
  {
    // Tests build fakes with loose types on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
