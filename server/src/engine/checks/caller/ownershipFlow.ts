// What a handler knows about its caller and its request, for the ownership check: which names hold
// values the request chose (body, query, route params), which hold the verified caller's identity
// (or values derived from it), and whether a role or ownership test stops the handler somewhere.
//
//   const user = await base44.auth.me();              ← identity
//   const { order_id } = await req.json();            ← request
//   if (user.role !== 'admin') return forbidden();    ← a role test that stops: the handler is guarded
//
// Identity wins over the request: `const uid = body.uid ?? user.id` is treated as the caller's own.

import ts from 'typescript';
import type { Analysis, PrivilegedApi } from './analysis';
import { callableSeed, Entry } from './entries';
import { FileModel, forEachInline, unwrap } from './model';

/** Parts of a request object that carry what the caller chose. */
const REQUEST_PARTS = new Set([
  'body', 'query', 'params', 'param', 'json', 'formData', 'text', 'searchParams', 'url', 'valid',
]);
/** Nuxt/h3 readers of the request's body and parameters. */
const REQUEST_READERS =
  /^(readBody|readValidatedBody|getQuery|getValidatedQuery|getRouterParams?|readFormData|readMultipartFormData)$/;
/** Destructured handler parameters that are themselves request input (`({ params, url })`). */
const REQUEST_PARAM_NAMES = new Set(['params', 'query', 'body', 'url', 'searchParams']);
/** Words of a role, membership or ownership test: a check that the caller may do this, not only who it is. */
export const ROLE_WORD = new RegExp(
  'role|admin|claim|permission|owner|staff|super|manager|moderator|author(?!i[sz]ation)|member|allowed|' +
    'authori[sz]e|can[A-Z_]|scope|tier|level|plan',
  'i',
);
/** Identity fields whose mere presence is a sign-in test (`!user?.id`), not a role test. */
const ID_FIELDS = new Set(['id', 'uid', 'sub', 'email', 'user', 'user_id', 'userId', 'data', 'length']);

export interface HandlerFacts {
  /** Names holding request-chosen values. */
  request: Set<string>;
  /** Names holding the verified identity or values derived from it. */
  identity: Set<string>;
  /** A role, membership or ownership test stops the handler somewhere. */
  guarded: boolean;
  /** The identity is used beyond the sign-in test (`user.id` in a payload or a filter). */
  usesIdentity: boolean;
  /** Is this expression a request-chosen value? */
  fromRequest(expr: ts.Node): boolean;
  /** Does this expression use the caller's identity? */
  fromIdentity(expr: ts.Node): boolean;
}

export function handlerFacts(entry: Entry, analysis: Analysis, api: PrivilegedApi): HandlerFacts {
  const { fn, model } = entry;
  const requestObjects = new Set<string>();
  const request = new Set<string>();
  const identity = new Set<string>();
  const seed = entry.kind === 'callable' ? callableSeed(fn) : undefined;
  fn.parameters.forEach((p, i) => {
    if (ts.isIdentifier(p.name)) {
      // A v1 callable's first parameter is the caller's data.
      if (entry.kind === 'callable' && fn.parameters.length > 1 && i === 0) request.add(p.name.text);
      else requestObjects.add(p.name.text);
    } else if (ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const key = (el.propertyName ?? el.name).getText(model.sourceFile);
        if (!ts.isIdentifier(el.name)) continue;
        if (REQUEST_PARAM_NAMES.has(key)) request.add(el.name.text);
        else if (key === 'request' || key === 'req') requestObjects.add(el.name.text);
      }
    }
  });

  const fromIdentity = (expr: ts.Node): boolean => {
    let found = false;
    visitValue(expr, (n) => {
      if (found) return;
      if (ts.isIdentifier(n) && identity.has(n.text)) found = true;
      else if (ts.isCallExpression(n) && (analysis.verifier(n, model) || callerScopedRead(n, model, api))) found = true;
      else if (ts.isExpression(n) && (seed?.(n) || isMiddlewareIdentity(n, requestObjects))) found = true;
    });
    return found;
  };
  const callable = entry.kind === 'callable';
  const fromRequest = (expr: ts.Node): boolean => {
    let found = false;
    visitValue(expr, (n) => {
      if (found) return;
      if (ts.isIdentifier(n) && request.has(n.text)) found = true;
      else if (ts.isPropertyAccessExpression(n) && isRequestPart(n, requestObjects, callable)) found = true;
      else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && REQUEST_READERS.test(n.expression.text)) {
        found = true;
      }
    });
    return found;
  };

  let guarded = false;
  let usesIdentity = false;
  /** Names bound straight to a verifier's answer (`const member = await b44.auth.me()`). */
  const callers = new Set<string>();
  const isVerifierResult = (value: ts.Expression): boolean => {
    const e = unwrap(value);
    return ts.isCallExpression(e) && !!analysis.verifier(e, model);
  };
  const bindNames = (name: ts.BindingName | ts.Expression, value: ts.Expression): void => {
    const names = boundNames(name);
    if (isVerifierResult(value)) names.forEach((n) => callers.add(n));
    if (fromIdentity(value)) names.forEach((n) => identity.add(n));
    else if (isNewRecord(value)) return; // a record the handler creates is its own, whatever the body said
    else if (fromRequest(value)) names.forEach((n) => request.add(n));
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) bindNames(n.name, n.initializer);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) bindNames(n.left, n.right);
    else if (ts.isForOfStatement(n) && ts.isVariableDeclarationList(n.initializer)) {
      for (const d of n.initializer.declarations) bindNames(d.name, n.expression);
    } else if (ts.isIfStatement(n) && stops(n.thenStatement) && isPermissionTest(n.expression, identity, callers)) {
      guarded = true;
    }
    else if (ts.isExpressionStatement(n) && callsPermissionHelper(n.expression, model)) guarded = true;
    else if (ts.isPropertyAccessExpression(n) && isIdentityField(n, identity) && !inCondition(n)) {
      usesIdentity = true;
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return { request, identity, guarded, usesIdentity, fromRequest, fromIdentity };
}

/**
 * A platform call made with the caller's own rights (`base44.entities.X.filter(…)`, a Supabase query
 * on the caller's client): row rules already limit what it returns, so its rows are the caller's.
 */
function callerScopedRead(call: ts.CallExpression, model: FileModel, api: PrivilegedApi): boolean {
  const ref = model.refOf(call);
  if (ref?.root.kind !== 'module' || !/@base44|@supabase/.test(ref.root.module)) return false;
  return (ref.path.includes('entities') || ref.path.includes('from')) && !api.isPrivileged(call, model);
}

/** `await x.entities.Y.create(…)` / `.insert(…)`: a record made here, not one the request picked. */
function isNewRecord(value: ts.Expression): boolean {
  const e = unwrap(value);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  return ts.isPropertyAccessExpression(callee) && /^(create|insert|add|bulkCreate)$/.test(callee.name.text);
}

/** `req.body.id`, `req.query.uid`, `await request.json()`, `url.searchParams`: the request's input. */
function isRequestPart(n: ts.PropertyAccessExpression, objects: Set<string>, callable: boolean): boolean {
  if (!REQUEST_PARTS.has(n.name.text) && !(callable && n.name.text === 'data')) return false;
  let root: ts.Expression = n.expression;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isNonNullExpression(root)) {
    root = root.expression;
  }
  // Hono's `c.req.param('id')` and `c.req.valid('json')`.
  if (ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'req') return true;
  return ts.isIdentifier(root) && objects.has(root.text);
}

/** `user.id`, `user.email`: the caller's identity itself, as a payload or filter would use it. */
function isIdentityField(n: ts.PropertyAccessExpression, identity: Set<string>): boolean {
  const field = /^(id|uid|sub|email|user_?id|userId)$/.test(n.name.text);
  return field && ts.isIdentifier(n.expression) && identity.has(n.expression.text);
}

/** Is this node part of an `if` condition (a test, not a use of the value)? */
function inCondition(n: ts.Node): boolean {
  for (let cur: ts.Node = n; cur.parent && !ts.isBlock(cur.parent) && !ts.isSourceFile(cur.parent); cur = cur.parent) {
    if (ts.isIfStatement(cur.parent) && cur.parent.expression === cur) return true;
  }
  return false;
}

/** `req.user` / `res.locals.user` set by an authentication middleware that ran before the route. */
function isMiddlewareIdentity(n: ts.Node, objects: Set<string>): boolean {
  if (!ts.isPropertyAccessExpression(n) || !/^(user|auth|uid|userId|session)$/.test(n.name.text)) return false;
  const base = n.expression;
  if (ts.isIdentifier(base)) return objects.has(base.text);
  return ts.isPropertyAccessExpression(base) && base.name.text === 'locals';
}

/** Walks an expression's value-carrying parts, entering inline callbacks but not other functions. */
function visitValue(node: ts.Node, visit: (n: ts.Node) => void): void {
  forEachInline(node, visit);
}

function boundNames(name: ts.BindingName | ts.Expression): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    return name.elements.flatMap((el) => (ts.isBindingElement(el) ? boundNames(el.name) : []));
  }
  return [];
}

/** Does this statement end the handler on every path (a return or throw, or a block holding one)? */
export function stops(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  if (ts.isBlock(stmt)) return stmt.statements.some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
  return false;
}

/**
 * A test that the caller may act, beyond being signed in: a role or claim (`user.role !== 'admin'`,
 * `!isAdmin(user)`), or the caller compared with something (`order.owner_id !== user.id`,
 * `admins.includes(user.email)`). `!user` or `authError || !user?.id` only test that there is one.
 */
function isPermissionTest(cond: ts.Expression, identity: Set<string>, callers: Set<string>): boolean {
  let found = false;
  forEachInline(cond, (n) => {
    if (found) return;
    // The identity's own name (`member`) is no role word: `!member` only tests that there is one.
    const word = ts.isIdentifier(n) || ts.isPrivateIdentifier(n);
    if (word && ROLE_WORD.test(n.text) && !ID_FIELDS.has(n.text) && !callers.has(n.text)) found = true;
    else if (ts.isStringLiteralLike(n) && ROLE_WORD.test(n.text) && n.text.length < 30) found = true;
    else if (ts.isIdentifier(n) && identity.has(n.text) && comparedOrPassed(n, cond)) found = true;
  });
  return found || (/\.(includes|has|some|indexOf)\s*\(/.test(cond.getText()) && mentions(cond, identity));
}

/** An identity value compared with something other than null, or handed to a call. */
function comparedOrPassed(id: ts.Identifier, cond: ts.Expression): boolean {
  let n: ts.Node = id;
  const isAccess = (p: ts.Node) =>
    ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isNonNullExpression(p);
  while (n !== cond && isAccess(n.parent)) {
    n = n.parent;
  }
  const p = n.parent;
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return true;
  if (!ts.isBinaryExpression(p) || !COMPARISONS.has(p.operatorToken.kind)) return false;
  const other = unwrap(p.left === n ? p.right : p.left);
  return !isNullish(other);
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function isNullish(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') ||
    e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
}

function mentions(node: ts.Node, names: Set<string>): boolean {
  let found = false;
  forEachInline(node, (n) => {
    if (!found && ts.isIdentifier(n) && names.has(n.text)) found = true;
  });
  return found;
}

/** `await requireAdmin(req)` / `assertOwner(...)` as a statement: a helper that stops unauthorised callers. */
function callsPermissionHelper(expr: ts.Expression, model: FileModel): boolean {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^(require|assert|ensure|check|verify|enforce|guard)/i.test(name) && ROLE_WORD.test(name) && !!model;
}
