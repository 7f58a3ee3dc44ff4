// RuleTester for the pos/* rules, set up for vitest (test/unit/lint). Lives here so `eslint`
// and the TypeScript parser resolve from tools/lint/node_modules.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import pos from './rules/index.js';

export const rules = pos.rules;

/** A RuleTester that reports through the given test framework's describe/it. */
export function createRuleTester(framework) {
  RuleTester.describe = framework.describe;
  RuleTester.it = framework.it;
  RuleTester.itOnly = framework.itOnly;
  return new RuleTester({
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
  });
}

/** ESLint with the repo's own config (eslint.config.js at `cwd`). */
export { ESLint } from 'eslint';
