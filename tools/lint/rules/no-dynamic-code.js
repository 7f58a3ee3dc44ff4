import { calleeName, memberPath } from './util.js';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'global', 'self']);

/** A string, template or concatenation: code as text. */
function isTextual(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  if (node.type === 'BinaryExpression' && node.operator === '+') return isTextual(node.left) || isTextual(node.right);
  return false;
}

/** `eval` or `window.eval` / `globalThis.eval`; not `foo.eval` (a method of some object). */
function isGlobalCall(callee, names) {
  const path = memberPath(callee);
  if (!path) return false;
  if (path.length === 1) return names.has(path[0]);
  return path.length === 2 && GLOBAL_OBJECTS.has(path[0]) && names.has(path[1]);
}

/** No code from strings: `eval`, `new Function`/`Function()`, or a timer given a string. */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids eval, the Function constructor and string timers.' },
    schema: [],
    messages: {
      eval: '`eval` runs a string as code.',
      func: 'The Function constructor runs a string as code.',
      timer: '`{{name}}` with a string runs it as code: pass a function.',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        if (isGlobalCall(node.callee, new Set(['eval']))) context.report({ node, messageId: 'eval' });
        else if (isGlobalCall(node.callee, new Set(['Function']))) context.report({ node, messageId: 'func' });
        else if (isGlobalCall(node.callee, TIMERS) && isTextual(node.arguments[0])) {
          context.report({ node, messageId: 'timer', data: { name: calleeName(node.callee) } });
        }
      },
      NewExpression(node) {
        if (isGlobalCall(node.callee, new Set(['Function']))) context.report({ node, messageId: 'func' });
      },
      // `const e = eval; e(x)` and `(0, eval)(x)`: eval passed around as a value.
      'Identifier[name="eval"]'(node) {
        const parent = node.parent;
        const isCallee = parent.type === 'CallExpression' && parent.callee === node;
        const isProperty = (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) || (parent.type === 'Property' && parent.key === node && !parent.computed);
        if (!isCallee && !isProperty) context.report({ node, messageId: 'eval' });
      },
    };
  },
};
