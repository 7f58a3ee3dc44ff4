import { describe, expect, it } from 'vitest';
import { missingChromiumMessage, type ChromiumLookup } from '../../harness/browser.ts';

const PLAYWRIGHT = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

function lookup(env: NodeJS.ProcessEnv, present: string[]): ChromiumLookup {
  return { env, exists: (file) => present.includes(file), playwrightChromium: () => PLAYWRIGHT };
}

describe('missingChromiumMessage (npm test on a machine without Chromium)', () => {
  it('is null when any of the three Chromiums is there', () => {
    expect(missingChromiumMessage(lookup({}, ['/usr/bin/chromium']))).toBeNull();
    expect(missingChromiumMessage(lookup({}, [PLAYWRIGHT]))).toBeNull();
    expect(missingChromiumMessage(lookup({ PLAYWRIGHT_CHROMIUM_PATH: 'C:\\chrome.exe' }, ['C:\\chrome.exe']))).toBeNull();
  });

  it('says in one line how to get it when none is there (Windows, macOS)', () => {
    const message = missingChromiumMessage(lookup({}, []));
    expect(message).toMatch(/npx playwright install chromium/);
    expect(message).not.toContain('\n');
  });

  it('names a PLAYWRIGHT_CHROMIUM_PATH that does not exist', () => {
    const message = missingChromiumMessage(lookup({ PLAYWRIGHT_CHROMIUM_PATH: '/opt/nope/chrome' }, ['/usr/bin/chromium']));
    expect(message).toMatch(/^PLAYWRIGHT_CHROMIUM_PATH=\/opt\/nope\/chrome does not exist/);
    expect(message).not.toContain('\n');
  });
});
