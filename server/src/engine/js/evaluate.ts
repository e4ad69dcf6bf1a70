// What an expression evaluates to: the platform binding it comes from (an imported SDK, a client,
// a tracked global), followed through variables, destructuring, factory functions and callback
// parameters within one file. Workspace imports stay symbolic (`ws` roots) for the workspace index.

import ts from 'typescript';
import { normalizeSpecifier } from '../modules';
import { CALL, DYNAMIC, extend, isSdkInstance, Ref, RETURNS } from '../refs';
import { functionKey, isParamPlaceholder, mayHoldClient, paramPlaceholder } from './callSites';
import type { FactContext } from './facts';
import { contextGetKey, contextPathIn, contextRead, pageDataPath, WORKERS_ENV } from './frameworkContext';
import { usedContext } from './reactContext';
import { ReceiverValues } from './receiverValues';
import type { Decl, ScopeTable } from './scopes';
import { isFallbackOperator, returnedExpressions } from './syntax';
import { heldValues } from './valueSources';

/** `env` imported from 'cloudflare:workers': the Worker's bindings, as its handlers' `env` parameter. */
function isWorkersEnv(ref: Ref): boolean {
  return ref.root.kind === 'module' && ref.root.module === 'cloudflare:workers' && ref.path.length === 1 && ref.path[0] === 'env';
}

/** `Promise<T>` → T: an async function's declared type names what awaiting its call gives. */
function awaitedType(type: ts.TypeNode): ts.TypeNode {
  const promise = ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise';
  return promise && type.typeArguments?.length === 1 ? type.typeArguments[0] : type;
}

/** Evaluations per file before giving up on the rest (each node is evaluated once unless cycles cut). */
const MAX_STEPS = 1_000_000;

export class Evaluator extends ReceiverValues {
  private readonly memo = new Map<ts.Node, Ref | null>();
  private readonly inProgress = new Set<ts.Node>();
  /** Values reached through a cut, during the current outermost evaluation (see evaluate). */
  private throughCuts?: Map<ts.Node, Ref | null>;
  /** Cycles cut so far (see evaluate), and evaluations done: a bound for pathological cyclic code. */
  private cuts = 0;
  private steps = 0;
  /** Return statements by enclosing function, gathered in the one walk of the file. */
  private readonly returns = new Map<ts.Node, ts.Expression[]>();
  /** Set once every return statement has been noted (before, functionRef looks for them itself). */
  protected walked = false;

  constructor(file: ts.SourceFile, ctx: FactContext, scopes: ScopeTable) {
    super(file, ctx, scopes);
  }

  /** The module of `require('x')` (when `require` is not a local) or `import('x')`. */
  protected requiredSpecifier(call: ts.CallExpression): string | undefined {
    const arg = call.arguments[0];
    if (!arg || !ts.isStringLiteralLike(arg)) return undefined;
    if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return arg.text;
    if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && !this.scopes.lookup(call.expression)) return arg.text;
    return undefined;
  }

  /**
   * The platform binding an expression evaluates to, or null. A binding that refers back to itself
   * (`let a = b; b = a`) is cut there and evaluates to null. A value reached through such a cut is
   * kept only until the outermost evaluation returns: remembered for good, it would make an
   * expression's value depend on which one was evaluated first, and an edited document's facts (see
   * reuse.ts) could differ from a fresh parse's. Kept that long, no expression is worked out twice
   * within one evaluation (cyclic code would otherwise take exponential time).
   */
  evaluate(node: ts.Expression): Ref | null {
    const known = this.memo.has(node) ? this.memo.get(node) : this.throughCuts?.get(node);
    if (known !== undefined) return known;
    if (this.inProgress.has(node) || this.steps >= MAX_STEPS) {
      this.cuts++;
      return null;
    }
    const outermost = this.inProgress.size === 0;
    this.steps++;
    this.inProgress.add(node);
    const cutsBefore = this.cuts;
    const ref = this.evaluateUncached(node);
    this.inProgress.delete(node);
    if (this.cuts === cutsBefore) this.memo.set(node, ref);
    else (this.throughCuts ??= new Map()).set(node, ref);
    if (outermost) this.throughCuts = undefined;
    return ref;
  }

  protected evaluateUncached(node: ts.Expression): Ref | null {
    if (ts.isIdentifier(node)) return this.identifierRef(node);
    if (ts.isPropertyAccessExpression(node)) {
      if (ts.isMetaProperty(node.expression)) return { root: { kind: 'global', name: 'import.meta' }, path: [node.name.text] };
      const base = ts.isPrivateIdentifier(node.name) ? null : this.evaluate(node.expression);
      if (base && isWorkersEnv(base)) return contextRead(WORKERS_ENV, [node.name.text]);
      if (base && !isParamPlaceholder(base)) return extend(base, node.name.text);
      return this.memberRef(node.expression, node.name.text) ?? (base && extend(base, node.name.text));
    }
    if (ts.isElementAccessExpression(node)) {
      const base = this.evaluate(node.expression);
      const key = node.argumentExpression;
      const name = ts.isStringLiteralLike(key) ? key.text : undefined;
      if (base && !isParamPlaceholder(base)) return extend(base, name ?? DYNAMIC);
      return (name !== undefined ? this.memberRef(node.expression, name) : null) ?? (base && extend(base, name ?? DYNAMIC));
    }
    if (ts.isCallExpression(node)) {
      const spec = this.requiredSpecifier(node);
      if (spec !== undefined) return this.importRef({ spec, name: '*' });
      const base = this.evaluate(node.expression);
      if (base && !isParamPlaceholder(base)) return extend(base, CALL);
      const key = contextGetKey(node);
      if (key !== undefined && this.isUnknownValue(node.expression)) return contextRead('var', [key]);
      const context = usedContext(node);
      return (context ? this.reactContextRef(context) : null) ?? (base && extend(base, CALL));
    }
    if (ts.isNewExpression(node)) {
      const base = this.evaluate(node.expression);
      return base && extend(base, CALL);
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const base = this.evaluate(node.tag); // sql`select …` calls the tag
      return base && extend(base, CALL);
    }
    if (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.evaluate(node.expression);
    }
    if (ts.isBinaryExpression(node) && isFallbackOperator(node.operatorToken.kind)) {
      return this.either(node.left, node.right);
    }
    if (ts.isConditionalExpression(node)) return this.either(node.whenTrue, node.whenFalse);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.functionRef(node);
    return null;
  }

  /** The first of two values (`a ?? b`, `c ? a : b`) that is known; a parameter's placeholder only if neither is. */
  private either(first: ts.Expression, second: ts.Expression): Ref | null {
    const a = this.evaluate(first);
    if (a && !isParamPlaceholder(a)) return a;
    return this.evaluate(second) ?? a;
  }

  /**
   * A factory function (`export async function createClient() { return createServerClient(…) }`):
   * calling it yields the client. Only clients pass through calls; a wrapper that returns the result
   * of a platform call (`const list = () => db.from('x').select()`) is not itself a touch point,
   * or every call of the wrapper would count the same site again.
   */
  protected functionRef(fn: ts.FunctionLikeDeclaration): Ref | null {
    if (!fn.body) return null;
    const returned = ts.isBlock(fn.body) && this.walked ? (this.returns.get(fn) ?? []) : returnedExpressions(fn.body);
    for (const expression of returned) {
      const value = this.evaluate(expression);
      if (value && this.isFactoryResult(value)) return extend(value, RETURNS);
    }
    // A declared return type names the client where the body does not say (`getDb(): Firestore`).
    const declared = fn.type && this.typeRef(awaitedType(fn.type));
    return declared && this.isFactoryResult(declared) ? extend(declared, RETURNS) : null;
  }

  protected noteReturn(node: ts.ReturnStatement): void {
    let fn: ts.Node | undefined = node.parent;
    while (fn && !ts.isFunctionLike(fn) && !ts.isClassStaticBlockDeclaration(fn)) fn = fn.parent;
    if (!fn) return;
    const list = this.returns.get(fn);
    if (list) list.push(node.expression!);
    else this.returns.set(fn, [node.expression!]);
  }

  protected isFactoryResult(value: Ref): boolean {
    // A workspace value, or the call of a workspace function (a lazy `cached ??= makeClient()`): the
    // index resolves it later, and what is no client there matches no rule.
    if (value.root.kind === 'ws') {
      const valueOrCall = value.path.length === 0 || (value.path.length === 1 && value.path[0] === CALL);
      return valueOrCall && !isParamPlaceholder(value);
    }
    return isSdkInstance(value) || this.ctx.isClientConstruction(value);
  }

  protected identifierRef(id: ts.Identifier): Ref | null {
    const decl = this.scopes.lookup(id);
    if (!decl) return this.ctx.trackedGlobals.has(id.text) ? { root: { kind: 'global', name: id.text }, path: [] } : (this.ctx.autoImport?.(id.text, this.file.fileName) ?? null);
    return this.declRef(decl);
  }

  protected declRef(decl: Decl): Ref | null {
    switch (decl.kind) {
      case 'import': return this.importRef(decl);
      case 'var': {
        let placeholder: Ref | null = null;
        for (const value of heldValues(decl)) {
          const base = this.evaluate(value);
          if (base && !isParamPlaceholder(base)) return extend(base, ...decl.path);
          placeholder ??= base && extend(base, ...decl.path);
        }
        if (decl.type) return this.typeRef(decl.type) ?? placeholder;
        const pageData = decl.init && pageDataPath(decl.init, decl.path);
        if (pageData) return contextRead('data', pageData);
        return (decl.init && decl.path.length > 0 ? this.pathRef(decl.init, decl.path) : null) ?? placeholder;
      }
      case 'param': {
        const param = decl.fn.parameters[decl.index];
        const value = this.paramRef(decl.fn, decl.index, decl.path) ?? (param?.type ? this.typedPathRef(param.type, decl.path) : null);
        const context = value ? undefined : contextPathIn(decl.path);
        if (value || context) return value ?? contextRead('locals', context!);
        // Nothing here says what it is: what callers pass, if it is a function other files can call.
        const key = mayHoldClient(param) ? functionKey(decl.fn) : undefined;
        return key === undefined ? null : paramPlaceholder(key, decl.index, decl.path);
      }
      case 'function': return this.functionRef(decl.fn);
      case 'class': return null; // its instances' members: see memberRef
      case 'opaque': return null;
    }
  }

  protected importRef(decl: { spec: string; name: string }): Ref | null {
    const mapped = this.ctx.mapSpecifier(decl.spec, this.file.fileName);
    if (!mapped && this.ctx.isWorkspaceSpec(decl.spec)) return { root: { kind: 'ws', spec: decl.spec, name: decl.name }, path: [] };
    const module = mapped ?? normalizeSpecifier(decl.spec);
    if (!this.ctx.isTrackedModule(module)) return null;
    // Default and namespace imports are the module itself: `admin.auth()` ≡ `firebase-admin#auth()`.
    const path = decl.name === '*' || decl.name === 'default' ? [] : [decl.name];
    return { root: { kind: 'module', module }, path };
  }

  /** A callback's parameter: `query({ handler: (ctx) => … })` gives ctx the ref `query.=>0`. */
  protected paramRef(fn: ts.SignatureDeclaration, index: number, path: string[]): Ref | null {
    let holder: ts.Node = fn;
    if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) holder = fn.parent;
    else if (ts.isPropertyAssignment(fn.parent) && ts.isObjectLiteralExpression(fn.parent.parent)) holder = fn.parent.parent;
    const call = holder.parent;
    if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(holder as ts.Expression)) return null;
    const callee = this.evaluate(call.expression);
    return callee && extend(callee, `=>${index}`, ...path);
  }
}
