// Checks made by looking a record up: a link or webhook that carries a secret token is
// authenticated by finding the record that holds that token, not by a session.
//
//   const invites = await base44.asServiceRole.entities.Invite.filter({ invite_token: token });
//   if (invites.length === 0) return 404;                 ← a lookup by a secret: the check itself
//
//   const [owner] = await base44.asServiceRole.entities.User.filter({ id: userId });
//   if (!owner || owner.hook_secret !== secret) return 401; ← a per-user secret compared: the check
//
// The lookup is the check's first half, so it is not a privileged point of its own, and its result
// counts as a verified value once a test of it exits.

import ts from 'typescript';
import { forEachInline, unwrap } from './model';

/** Field names that hold a secret a caller must present (not an id anyone can learn). */
export const SECRET_FIELD =
  /token|secret|otp|nonce|passcode|(?:invite|invitation|verification|confirmation|access|magic|reset)_?code/i;

const READ_OPS = new Set(['filter', 'get', 'list', 'find', 'findOne', 'findFirst']);

/** Is this read the first half of a secret check (see the file comment)? */
export function isSecretLookup(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !READ_OPS.has(callee.name.text)) return false;
  const query = call.arguments[0] && unwrap(call.arguments[0]);
  if (query && ts.isObjectLiteralExpression(query) && query.properties.some(isSecretCriterion)) return true;
  return comparedOnSecretField(call);
}

/** `{ invite_token: token }`: a criterion on a secret field with a value the request supplies. */
function isSecretCriterion(p: ts.ObjectLiteralElementLike): boolean {
  if (ts.isShorthandPropertyAssignment(p)) return SECRET_FIELD.test(p.name.text);
  if (!ts.isPropertyAssignment(p) || !SECRET_FIELD.test(p.name.getText())) return false;
  const value = unwrap(p.initializer);
  const fixed = value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword;
  return !ts.isLiteralExpression(value) && !fixed;
}

/** Is the result (or a value taken from it) compared on a secret field later in the same function? */
function comparedOnSecretField(call: ts.CallExpression): boolean {
  const holder = declarationOf(call);
  const fn = holder && enclosingBody(holder);
  if (!holder || !fn) return false;
  const names = new Set(boundNames(holder.name));
  if (names.size === 0) return false;
  // Values derived from the result: `const owner = owners[0]`, `const { user } = found`.
  forEachInline(fn, (n) => {
    if (ts.isVariableDeclaration(n) && n.initializer && n !== holder && mentionsAny(n.initializer, names)) {
      for (const name of boundNames(n.name)) names.add(name);
    }
  });
  let found = false;
  forEachInline(fn, (n) => {
    if (found || !ts.isBinaryExpression(n) || !isEquality(n.operatorToken.kind)) return;
    found = [n.left, n.right].some((side) => isStoredSecret(side, names));
  });
  return found;
}

/** `owner.hook_secret` or `owner?.api_token` where `owner` holds the looked-up record. */
export function isStoredSecret(side: ts.Expression, names?: Set<string>): boolean {
  const e = unwrap(side);
  if (!ts.isPropertyAccessExpression(e) || !SECRET_FIELD.test(e.name.text)) return false;
  if (!names) return true;
  const root = unwrap(e.expression);
  return ts.isIdentifier(root) && names.has(root.text);
}

function declarationOf(call: ts.CallExpression): ts.VariableDeclaration | undefined {
  let node: ts.Node = call;
  const wraps = (p: ts.Node) => ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p);
  while (wraps(node.parent)) node = node.parent;
  return ts.isVariableDeclaration(node.parent) && node.parent.initializer === node ? node.parent : undefined;
}

function enclosingBody(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return (n as ts.FunctionLikeDeclaration).body;
  return undefined;
}

function mentionsAny(expr: ts.Node, names: Set<string>): boolean {
  let found = false;
  forEachInline(expr, (n) => {
    const isKey = ts.isPropertyAccessExpression(n.parent) && n.parent.name === n;
    if (!found && ts.isIdentifier(n) && names.has(n.text) && !isKey) found = true;
  });
  return found;
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundNames(el.name)));
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}
