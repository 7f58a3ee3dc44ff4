import path from 'node:path';

/**
 * Why Electron would abort at start on this Linux, before any window or log exists.
 *
 * Chromium sandboxes its processes with unprivileged user namespaces; where they are unusable it
 * falls back to the SUID helper `chrome-sandbox` beside the executable, and aborts ("The SUID
 * sandbox helper binary was found, but is not configured correctly") unless that file is owned
 * by root with mode 4755. Ubuntu 24.04 and later restrict unprivileged user namespaces through
 * AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1), and an AppImage's helper sits on
 * a nosuid FUSE mount, so the AppImage and `npm start` both abort there. The app never runs
 * without the sandbox (app.enableSandbox()): this only explains what to fix.
 */
export interface LinuxSandboxProbe {
  /** A /proc/sys value, trimmed; null when the file does not exist. */
  readSysctl(file: string): string | null;
  /** Owner and mode of a file; null when it does not exist. */
  stat(file: string): { uid: number; mode: number } | null;
}

export type LinuxSandboxProblem = {
  reason: 'userns_restricted_by_apparmor' | 'userns_disabled';
  helper: string;
  message: string;
};

const SETUID_0755 = 0o4755;

export function linuxSandboxProblem(probe: LinuxSandboxProbe, electronExecutable: string, appImage: string | undefined): LinuxSandboxProblem | null {
  const reason = userNamespaceBlock(probe);
  if (reason === null) return null;
  const helper = path.join(path.dirname(electronExecutable), 'chrome-sandbox');
  const helperStat = probe.stat(helper);
  if (helperStat !== null && helperStat.uid === 0 && (helperStat.mode & SETUID_0755) === SETUID_0755) return null;
  const why =
    reason === 'userns_restricted_by_apparmor'
      ? 'this Linux restricts unprivileged user namespaces through AppArmor (Ubuntu 24.04 or later)'
      : 'unprivileged user namespaces are switched off on this Linux';
  const profileTarget = appImage ?? electronExecutable;
  const fixes = [
    `Allow the app user namespaces with an AppArmor profile: write /etc/apparmor.d/paypro-pos containing`,
    `    abi <abi/4.0>, include <tunables/global>`,
    `    profile paypro-pos "${profileTarget}" flags=(unconfined) { userns, include if exists <local/paypro-pos> }`,
    `  then run: sudo apparmor_parser -r /etc/apparmor.d/paypro-pos`,
  ];
  if (appImage === undefined) {
    fixes.push(`Or make the sandbox helper setuid root: sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`);
  }
  const message = [
    `Paypro POS cannot start its security sandbox: ${why}, and "${helper}" is not owned by root with mode 4755.`,
    ...fixes,
    'Do not start the app with --no-sandbox: the sandbox protects the payment secret.',
  ].join('\n');
  return { reason, helper, message };
}

function userNamespaceBlock(probe: LinuxSandboxProbe): LinuxSandboxProblem['reason'] | null {
  if (probe.readSysctl('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') return 'userns_restricted_by_apparmor';
  if (probe.readSysctl('/proc/sys/kernel/unprivileged_userns_clone') === '0') return 'userns_disabled';
  if (probe.readSysctl('/proc/sys/user/max_user_namespaces') === '0') return 'userns_disabled';
  return null;
}
