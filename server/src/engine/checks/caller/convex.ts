// Convex public functions that write without asking who is calling. `mutation`, `action` and
// `httpAction` exported from a convex/ module are callable by anyone with the deployment URL (the
// internal* variants are not). A handler that changes data (`ctx.db.insert/patch/replace/delete`,
// `ctx.runMutation`, `ctx.storage.delete`) should first read `ctx.auth.getUserIdentity()`.
// Left alone: handlers that read the identity, hand `ctx` to a helper of their own (which may do
// so), or take a token, session or password argument (an app-level sign-in or session check).

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { hasModifier, isFunctionExpr, unwrap } from './syntax';

const PUBLIC_BUILDERS = new Set(['mutation', 'action', 'httpAction']);
const WRITE = /\bctx\s*\.\s*(?:db\s*\.\s*(?:insert|patch|replace|delete)|runMutation|storage\s*\.\s*delete)\s*\(/;
const IDENTITY = /getUserIdentity|getAuthUserId|getAuthSessionId|auth\.getUser/;
const CREDENTIAL_ARG = /^(?:token|sessionToken|sessionId|session|password|secret|apiKey|signature)$/i;

export const convexPublicWriteCheck: FileCheck = {
  name: 'convex-public-write-without-identity',
  scope: 'file',
  prefilter: /\b(?:mutation|action|httpAction)\s*\(/,
  hints: ['mutation', 'action', 'httpAction'].map((text) => ({ text })),
  run(file) {
    const sf = file.sourceFile;
    if (!sf) return [];
    const hits: CheckHit[] = [];
    for (const stmt of sf.statements) {
      if (!ts.isVariableStatement(stmt) || !hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) continue;
      for (const decl of stmt.declarationList.declarations) {
        const call = decl.initializer && unwrap(decl.initializer);
        if (!call || !ts.isCallExpression(call) || !isPublicBuilder(call, sf)) continue;
        const handler = handlerOf(call);
        if (!handler?.body || !writesWithoutIdentity(handler, call, sf)) continue;
        hits.push({ span: { start: call.getStart(sf), end: call.expression.getEnd() }, vars: { name: decl.name.getText(sf), kind: call.expression.getText(sf) } });
      }
    }
    return hits;
  },
};

/** `mutation(…)` imported from the generated server module or `convex/server`. */
function isPublicBuilder(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) || !PUBLIC_BUILDERS.has(callee.text)) return false;
  return sf.statements.some((s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) &&
    /_generated\/server$|^convex\/server$/.test(s.moduleSpecifier.text) &&
    !!s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings) &&
    s.importClause.namedBindings.elements.some((el) => el.name.text === callee.text));
}

/** `mutation({ args, handler })` or `mutation(async (ctx, args) => …)`. */
function handlerOf(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!arg) return undefined;
  if (isFunctionExpr(arg)) return arg as ts.FunctionLikeDeclaration;
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  for (const p of arg.properties) {
    if (p.name?.getText() !== 'handler') continue;
    if (ts.isMethodDeclaration(p)) return p;
    if (ts.isPropertyAssignment(p) && isFunctionExpr(unwrap(p.initializer))) return unwrap(p.initializer) as ts.FunctionLikeDeclaration;
  }
  return undefined;
}

function writesWithoutIdentity(handler: ts.FunctionLikeDeclaration, call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const text = handler.body!.getText(sf);
  if (!WRITE.test(text) || IDENTITY.test(text) || passesCtxToHelper(handler.body!)) return false;
  return !credentialArgs(call).some((name) => CREDENTIAL_ARG.test(name));
}

/** `await requireMember(ctx, …)`: a helper of the app's own that receives the context. */
function passesCtxToHelper(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && n.arguments[0].text === 'ctx') found = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** The argument names a validator object declares (`args: { token: v.string() }`). */
function credentialArgs(call: ts.CallExpression): string[] {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!arg || !ts.isObjectLiteralExpression(arg)) return [];
  const args = arg.properties.find((p) => p.name?.getText() === 'args');
  if (!args || !ts.isPropertyAssignment(args) || !ts.isObjectLiteralExpression(unwrap(args.initializer))) return [];
  return (unwrap(args.initializer) as ts.ObjectLiteralExpression).properties.map((p) => p.name?.getText().replace(/['"]/g, '') ?? '');
}
