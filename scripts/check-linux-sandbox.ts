import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { linuxSandboxProblem, type LinuxSandboxProbe } from '../electron/core/platform/linux-sandbox.ts';

/**
 * Run before Electron starts (`npm start`, `npm run dev`): on a Linux where Chromium's sandbox
 * would abort with "The SUID sandbox helper binary was found, but is not configured correctly",
 * say why and what to do instead, and stop. Elsewhere it does nothing.
 */
export const nodeSandboxProbe: LinuxSandboxProbe = {
  readSysctl: (file) => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return null;
    }
  },
  stat: (file) => {
    try {
      const { uid, mode } = statSync(file);
      return { uid, mode };
    } catch {
      return null;
    }
  },
};

/** The problem's explanation, or null when Electron can start here. */
export function checkLinuxSandbox(electronExecutable: string): string | null {
  if (process.platform !== 'linux') return null;
  return linuxSandboxProblem(nodeSandboxProbe, electronExecutable, undefined)?.message ?? null;
}

if (import.meta.main) {
  // Under Node, the `electron` package exports the path of the downloaded binary.
  const problem = checkLinuxSandbox(createRequire(import.meta.url)('electron') as string);
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
}
