import { calleeName, relativeFilename } from './util.js';

/**
 * `shell.openExternal` hands a URL to the operating system (any scheme: file:, smb:, custom
 * protocol handlers). Only one reviewed helper may call it; everything else goes through it.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Allows shell.openExternal only in the one allow-listed helper file.' },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { external: '`openExternal` is only called from {{allowed}}: use its helper, which checks the URL.' },
  },
  create(context) {
    const allow = context.options[0]?.allow ?? [];
    if (allow.includes(relativeFilename(context))) return {};
    const allowed = allow.length > 0 ? allow.join(', ') : '(no file)';
    function report(node) {
      context.report({ node, messageId: 'external', data: { allowed } });
    }
    return {
      CallExpression(node) {
        if (calleeName(node.callee) === 'openExternal') report(node);
      },
      // Taking the function out to call it later: `const { openExternal } = shell`, `shell.openExternal.bind`.
      'MemberExpression[computed=false] > Identifier.property[name="openExternal"]'(node) {
        const member = node.parent;
        if (!(member.parent.type === 'CallExpression' && member.parent.callee === member)) report(member);
      },
      'ObjectPattern > Property'(node) {
        if (node.key.type === 'Identifier' && node.key.name === 'openExternal') report(node);
      },
    };
  },
};
