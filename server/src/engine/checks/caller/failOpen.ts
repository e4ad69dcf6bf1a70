// A shared-secret check that fails open: `if (secret && provided !== secret) return 401` rejects a
// wrong secret only while the secret is configured. When the variable is missing (a new
// environment, a renamed setting) the condition is false and every request passes; the check
// should refuse when the secret is unset. The secret must come from the environment.
// The same hole, written the other way round: `if (signature && secret) { verify } else { accept }`,
// a verification that runs only while its inputs are present; without them the request goes through.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { unwrap } from './syntax';

const ENV_READ = /\b(?:process\.env|import\.meta\.env|(?:Deno|Netlify)\.env\.get|env\.[A-Z_]|env\[)/;

export const failOpenSecretCheck: FileCheck = {
  name: 'secret-check-fails-open',
  scope: 'file',
  // The text must read the environment too (run's first test), or parsing the file is wasted: a
  // lookahead from the start, so a file is still looked through once for each part.
  prefilter: new RegExp(
    `^(?=[\\s\\S]*?${ENV_READ.source})[\\s\\S]*?(?:&&[^\\n]*!==?|constructEvent|\\.verify\\w*\\s*\\(|createHmac|timingSafeEqual|validateRequest)`,
  ),
  hints: ['&&', 'constructEvent', 'verify', 'createHmac', 'timingSafeEqual', 'validateRequest'].map((text) => ({
    text,
  })),
  run(file) {
    const sf = file.sourceFile;
    if (!sf || !ENV_READ.test(file.text)) return [];
    const hits: CheckHit[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isIfStatement(n)) {
        const secret = failOpenSecret(n.expression, sf);
        if (secret && exits(n.thenStatement)) hits.push({ span: { start: n.expression.getStart(sf), end: n.expression.getEnd() }, vars: { secret } });
        const optional = optionalVerification(n, sf);
        if (optional) hits.push(optional);
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

/** Calls that check a signature or token, by their text (this check reads one file, without bindings). */
const VERIFY_CALL = new RegExp(
  /\bconstructEvent(?:Async)?\s*\(|\bverify\w*\s*\(|\bjwtVerify\s*\(/.source +
    /|\bcreateHmac\s*\(|\btimingSafeEqual\s*\(|\bvalidateRequest\w*\s*\(/.source,
);

/**
 * `if (sig && secret) { event = constructEvent(…) } else { event = JSON.parse(body) }`: the test only
 * asks whether the inputs are there, its branch verifies, and the other path carries on unverified.
 * The finding sits where the unverified path starts (the `else`), or on the test when there is none.
 */
function optionalVerification(n: ts.IfStatement, sf: ts.SourceFile): CheckHit | undefined {
  const operands = conjuncts(n.expression);
  if (!operands.every(isPresenceTest) || exits(n.thenStatement)) return undefined;
  if (!VERIFY_CALL.test(n.thenStatement.getText(sf))) return undefined;
  // A configured secret, or a signature the sender should always send; not an optional sign-in
  // (`if (token) { verify } else { guest }` is a design, not a hole).
  const named = (o: ts.Expression) => /\bsig|signature|hmac/i.test(o.getText(sf));
  const secret = operands.find((o) => fromEnvironment(o, sf)) ?? operands.find(named);
  if (!secret) return undefined;
  const other = n.elseStatement;
  if (other && (exits(other) || VERIFY_CALL.test(other.getText(sf)))) return undefined;
  const at = other && ts.isBlock(other) ? other.statements[0] ?? other : other ?? n.expression;
  const start = at.getStart(sf);
  return { span: { start, end: Math.min(at.getEnd(), start + 80) }, vars: { secret: secret.getText(sf) } };
}

function conjuncts(cond: ts.Expression): ts.Expression[] {
  const e = unwrap(cond);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...conjuncts(e.left), ...conjuncts(e.right)];
  }
  return [e];
}

/** A bare value tested for presence: `sig`, `process.env.HOOK_SECRET`, `headers.get('x-signature')`. */
function isPresenceTest(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u) || ts.isPropertyAccessExpression(u)) return true;
  return ts.isElementAccessExpression(u) || ts.isCallExpression(u);
}
