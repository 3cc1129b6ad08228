// ESLint rule: a relative import stays inside its own package (libs/<name>, apps/<name>, bench/<name>,
// workflows, test, scripts); anything else is imported by its package name, `@caseflow/<lib>`.
import * as path from 'node:path';

const PACKAGE_FOLDERS = new Set(['libs', 'apps', 'bench']);

/** The package a repository-relative path belongs to: `libs/domain`, `workflows`, `test`. */
export function packageOf(relative) {
  const [first, second] = relative.split(path.sep);
  return PACKAGE_FOLDERS.has(first) && second ? `${first}/${second}` : first;
}

export const noRelativeEscape = {
  meta: {
    type: 'problem',
    messages: { escape: "'{{source}}' leaves {{from}} for {{to}}: import it by its package name (@caseflow/…)." },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = packageOf(path.relative(root, context.filename));
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = packageOf(path.relative(root, path.resolve(path.dirname(context.filename), source)));
      if (to !== from) context.report({ node, messageId: 'escape', data: { source, from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
