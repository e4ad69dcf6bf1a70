// Is a registered handler deployed at all? A function built with `onCall(…)`/`onRequest(…)` is only
// deployed when the module exports it; one kept in a local constant that nothing uses is dead code
// ("not using this"), and a finding there is noise.

import ts from 'typescript';
import { hasModifier } from './syntax';

/** False only for a top-level, unexported `const x = onCall(…)` whose name is never used again. */
export function mayBeDeployed(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const decl = call.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== call || !ts.isIdentifier(decl.name)) return true;
  const statement = decl.parent?.parent;
  if (!statement || !ts.isVariableStatement(statement) || statement.parent !== sf) return true;
  if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return true;
  const name = decl.name.text;
  const uses = sf.text.match(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
  return uses > 1;
}
