import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linuxSandboxProblem, type LinuxSandboxProbe } from '../../../../electron/core/platform/linux-sandbox.ts';

const ELECTRON = '/home/kasir/paypro-pos/node_modules/electron/dist/electron';
const HELPER = '/home/kasir/paypro-pos/node_modules/electron/dist/chrome-sandbox';

/** /proc/sys as a map, and the helper's owner and mode (as npm installs it: the user's, 0755). */
function probe(sysctl: Record<string, string>, helper: { uid: number; mode: number } | null = { uid: 1000, mode: 0o100755 }): LinuxSandboxProbe {
  return {
    readSysctl: (file) => sysctl[file] ?? null,
    stat: (file) => (file === HELPER ? helper : null),
  };
}

const UBUNTU_24 = { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1', '/proc/sys/user/max_user_namespaces': '63432' };

describe('linuxSandboxProblem', () => {
  it('Ubuntu 24.04 with npm’s helper: explains the abort and both fixes, never --no-sandbox as a fix', () => {
    const problem = linuxSandboxProblem(probe(UBUNTU_24), ELECTRON, undefined)!;
    expect(problem).toMatchObject({ reason: 'userns_restricted_by_apparmor', helper: HELPER });
    expect(problem.message).toContain('AppArmor');
    expect(problem.message).toContain(`profile paypro-pos "${ELECTRON}" flags=(unconfined) { userns,`);
    expect(problem.message).toContain(`sudo chown root:root "${HELPER}" && sudo chmod 4755 "${HELPER}"`);
    expect(problem.message).toMatch(/Do not start the app with --no-sandbox/);
  });

  it('an AppImage (nosuid mount): only the AppArmor profile, for the AppImage file', () => {
    const problem = linuxSandboxProblem(probe(UBUNTU_24), '/tmp/.mount_PayproX/paypro-pos', '/opt/kasir/paypro-pos.AppImage')!;
    expect(problem.message).toContain('profile paypro-pos "/opt/kasir/paypro-pos.AppImage"');
    expect(problem.message).not.toContain('chmod 4755');
  });

  it('user namespaces switched off (older Debian, max_user_namespaces 0) is a problem too', () => {
    expect(linuxSandboxProblem(probe({ '/proc/sys/kernel/unprivileged_userns_clone': '0' }), ELECTRON, undefined)?.reason).toBe('userns_disabled');
    expect(linuxSandboxProblem(probe({ '/proc/sys/user/max_user_namespaces': '0' }), ELECTRON, undefined)?.reason).toBe('userns_disabled');
  });

  it('no problem where user namespaces work, or where the helper is setuid root', () => {
    expect(linuxSandboxProblem(probe({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0' }), ELECTRON, undefined)).toBeNull();
    expect(linuxSandboxProblem(probe({}), ELECTRON, undefined)).toBeNull();
    expect(linuxSandboxProblem(probe(UBUNTU_24, { uid: 0, mode: 0o104755 }), ELECTRON, undefined)).toBeNull();
    expect(linuxSandboxProblem(probe(UBUNTU_24, { uid: 0, mode: 0o100755 }), ELECTRON, undefined)).not.toBeNull();
  });

  it('npm start and npm run dev check before Electron starts', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toMatch(/node scripts\/check-linux-sandbox\.ts && electron \./);
    expect(readFileSync('scripts/dev.ts', 'utf8')).toMatch(/checkLinuxSandbox\(electronBinary\)/);
  });
});
