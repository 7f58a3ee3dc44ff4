// Types for testing.js, for the vitest tests under test/unit/lint (checked by the app's tsc).
export interface RuleCase {
  code: string;
  filename?: string;
  options?: unknown[];
  languageOptions?: Record<string, unknown>;
  name?: string;
}
export interface InvalidRuleCase extends RuleCase {
  errors: number | { messageId: string; data?: Record<string, string> }[];
}
export interface PosRuleTester {
  run(name: string, rule: unknown, tests: { valid: (string | RuleCase)[]; invalid: InvalidRuleCase[] }): void;
}
export const rules: Record<
  | 'secure-web-preferences'
  | 'preload-bridge'
  | 'open-external-helper-only'
  | 'no-dynamic-code'
  | 'no-electron-in-core'
  | 'no-tls-bypass',
  unknown
>;
export function createRuleTester(framework: {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => void) => void;
  itOnly: (name: string, body: () => void) => void;
}): PosRuleTester;
export class ESLint {
  constructor(options: { cwd: string });
  lintText(code: string, options: { filePath: string }): Promise<{ messages: { ruleId: string | null; message: string }[] }[]>;
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> }>;
}
