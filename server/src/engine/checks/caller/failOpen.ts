// A shared-secret check that fails open: `if (secret && provided !== secret) return 401` rejects a
// wrong secret only while the secret is configured. When the variable is missing (a new
// environment, a renamed setting) the condition is false and every request passes; the check
// should refuse when the secret is unset. The secret must come from the environment.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { unwrap } from './syntax';

const ENV_READ = /\b(?:process\.env|import\.meta\.env|(?:Deno|Netlify)\.env\.get|env\.[A-Z_]|env\[)/;

export const failOpenSecretCheck: FileCheck = {
  name: 'secret-check-fails-open',
  scope: 'file',
  prefilter: /&&[^\n]*!==?/,
  hints: [{ text: '&&' }],
  run(file) {
    const sf = file.sourceFile;
    if (!sf || !ENV_READ.test(file.text)) return [];
    const hits: CheckHit[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isIfStatement(n)) {
        const secret = failOpenSecret(n.expression, sf);
        if (secret && exits(n.thenStatement)) hits.push({ span: { start: n.expression.getStart(sf), end: n.expression.getEnd() }, vars: { secret } });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return hits;
  },
};

/** `S && x !== S` (either side of the inequality) where S is read from the environment: the name shown. */
function failOpenSecret(cond: ts.Expression, sf: ts.SourceFile): string | undefined {
  const e = unwrap(cond);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return undefined;
  const guard = unwrap(e.left);
  const test = unwrap(e.right);
  if (!ts.isBinaryExpression(test)) return undefined;
  const op = test.operatorToken.kind;
  if (op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const text = guard.getText(sf);
  if (test.left.getText(sf) !== text && test.right.getText(sf) !== text) return undefined;
  return fromEnvironment(guard, sf) ? text : undefined;
}

/** The expression reads the environment, or is a name whose declaration in this file does. */
function fromEnvironment(expr: ts.Expression, sf: ts.SourceFile): boolean {
  if (ENV_READ.test(expr.getText(sf))) return true;
  if (!ts.isIdentifier(expr)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === expr.text && n.initializer && ENV_READ.test(n.initializer.getText(sf))) found = true;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  return ts.isBlock(stmt) && stmt.statements.some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
}
