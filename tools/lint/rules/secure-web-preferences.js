import { staticBoolean, staticName } from './util.js';

/**
 * BrowserWindow/webPreferences switches that must never be set to their unsafe value, in an
 * object literal (`{ sandbox: false }`) or by assignment (`prefs.sandbox = false`). Keyed by
 * name wherever it appears: no other object in this app has a reason to use these names.
 */
export const UNSAFE_VALUES = new Map([
  ['nodeIntegration', true],
  ['nodeIntegrationInWorker', true],
  ['nodeIntegrationInSubFrames', true],
  ['contextIsolation', false],
  ['sandbox', false],
  ['webSecurity', false],
  ['allowRunningInsecureContent', true],
  ['webviewTag', true],
  ['experimentalFeatures', true],
  // DevTools are `!app.isPackaged` (electron/window.ts): a literal true opens them to cashiers.
  ['devTools', true],
]);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids turning off an Electron renderer protection (nodeIntegration, sandbox, contextIsolation, webSecurity…).' },
    schema: [],
    messages: {
      unsafe: '`{{name}}: {{value}}` turns off a renderer protection; the window factory in electron/window.ts sets the safe value.',
      openDevTools: '`openDevTools()` opens DevTools from code, whatever `webPreferences.devTools` says in development; the packaged app must never call it.',
    },
  },
  create(context) {
    function check(keyNode, computed, valueNode, reportNode) {
      const name = staticName(keyNode, computed);
      if (name === null || !UNSAFE_VALUES.has(name)) return;
      const value = staticBoolean(valueNode);
      if (value === UNSAFE_VALUES.get(name)) context.report({ node: reportNode, messageId: 'unsafe', data: { name, value: String(value) } });
    }
    return {
      Property(node) {
        check(node.key, node.computed, node.value, node);
      },
      AssignmentExpression(node) {
        if (node.left.type === 'MemberExpression') check(node.left.property, node.left.computed, node.right, node);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && staticName(callee.property, callee.computed) === 'openDevTools') {
          context.report({ node, messageId: 'openDevTools' });
        }
      },
    };
  },
};
