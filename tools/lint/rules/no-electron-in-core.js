import { importedModule } from './util.js';

/**
 * Modules that load Electron. `electron-log/node` is Electron-free and allowed; the bare
 * `electron-log` entry picks the Electron build.
 */
export function loadsElectron(specifier) {
  return (
    specifier === 'electron' ||
    specifier.startsWith('electron/') ||
    specifier === 'electron-updater' ||
    specifier === 'electron-log' ||
    specifier === 'electron-log/main' ||
    specifier === 'electron-log/renderer' ||
    specifier === 'electron-log/preload' ||
    specifier.startsWith('@electron/')
  );
}

/**
 * electron/core, shared and renderer run without Electron (core under plain Node in tests and
 * the web preview; renderer in a sandboxed page): they never import it, not even for types.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids importing Electron in the Electron-free layers (core, shared, renderer).' },
    schema: [],
    messages: { electron: '`{{name}}` loads Electron; this layer must stay Electron-free (inject what it needs from electron/).' },
  },
  create(context) {
    function check(node) {
      const name = importedModule(node);
      if (name !== null && loadsElectron(name)) context.report({ node, messageId: 'electron', data: { name } });
    }
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
      TSImportEqualsDeclaration: check,
      CallExpression: check,
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        if (literal && typeof literal.value === 'string' && loadsElectron(literal.value)) {
          context.report({ node, messageId: 'electron', data: { name: literal.value } });
        }
      },
    };
  },
};
