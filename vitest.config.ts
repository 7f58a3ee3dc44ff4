import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node (real loopback HTTP, real SQLite files in temp folders).
// The renderer build lives in vite.config.ts; browser tests are Playwright's (test/e2e).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Run through Vitest rather than Node so that vi.mock('electron') reaches its `import electron`.
    server: { deps: { inline: ['electron-store'] } },
  },
});
