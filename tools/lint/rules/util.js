// Small AST helpers shared by the paypro-pos lint rules (plain ESTree, works for JS and TS).

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`. */
export function staticName(node, computed) {
  if (!node) return null;
  if (node.type === 'Identifier' && !computed) return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

/** The value of a boolean literal, looking through `as const`, `!0`/`!1` and parentheses; undefined when not static. */
export function staticBoolean(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'boolean') return node.value;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression') {
    return staticBoolean(node.expression);
  }
  if (node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'Literal') {
    return !node.argument.value;
  }
  return undefined;
}

/** `shell.openExternal` → ['shell', 'openExternal']; null for anything not a plain member chain. */
export function memberPath(node) {
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'ThisExpression') return ['this'];
  if (node.type === 'MemberExpression') {
    const object = memberPath(node.object);
    const name = staticName(node.property, node.computed);
    return object && name !== null ? [...object, name] : null;
  }
  if (node.type === 'ChainExpression') return memberPath(node.expression);
  return null;
}

/** The callee's last name: `openExternal` for `shell.openExternal(…)`, `eval` for `eval(…)`. */
export function calleeName(callee) {
  if (callee.type === 'ChainExpression') return calleeName(callee.expression);
  if (callee.type === 'MemberExpression') return staticName(callee.property, callee.computed);
  return callee.type === 'Identifier' ? callee.name : null;
}

/** The path of the file being linted, relative to the repo root, with forward slashes. */
export function relativeFilename(context) {
  const cwd = (context.cwd ?? process.cwd()).replaceAll('\\', '/');
  const file = (context.filename ?? context.getFilename()).replaceAll('\\', '/');
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}

/** The module specifier a node imports, for import/export-from/import()/require(). */
export function importedModule(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return node.source && typeof node.source.value === 'string' ? node.source.value : null;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' ? node.moduleReference.expression.value : null;
    case 'CallExpression':
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
        return String(node.arguments[0].value);
      }
      return null;
    default:
      return null;
  }
}
