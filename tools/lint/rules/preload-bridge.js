import { builtinModules } from 'node:module';
import { importedModule, memberPath } from './util.js';

const NODE_GLOBALS = new Set(['require', 'process', 'Buffer', 'global', 'module', 'exports', '__dirname', '__filename', 'setImmediate']);
const BUILTINS = new Set(builtinModules);

function isNodeBuiltin(name) {
  return name.startsWith('node:') || BUILTINS.has(name) || BUILTINS.has(name.split('/')[0]);
}

/**
 * The preload is the one door between the page and Electron. It exposes exactly one API object,
 * built by the allowed factory (`createPosApi`), and never hands the page `ipcRenderer` or a
 * Node API:
 * - `contextBridge.exposeInMainWorld(key, factory(…))` with the allowed key and factory only;
 * - `ipcRenderer` only as the receiver of a call (`ipcRenderer.invoke(…)`) or as the factory's
 *   argument — never stored, spread, returned, or passed elsewhere;
 * - no `require`, `process`, `Buffer`… and no Node built-in modules.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the preload bridge narrow: only the generated API crosses, never ipcRenderer or Node.' },
    schema: [
      {
        type: 'object',
        properties: { factory: { type: 'string' }, key: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      expose: 'Only `{{factory}}(…)` may be exposed, under `{{key}}`: anything else widens what the page can reach.',
      ipcRenderer: '`ipcRenderer` may only be called (`ipcRenderer.invoke(…)`) or handed to `{{factory}}`: as a value it gives the page every channel.',
      nodeGlobal: '`{{name}}` is Node: the preload must not use or expose it.',
      nodeModule: '`{{name}}` is a Node module: the preload must not load it.',
    },
  },
  create(context) {
    const factory = context.options[0]?.factory ?? 'createPosApi';
    const key = context.options[0]?.key ?? 'pos';
    const sourceCode = context.sourceCode;

    function isFactoryCall(node) {
      return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === factory;
    }

    function checkImport(node) {
      const name = importedModule(node);
      if (name !== null && isNodeBuiltin(name)) context.report({ node, messageId: 'nodeModule', data: { name } });
    }

    return {
      ImportDeclaration: checkImport,
      ImportExpression: checkImport,
      ExportAllDeclaration: checkImport,
      ExportNamedDeclaration: checkImport,

      CallExpression(node) {
        const path = memberPath(node.callee);
        if (path && path[path.length - 1] === 'exposeInMainWorld') {
          const [keyNode, api] = node.arguments;
          const keyOk = keyNode?.type === 'Literal' && keyNode.value === key;
          if (!keyOk || !isFactoryCall(api) || node.arguments.length !== 2) {
            context.report({ node, messageId: 'expose', data: { factory, key } });
          }
        }
      },

      'Identifier[name="ipcRenderer"]'(node) {
        const parent = node.parent;
        // The import itself, and `{ ipcRenderer: … }` keys / `.ipcRenderer` property names (names, not values).
        if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier') return;
        if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
        if (parent.type === 'Property' && parent.key === node && (!parent.shorthand || parent.value !== node)) return;
        if (parent.type === 'TSQualifiedName' || parent.type === 'TSTypeReference') return;
        // `ipcRenderer.invoke(…)`: the receiver of a direct call.
        if (parent.type === 'MemberExpression' && parent.object === node) {
          const call = parent.parent;
          if (call.type === 'CallExpression' && call.callee === parent) return;
        }
        if (isFactoryCall(parent) && parent.arguments.includes(node)) return;
        context.report({ node, messageId: 'ipcRenderer', data: { factory } });
      },

      'Program:exit'(program) {
        const globalScope = sourceCode.getScope(program);
        const references = [...globalScope.through];
        for (const variable of globalScope.variables) {
          // Globals declared by the config (no definition in the file) are still Node's.
          if (variable.defs.length === 0) references.push(...variable.references);
        }
        for (const reference of references) {
          const name = reference.identifier.name;
          if (NODE_GLOBALS.has(name)) context.report({ node: reference.identifier, messageId: 'nodeGlobal', data: { name } });
        }
      },
    };
  },
};
