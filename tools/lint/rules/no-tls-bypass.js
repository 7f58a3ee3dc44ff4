import { calleeName, staticBoolean, staticName } from './util.js';

const ENV_NAME = ['NODE', 'TLS', 'REJECT', 'UNAUTHORIZED'].join('_');
const SWITCHES = new Set(['ignore-certificate-errors', 'ignore-certificate-errors-spki-list', 'allow-insecure-localhost']);

/**
 * Certificate checks are never switched off: not through the environment variable, not with
 * `rejectUnauthorized: false` (https/tls/undici options), not with Chromium switches, and
 * Electron's certificate hooks (`certificate-error`, `setCertificateVerifyProc`) are not used.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids disabling TLS certificate verification anywhere.' },
    schema: [],
    messages: {
      env: 'The TLS-rejection environment variable disables certificate checks for the whole process.',
      reject: '`rejectUnauthorized: false` accepts any certificate: a man in the middle sees the signed requests.',
      switch: 'The Chromium switch `{{name}}` disables certificate checks.',
      hook: '`{{name}}` can accept a certificate Chromium refused; the app has no reason to override it.',
    },
  },
  create(context) {
    return {
      Identifier(node) {
        if (node.name === ENV_NAME) context.report({ node, messageId: 'env' });
      },
      Literal(node) {
        if (node.value !== ENV_NAME) return;
        const parent = node.parent;
        const asKey = (parent.type === 'MemberExpression' && parent.property === node) || (parent.type === 'Property' && parent.key === node);
        if (asKey) context.report({ node, messageId: 'env' });
      },
      Property(node) {
        if (staticName(node.key, node.computed) === 'rejectUnauthorized' && staticBoolean(node.value) === false) {
          context.report({ node, messageId: 'reject' });
        }
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type === 'MemberExpression' && staticName(left.property, left.computed) === 'rejectUnauthorized' && staticBoolean(node.right) === false) {
          context.report({ node, messageId: 'reject' });
        }
      },
      CallExpression(node) {
        const name = calleeName(node.callee);
        const first = node.arguments[0];
        const firstText = first?.type === 'Literal' && typeof first.value === 'string' ? first.value : null;
        if ((name === 'appendSwitch' || name === 'appendArgument') && firstText !== null && SWITCHES.has(firstText.replace(/^--/, ''))) {
          context.report({ node, messageId: 'switch', data: { name: firstText } });
        }
        if ((name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') && firstText === 'certificate-error') {
          context.report({ node, messageId: 'hook', data: { name: 'certificate-error' } });
        }
        if (name === 'setCertificateVerifyProc') context.report({ node, messageId: 'hook', data: { name } });
      },
    };
  },
};
