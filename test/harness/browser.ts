import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Which Chromium to drive: $PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium when it
 * exists (CI installs it; Playwright cannot download browsers there), else Playwright's own
 * browser (`npx playwright install chromium` on a contributor's machine).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
  /** Where `npx playwright install chromium` puts Playwright's own browser. */
  playwrightChromium(): string;
}

const realLookup: ChromiumLookup = { env: process.env, exists: existsSync, playwrightChromium: () => chromium.executablePath() };

/**
 * One line telling a contributor how to get Chromium when the browser tests have none (Windows
 * and macOS have no /usr/bin/chromium), or null when one is there. The e2e global setup prints it
 * and stops, instead of every spec failing on a missing executable.
 */
export function missingChromiumMessage(lookup: ChromiumLookup = realLookup): string | null {
  const fromEnv = lookup.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (lookup.exists(fromEnv)) return null;
    return `PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist: point it at a Chromium or Chrome binary, or unset it and run \`npx playwright install chromium\`.`;
  }
  if (lookup.exists('/usr/bin/chromium') || lookup.exists(lookup.playwrightChromium())) return null;
  return 'The browser tests need Chromium: run `npx playwright install chromium` once (Debian/Ubuntu: `apt-get install chromium`), or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.';
}

/** Quiet, offline-friendly Chromium: no sandbox (containers), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // As the app (electron/main.ts): Chromium's own date boxes in Indonesian order (where the
  // Chromium has the Indonesian locale: Playwright's does; Debian's only with chromium-l10n).
  '--lang=id-ID',
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutable();
  return { ...(executablePath === undefined ? {} : { executablePath }), args: CHROMIUM_ARGS };
}
