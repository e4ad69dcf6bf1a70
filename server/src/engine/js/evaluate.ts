// What an expression evaluates to: the platform binding it comes from (an imported SDK, a client,
// a tracked global), followed through variables, destructuring, factory functions and callback
// parameters within one file. Workspace imports stay symbolic (`ws` roots) for the workspace index.

import ts from 'typescript';
import { normalizeSpecifier } from '../modules';
import { CALL, DYNAMIC, extend, Ref, RETURNS } from '../refs';
import type { FactContext } from './facts';
import { carrierOf, contextGetKey, contextPathIn, contextRead, WORKERS_ENV } from './frameworkContext';
import { createContextCall, providedValues, usedContext } from './reactContext';
import { classMembers, classOfThis, localTypeDeclarations, MemberSource, objectProperty, typeMember, unwrapped } from './receivers';
import type { Decl, ScopeTable } from './scopes';
import { isFallbackOperator, returnedExpressions } from './syntax';

/** `env` imported from 'cloudflare:workers': the Worker's bindings, as its handlers' `env` parameter. */
function isWorkersEnv(ref: Ref): boolean {
  return ref.root.kind === 'module' && ref.root.module === 'cloudflare:workers' && ref.path.length === 1 && ref.path[0] === 'env';
}

/** Evaluations per file before giving up on the rest (each node is evaluated once unless cycles cut). */
const MAX_STEPS = 1_000_000;

export class Evaluator {
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

  constructor(protected readonly file: ts.SourceFile, protected readonly ctx: FactContext, protected readonly scopes: ScopeTable) {}

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
      return base ? extend(base, node.name.text) : this.memberRef(node.expression, node.name.text);
    }
    if (ts.isElementAccessExpression(node)) {
      const base = this.evaluate(node.expression);
      const key = node.argumentExpression;
      if (base) return extend(base, ts.isStringLiteralLike(key) ? key.text : DYNAMIC);
      return ts.isStringLiteralLike(key) ? this.memberRef(node.expression, key.text) : null;
    }
    if (ts.isCallExpression(node)) {
      const spec = this.requiredSpecifier(node);
      if (spec !== undefined) return this.importRef({ spec, name: '*' });
      const base = this.evaluate(node.expression);
      if (base) return extend(base, CALL);
      const key = contextGetKey(node);
      if (key !== undefined && this.isUnknownValue(node.expression)) return contextRead('var', [key]);
      const context = usedContext(node);
      return context ? this.reactContextRef(context) : null;
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
      return this.evaluate(node.left) ?? this.evaluate(node.right);
    }
    if (ts.isConditionalExpression(node)) return this.evaluate(node.whenTrue) ?? this.evaluate(node.whenFalse);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.functionRef(node);
    return null;
  }

  /**
   * A factory function (`export async function createClient() { return createServerClient(…) }`):
   * calling it yields the client. Only clients pass through calls; a wrapper that returns the result
   * of a platform call (`const list = () => db.from('x').select()`) is not itself a touch point,
   * or every call of the wrapper would count the same site again.
   */
  protected functionRef(fn: ts.FunctionLikeDeclaration): Ref | null {
    if (!fn.body) return null;
    const returned = !ts.isBlock(fn.body) ? [fn.body] : this.walked ? (this.returns.get(fn) ?? []) : returnedExpressions(fn.body);
    for (const expression of returned) {
      const value = this.evaluate(expression);
      if (value && this.isFactoryResult(value)) return extend(value, RETURNS);
    }
    return null;
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
    if (value.root.kind === 'ws') return value.path.length === 0;
    return this.ctx.isClientConstruction(value);
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
        for (const value of decl.init ? [decl.init, ...decl.assigns] : decl.assigns) {
          const base = this.evaluate(value);
          if (base) return extend(base, ...decl.path);
        }
        if (decl.type) return this.typeRef(decl.type);
        return decl.init && decl.path.length > 0 ? this.pathRef(decl.init, decl.path) : null;
      }
      case 'param': {
        const type = decl.fn.parameters[decl.index]?.type;
        const value = this.paramRef(decl.fn, decl.index, decl.path) ?? (type ? this.typedPathRef(type, decl.path) : null);
        const context = value ? undefined : contextPathIn(decl.path);
        return value ?? (context ? contextRead('locals', context) : null);
      }
      case 'function': return this.functionRef(decl.fn);
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

  /**
   * A property of a value that is no platform binding itself: a class member behind `this.x`, an
   * object literal's property, a property assigned later (`deps.db = …`), or a declared type's member.
   */
  protected memberRef(object: ts.Expression, name: string): Ref | null {
    const target = unwrapped(object);
    if (target.kind === ts.SyntaxKind.ThisKeyword) return this.classMemberRef(target, name);
    const literal = this.objectOf(target);
    const property = literal && objectProperty(literal, name);
    if (property) {
      const value = ts.isMethodDeclaration(property) ? this.functionRef(property) : this.evaluate(property as ts.Expression);
      if (value) return value;
    }
    if (ts.isIdentifier(target)) {
      const decl = this.scopes.lookup(target);
      if (decl?.kind === 'var') {
        for (const assignment of decl.members) {
          if ((assignment.left as ts.PropertyAccessExpression).name.text !== name) continue;
          const value = this.evaluate(assignment.right);
          if (value) return value;
        }
      }
    }
    const type = this.typeOf(target);
    const member = type && typeMember(type, name, this.file);
    const typed = member ? this.typeRef(member) : null;
    if (typed) return typed;
    const carrier = carrierOf(target);
    return carrier && (target.kind === ts.SyntaxKind.PropertyAccessExpression && (target as ts.PropertyAccessExpression).expression.kind === ts.SyntaxKind.ThisKeyword || this.isUnknownValue(target)) ? contextRead(carrier, [name]) : null;
  }

  /** A value this file does not give (a parameter, a property of one): where a framework's context comes in. */
  private isUnknownValue(node: ts.Expression, depth = 0): boolean {
    let root = unwrapped(node);
    while (ts.isPropertyAccessExpression(root)) root = unwrapped(root.expression);
    if (!ts.isIdentifier(root) || depth > 4) return false;
    const decl = this.scopes.lookup(root);
    if (decl === undefined) return root.text === 'Astro';
    return decl.kind === 'param' || (decl.kind === 'var' && decl.init !== undefined && this.isUnknownValue(decl.init, depth + 1));
  }

  /** A destructured variable whose source is no binding itself: `const { locals: { db } } = event`. */
  private pathRef(init: ts.Expression, path: string[]): Ref | null {
    const first = this.memberRef(init, path[0]);
    if (first) return extend(first, ...path.slice(1));
    const type = this.typeOf(unwrapped(init));
    return type ? this.typedPathRef(type, path) : null;
  }

  /** The value a declared type gives a path of members (`{ db }: Deps` → Deps' db). */
  protected typedPathRef(type: ts.TypeNode, path: string[]): Ref | null {
    let current: ts.TypeNode | undefined = type;
    for (const name of path) current = current && typeMember(current, name, this.file);
    return current ? this.typeRef(current) : null;
  }

  private readonly classes = new Map<ts.ClassLikeDeclaration, Map<string, MemberSource[]>>();

  private classMemberRef(thisNode: ts.Node, name: string): Ref | null {
    const cls = classOfThis(thisNode);
    if (!cls) return null;
    let members = this.classes.get(cls);
    if (!members) this.classes.set(cls, (members = classMembers(cls)));
    for (const source of members.get(name) ?? []) {
      const value = source.kind === 'value' ? this.evaluate(source.expression)
        : source.kind === 'type' ? this.typeRef(source.type)
        : source.kind === 'method' ? this.methodRef(source.fn)
        : this.declRef({ kind: 'param', fn: source.fn, index: source.index, path: [] });
      if (value) return value;
    }
    return null;
  }

  /** A method yields what it returns when called; a getter is what it returns. */
  private methodRef(fn: ts.MethodDeclaration | ts.GetAccessorDeclaration): Ref | null {
    const made = this.functionRef(fn);
    return made && ts.isGetAccessorDeclaration(fn) ? extend(made, CALL) : made;
  }

  /** The object literal a variable (or a property of one) holds. */
  private objectOf(node: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (depth > 4) return undefined;
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isIdentifier(node)) {
      const decl = this.scopes.lookup(node);
      return decl?.kind === 'var' && decl.path.length === 0 && decl.init ? this.objectOf(unwrapped(decl.init), depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const outer = this.objectOf(unwrapped(node.expression), depth + 1);
      const inner = outer && objectProperty(outer, node.name.text);
      return inner && ts.isExpression(inner) ? this.objectOf(unwrapped(inner), depth + 1) : undefined;
    }
    return undefined;
  }

  /** The declared type of a variable, a parameter or a member of either. */
  private typeOf(node: ts.Expression, depth = 0): ts.TypeNode | undefined {
    if (depth > 4) return undefined;
    if (ts.isIdentifier(node)) {
      const decl = this.scopes.lookup(node);
      if (decl?.kind === 'var' && decl.path.length === 0) return decl.type;
      if (decl?.kind !== 'param') return undefined;
      let type = decl.fn.parameters[decl.index]?.type;
      for (const name of decl.path) type = type && typeMember(type, name, this.file);
      return type;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const outer = this.typeOf(unwrapped(node.expression), depth + 1);
      return outer && typeMember(outer, node.name.text, this.file);
    }
    return undefined;
  }

  /**
   * The value of a declared type: an instance of a class or interface a platform SDK exports
   * (`client: SupabaseClient` is what `new SupabaseClient()` makes), `typeof x`, or a local alias of either.
   */
  protected typeRef(type: ts.TypeNode, depth = 0): Ref | null {
    if (depth > 4) return null;
    if (ts.isParenthesizedTypeNode(type)) return this.typeRef(type.type, depth + 1);
    if (ts.isUnionTypeNode(type)) {
      for (const part of type.types) {
        const ref = this.typeRef(part, depth + 1);
        if (ref) return ref;
      }
      return null;
    }
    if (ts.isTypeQueryNode(type)) return ts.isIdentifier(type.exprName) ? this.evaluate(type.exprName) : null;
    if (!ts.isTypeReferenceNode(type)) return null;
    const names: string[] = [];
    let entity: ts.EntityName = type.typeName;
    for (; ts.isQualifiedName(entity); entity = entity.left) names.unshift(entity.right.text);
    const decl = this.scopes.lookup(entity);
    if (decl?.kind === 'import') {
      const imported = this.importRef(decl);
      return imported && extend(imported, ...names, CALL);
    }
    if (decl || names.length > 0) return null;
    for (const local of localTypeDeclarations(this.file).get(entity.text) ?? []) {
      if (ts.isTypeAliasDeclaration(local)) return this.typeRef(local.type, depth + 1);
    }
    // A platform's ambient runtime type (Cloudflare's D1Database) is its global.
    return this.ctx.trackedGlobals.has(entity.text) ? { root: { kind: 'global', name: entity.text }, path: [] } : null;
  }

  /** What a React context holds: its default value, its declared type, or what its provider is given. */
  private reactContextRef(context: ts.Identifier): Ref | null {
    const decl = this.scopes.lookup(context);
    const created = decl?.kind === 'var' && decl.path.length === 0 && decl.init ? createContextCall(unwrapped(decl.init)) : undefined;
    if (!created) return null;
    const initial = created.arguments[0] && this.evaluate(created.arguments[0]);
    if (initial) return initial;
    const typed = created.typeArguments?.[0] && this.typeRef(created.typeArguments[0]);
    if (typed) return typed;
    for (const value of providedValues(this.file, context.text)) {
      const provided = this.evaluate(value);
      if (provided) return provided;
    }
    return null;
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
