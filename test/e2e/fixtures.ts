import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, startWebPreview, type WebPreview } from '../harness/web-preview/server.ts';
import { setUpTraining } from '../harness/web-preview/set-up.ts';

export { expect };

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** The preview plus a hand on the core's clock (the simulator keeps real time). */
export type TestPreview = WebPreview & {
  /** Moves the core's clock forward, e.g. past a QR's expiry. */
  advanceClock(ms: number): void;
};

/** A photograph of the screen for people to look at (test-results/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

/** The three counter screens every screen state is checked at. */
export const SCREEN_SIZES = [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export type ScreenSize = (typeof SCREEN_SIZES)[number];

/**
 * One screenshot per size in SCREEN_SIZES (`<name>-<width>x<height>.png`), each returned with its
 * size. `check`: run at each size before the photograph (scroll a part into view, assert it fits).
 * `restore`: the viewport to set after; without it the last size stays set.
 */
export async function screenshotAtSizes(
  page: Page,
  name: string,
  options: { check?: (size: ScreenSize) => Promise<void>; restore?: { width: number; height: number } } = {},
): Promise<{ size: ScreenSize; png: Buffer }[]> {
  const shots: { size: ScreenSize; png: Buffer }[] = [];
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await options.check?.(size);
    shots.push({ size, png: await screenshot(page, `${name}-${size.width}x${size.height}`) });
  }
  if (options.restore) await page.setViewportSize(options.restore);
  return shots;
}

/**
 * How many lines each element's text takes (its height over its line height), and where the text
 * ends on the right (text that does not wrap can run past its own box).
 */
export function linesOf(locator: Locator): Promise<{ text: string; lines: number; right: number }[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const style = element.ownerDocument.defaultView!.getComputedStyle(element);
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const box = range.getBoundingClientRect();
      return { text: element.textContent ?? '', lines: Math.round(box.height / lineHeight), right: box.right };
    }),
  );
}

/** The trade number the QR screen shows ("No. transaksi …"). */
export async function tradeNoOnScreen(page: Page): Promise<string> {
  const text = await page.getByText(/^No\. transaksi /).textContent();
  const tradeNo = text?.replace(/^No\. transaksi /, '').trim();
  if (!tradeNo) throw new Error('no trade number on screen');
  return tradeNo;
}

export const test = base.extend<{ preview: TestPreview; configured: TestPreview }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  preview: async ({}, use) => {
    let offsetMs = 0;
    const preview = await startWebPreview({ now: () => Date.now() + offsetMs });
    await use(Object.assign(preview, { advanceClock: (ms: number) => void (offsetMs += ms) }));
    await preview.close();
  },
  /** Set up (merchant number, secret, training) and the app open on the sale screen. */
  configured: async ({ preview, page }, use) => {
    await setUpTraining(preview);
    await page.goto(preview.url);
    await expect(page.getByLabel('Jumlah', { exact: true })).toBeFocused();
    await use(preview);
  },
});
