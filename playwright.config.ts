import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/harness/browser.ts';

// Browser e2e: the built renderer served by the web preview (test/harness/web-preview) with the
// real core behind it, driven by role and label in Chromium. The Electron spec runs the real app
// where the Electron binary exists and skips elsewhere.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  // Test artifacts (failure screenshots, traces); the screens each test photographs on purpose
  // go to test-results/screenshots/.
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1366, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
