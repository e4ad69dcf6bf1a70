// Does a verified caller dominate this point? A small, statement-ordered reading of one function
// body, enough for handler code as it is written in practice:
//
//   const user = await base44.auth.me();          ← a verifying call binds `user`
//   if (!user) return Response.json(…, 401);       ← a test of `user` whose branch always exits: a guard
//   await base44.asServiceRole.entities.X.list();  ← guarded: a guard precedes it on every path here
//
// A guard is (a) an `if` whose condition tests a value produced by a verifying call (or compares a
// request header with a configured secret) and whose branch always returns or throws, (b) a
// statement with a verifying call that throws on failure (`await getAuth().verifyIdToken(t)`),
// (c) a `try` whose block establishes a guard and whose `catch` exits too. A point inside the
// success branch of such a test (`if (user) { … }`) is guarded as well. Anything after the point,
// or in a branch the point does not sit in, does not count.

import ts from 'typescript';
import { isStoredSecret } from './lookups';
import { FileModel, forEachInline, unwrap } from './model';

export type VerifyKind = 'result' | 'throws';

export interface FlowContext {
  /** How a call verifies the caller: its result must be tested ('result'), or it throws on failure. */
  verifier(call: ts.CallExpression, model: FileModel): VerifyKind | undefined;
  /** Expressions that carry a verified identity from the start (a callable's `request.auth`). */
  seed?(expr: ts.Expression): boolean;
  /** Only `throw` ends the path (a helper analysed as a guard: its `return` hands control back). */
  throwOnly?: boolean;
}

// `env.ADMIN_KEY`: a Worker's secret binding (upper-case by convention, unlike a KV call's receiver);
// `functions.config().twilio.sid`: a Firebase (v1) runtime setting.
const ENV_READ = new RegExp(
  /\b(?:Deno|Netlify)\.env\.get\s*\(|\bprocess\.env\b|\bimport\.meta\.env\b|\bsecrets\.get\s*\(/.source +
    /|\benv\.[A-Z][A-Z0-9_]*\b(?!\s*\.)|\bfunctions\.config\(\)/.source,
);
const REQUEST_SECRET = /\bheaders?\b|\bauthorization\b|\.get\s*\(\s*['"`]x-|\.header\s*\(|\bsearchParams\b|\bquery\b/i;

export class Flow {
  constructor(
    readonly model: FileModel,
    readonly ctx: FlowContext,
  ) {}

  /** Is `point` (inside `stop`, a function) reached only after the caller was verified? */
  guardedAt(point: ts.Node, stop: ts.Node): boolean {
    const chain: ts.Node[] = [];
    let n: ts.Node | undefined = point;
    for (; n && n !== stop; n = n.parent) chain.push(n);
    if (n !== stop) return false;
    chain.reverse();
    const bound = new Set<string>();
    for (let i = 0; i < chain.length; i++) {
      const child = chain[i];
      const parent = i === 0 ? stop : chain[i - 1];
      const list = statementList(parent);
      if (list) {
        for (const s of list) {
          if (s === child) break;
          if (this.establishes(s, bound)) return true;
          this.bind(s, bound);
        }
      } else if (this.insideSuccessBranch(parent, child, bound)) return true;
      else if (this.afterGuardedTry(parent, child, bound)) return true;
    }
    return false;
  }

  /** Does some statement of this body verify the caller (for a function that must do so itself)? */
  containsGuard(body: ts.Node): boolean {
    const list = statementList(body);
    return list ? this.anyGuard(list, new Set()) : false;
  }

  private anyGuard(statements: readonly ts.Statement[], bound: Set<string>): boolean {
    for (const s of statements) {
      if (this.establishes(s, bound)) return true;
      if (ts.isIfStatement(s) && this.isVerified(s.expression, bound)) return true;
      for (const inner of nestedLists(s)) if (this.anyGuard(inner, new Set(bound))) return true;
      this.bind(s, bound);
    }
    return false;
  }

  /**
   * The `catch` of a `try` that starts by verifying the caller: the error path of guarded work
   * (logging a failed run, say). A rejected verification lands here too, but only as a failure.
   */
  private afterGuardedTry(parent: ts.Node, child: ts.Node, bound: Set<string>): boolean {
    if (!ts.isTryStatement(parent) || child !== parent.catchClause) return false;
    return this.establishesAll(parent.tryBlock.statements, new Set(bound));
  }

  private insideSuccessBranch(parent: ts.Node, child: ts.Node, bound: Set<string>): boolean {
    let cond: ts.Expression | undefined;
    let success: ts.Node | undefined;
    let failure: ts.Node | undefined;
    if (ts.isIfStatement(parent))
      [cond, success, failure] = [parent.expression, parent.thenStatement, parent.elseStatement];
    else if (ts.isConditionalExpression(parent))
      [cond, success, failure] = [parent.condition, parent.whenTrue, parent.whenFalse];
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      [cond, success] = [parent.left, parent.right];
    if (!cond || !this.isVerified(cond, bound)) return false;
    if (child === success) return !isFailureTest(cond);
    return child === failure && isFailureTest(cond);
  }

  /** After this statement completes normally, has the caller been verified? */
  establishes(stmt: ts.Statement, bound: Set<string>): boolean {
    if (ts.isIfStatement(stmt)) {
      const cond = stmt.expression;
      // Only a test that passes on failure (`!user`, `error`, `sig !== expected`) makes its exit a rejection.
      if (
        (this.isVerified(cond, bound) || this.comparesSecret(cond)) &&
        isFailureTest(cond) &&
        this.exits(stmt.thenStatement)
      )
        return true;
      return (
        !!stmt.elseStatement &&
        this.establishes(stmt.thenStatement, new Set(bound)) &&
        this.establishes(stmt.elseStatement, new Set(bound))
      );
    }
    if (ts.isBlock(stmt)) return this.establishesAll(stmt.statements, new Set(bound));
    if (ts.isTryStatement(stmt)) {
      if (!this.establishesAll(stmt.tryBlock.statements, new Set(bound))) return false;
      const handler = stmt.catchClause?.block;
      return !handler || this.exits(handler) || this.establishesAll(handler.statements, new Set(bound));
    }
    if (ts.isExpressionStatement(stmt) || ts.isVariableStatement(stmt))
      return this.hasThrowingVerifier(stmt) || this.dereferencesSeed(stmt);
    return false;
  }

  /**
   * `const uid = request.auth!.uid`: reading a property of the verified identity throws when there
   * is none, so an anonymous call stops here (`request.auth?.uid` does not).
   */
  private dereferencesSeed(stmt: ts.Statement): boolean {
    if (!this.ctx.seed) return false;
    let found = false;
    forEachInline(stmt, (n) => {
      if (found || !ts.isPropertyAccessExpression(n) || n.questionDotToken) return;
      const target = ts.isNonNullExpression(n.expression) ? n.expression.expression : n.expression;
      found = this.ctx.seed!(target);
    });
    return found;
  }

  /** Does some statement of this list, read in order, establish a guard? */
  establishesAll(statements: readonly ts.Statement[], bound = new Set<string>()): boolean {
    for (const s of statements) {
      if (this.establishes(s, bound)) return true;
      this.bind(s, bound);
    }
    return false;
  }

  /** Does every path through this statement return or throw? */
  exits(stmt: ts.Statement): boolean {
    if (ts.isThrowStatement(stmt) || this.throwsByCall(stmt)) return true;
    if (ts.isReturnStatement(stmt)) return !this.ctx.throwOnly;
    if (ts.isBlock(stmt)) return stmt.statements.some((s) => this.exits(s));
    if (ts.isIfStatement(stmt))
      return !!stmt.elseStatement && this.exits(stmt.thenStatement) && this.exits(stmt.elseStatement);
    if (ts.isTryStatement(stmt))
      return this.exits(stmt.tryBlock) && (!stmt.catchClause || this.exits(stmt.catchClause.block));
    return false;
  }

  /** `redirect(303, '/login')` / `error(401)` from SvelteKit: calls that always throw. */
  private throwsByCall(stmt: ts.Statement): boolean {
    if (!ts.isExpressionStatement(stmt)) return false;
    const call = unwrap(stmt.expression);
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
    const imported = this.model.importOf(call.expression);
    return imported?.spec === '@sveltejs/kit' && (imported.name === 'redirect' || imported.name === 'error');
  }

  private hasThrowingVerifier(stmt: ts.Statement): boolean {
    let found = false;
    forEachInline(stmt, (n) => {
      if (!found && ts.isCallExpression(n) && this.ctx.verifier(n, this.model) === 'throws') found = true;
    });
    return found;
  }

  /** Does the expression use a verified value: a bound name, a verifying call, or a seed? */
  isVerified(expr: ts.Node, bound: Set<string>): boolean {
    let found = false;
    forEachInline(expr, (n) => {
      if (found) return;
      if (ts.isIdentifier(n) && bound.has(n.text) && isValueUse(n)) found = true;
      else if (ts.isCallExpression(n) && this.ctx.verifier(n, this.model)) found = true;
      else if (ts.isExpression(n) && this.ctx.seed?.(n)) found = true;
    });
    return found;
  }

  /** Names bound by this statement to verified values (and values derived from them). */
  bind(stmt: ts.Node, bound: Set<string>): void {
    forEachInline(stmt, (n) => {
      if (ts.isVariableDeclaration(n) && n.initializer && this.isVerified(n.initializer, bound)) {
        for (const name of boundNames(n.name)) bound.add(name);
      } else if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        this.isVerified(n.right, bound)
      ) {
        for (const name of boundNames(n.left)) bound.add(name);
      }
    });
  }

  /** `if (req.headers.get('x-cron-secret') !== Deno.env.get('CRON_SECRET'))`: a shared-secret check. */
  comparesSecret(cond: ts.Expression): boolean {
    let found = false;
    forEachInline(cond, (n) => {
      if (found || !ts.isBinaryExpression(n) || !isEquality(n.operatorToken.kind)) return;
      const [l, r] = [n.left, n.right];
      // A configured secret, or one stored on a record (`owner.hook_secret`; lookups.ts), against the request's.
      const stored = (e: ts.Expression) => this.mentions(e, ENV_READ) || isStoredSecret(e);
      found = (stored(l) && this.mentions(r, REQUEST_SECRET)) || (stored(r) && this.mentions(l, REQUEST_SECRET));
    });
    return found;
  }

  /** Does the expression's text, or the value of a variable it uses (a few hops), match? */
  private mentions(expr: ts.Node, pattern: RegExp, depth = 0): boolean {
    if (pattern.test(expr.getText(this.model.sourceFile))) return true;
    if (depth > 2) return false;
    let found = false;
    forEachInline(expr, (n) => {
      if (found) return;
      const field = classFieldValue(n);
      if (field) found = this.mentions(field, pattern, depth + 1);
      if (found || !ts.isIdentifier(n) || !isValueUse(n)) return;
      for (const v of this.model.valuesOf(n))
        if (v.model === this.model && this.mentions(v.expr, pattern, depth + 1)) found = true;
    });
    return found;
  }
}

/** `this.SECRET` read in a method: the initializer of that field of the class (a NestJS controller's secret). */
function classFieldValue(n: ts.Node): ts.Expression | undefined {
  if (!ts.isPropertyAccessExpression(n) || n.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.Node | undefined = n.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  const decl = cls?.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === n.name.text);
  return decl && ts.isPropertyDeclaration(decl) ? decl.initializer : undefined;
}

function statementList(node: ts.Node): readonly ts.Statement[] | undefined {
  if (
    ts.isBlock(node) ||
    ts.isSourceFile(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseClause(node) ||
    ts.isDefaultClause(node)
  )
    return node.statements;
  return undefined;
}

/** Statement lists nested directly in a statement (branches, loop bodies, try blocks), not in functions. */
function nestedLists(stmt: ts.Statement): (readonly ts.Statement[])[] {
  const out: (readonly ts.Statement[])[] = [];
  const add = (s: ts.Statement | undefined) => {
    if (!s) return;
    if (ts.isBlock(s)) out.push(s.statements);
    else out.push([s]);
  };
  if (ts.isIfStatement(stmt)) [stmt.thenStatement, stmt.elseStatement].forEach(add);
  else if (ts.isTryStatement(stmt)) [stmt.tryBlock, stmt.catchClause?.block, stmt.finallyBlock].forEach(add);
  else if (ts.isIterationStatement(stmt, false) || ts.isLabeledStatement(stmt)) add(stmt.statement);
  else if (ts.isSwitchStatement(stmt)) for (const clause of stmt.caseBlock.clauses) out.push(clause.statements);
  else if (ts.isBlock(stmt)) out.push(stmt.statements);
  return out;
}

/** `!user`, `error || !data.user`, `user == null`, `user.role !== 'admin'`, `authError`: tests that pass on failure. */
export function isFailureTest(cond: ts.Expression): boolean {
  const e = unwrap(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return isFailureTest(e.left) || isFailureTest(e.right);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return isFailureTest(e.left) && isFailureTest(e.right);
    const nullish = isNullish(e.left) || isNullish(e.right);
    if (isEmptyTest(e)) return true;
    if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken)
      return nullish || isFalse(e.left) || isFalse(e.right);
    if (op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken)
      return !nullish;
    return false;
  }
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
  return /err/i.test(name);
}

/** `rows.length === 0`, `rows.length < 1`: nothing was found. */
function isEmptyTest(e: ts.BinaryExpression): boolean {
  const op = e.operatorToken.kind;
  const isLength = (x: ts.Expression) => {
    const u = unwrap(x);
    return ts.isPropertyAccessExpression(u) && u.name.text === 'length';
  };
  const isNumber = (x: ts.Expression, n: string) => ts.isNumericLiteral(x) && x.text === n;
  const atMost = op === ts.SyntaxKind.LessThanEqualsToken;
  if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken || atMost) {
    return (isLength(e.left) && isNumber(e.right, '0')) || (!atMost && isNumber(e.left, '0') && isLength(e.right));
  }
  return op === ts.SyntaxKind.LessThanToken && isLength(e.left) && isNumber(e.right, '1');
}

function isNullish(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined');
}

function isFalse(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.FalseKeyword;
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** An identifier used as a value (not a property name, not a declaration's own name). */
function isValueUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isVariableDeclaration(p) && p.name === id) return false;
  return true;
}

/** Every name a declaration or assignment target binds: `user`, `{ data: { user }, error }`, `[a, b]`. */
function boundNames(target: ts.Node): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isKey =
        (ts.isBindingElement(p) && p.propertyName === n) ||
        (ts.isPropertyAssignment(p) && p.name === n) ||
        (ts.isPropertyAccessExpression(p) && p.name === n);
      if (!isKey) names.push(n.text);
      return;
    }
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) return; // `req.user = …` binds no local name
    ts.forEachChild(n, visit);
  };
  visit(target);
  return names;
}
