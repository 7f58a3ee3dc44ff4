// Types for toolchain.js, for test/unit/lint/toolchain.test.ts (checked by the app's tsc).
export function toolchainInstallReason(toolDir: string): string | null;
