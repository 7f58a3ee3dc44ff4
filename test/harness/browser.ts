import { existsSync } from 'node:fs';

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

/** Quiet, offline-friendly Chromium: no sandbox (containers), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutable();
  return { ...(executablePath === undefined ? {} : { executablePath }), args: CHROMIUM_ARGS };
}
