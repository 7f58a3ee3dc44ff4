// ESLint runs from tools/lint (its own package.json and lockfile: typescript-eslint needs
// TypeScript's JS API, which the app's TypeScript 7 no longer has). `npm run lint`.
export { default } from './tools/lint/config.js';
