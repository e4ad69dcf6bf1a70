// Values that no platform binding gives directly but the code's shape does: a class member behind
// `this.x`, an object's property, a value typed with an SDK type, what a React context or a framework
// context (SvelteKit locals, Hono variables, a Worker's env) holds. The Evaluator (evaluate.ts)
// asks here when an expression's own value is no binding.

import ts from 'typescript';
import { CALL, extend, Ref } from '../refs';
import type { FactContext } from './facts';
import { functionKey, SELF_SPEC } from './callSites';
import { carrierOf, contextRead } from './frameworkContext';
import { createContextCall, providedValues } from './reactContext';
import { classMembers, classOfThis, localTypeDeclarations, MemberSource, objectProperty, typeMember, unwrapped } from './receivers';
import type { Decl, ScopeTable } from './scopes';
import { returnedExpressions } from './syntax';
import { instanceClass, localFunction } from './valueSources';

export abstract class ReceiverValues {
  constructor(protected readonly file: ts.SourceFile, protected readonly ctx: FactContext, protected readonly scopes: ScopeTable) {}

  abstract evaluate(node: ts.Expression): Ref | null;
  protected abstract functionRef(fn: ts.FunctionLikeDeclaration): Ref | null;
  protected abstract declRef(decl: Decl): Ref | null;
  protected abstract importRef(decl: { spec: string; name: string }): Ref | null;

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
    const cls = this.instanceClassOf(target);
    const member = cls && this.memberOfClass(cls, name);
    if (member) return member;
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
    const typeOfMember = type && typeMember(type, name, this.file);
    const typed = typeOfMember ? this.typeRef(typeOfMember) : null;
    if (typed) return typed;
    const carrier = carrierOf(target);
    return carrier && (target.kind === ts.SyntaxKind.PropertyAccessExpression && (target as ts.PropertyAccessExpression).expression.kind === ts.SyntaxKind.ThisKeyword || this.isUnknownValue(target)) ? contextRead(carrier, [name]) : null;
  }

  /** A value this file does not give (a parameter, a property of one): where a framework's context comes in. */
  protected isUnknownValue(node: ts.Expression, depth = 0): boolean {
    let root = unwrapped(node);
    while (ts.isPropertyAccessExpression(root)) root = unwrapped(root.expression);
    if (!ts.isIdentifier(root) || depth > 4) return false;
    const decl = this.scopes.lookup(root);
    if (decl === undefined) return root.text === 'Astro';
    return decl.kind === 'param' || (decl.kind === 'var' && decl.init !== undefined && this.isUnknownValue(decl.init, depth + 1));
  }

  /** A destructured variable whose source is no binding itself: `const { locals: { db } } = event`. */
  protected pathRef(init: ts.Expression, path: string[]): Ref | null {
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
    return cls ? this.memberOfClass(cls, name) : null;
  }

  /** Every instance member of a class, by name (cached: a class is asked about for each `this.x`). */
  protected readonly membersOf = (cls: ts.ClassLikeDeclaration): Map<string, MemberSource[]> => {
    let members = this.classes.get(cls);
    if (!members) this.classes.set(cls, (members = classMembers(cls)));
    return members;
  };

  /** What `this.name` is inside the class, and `x.name` on an instance of it. */
  protected memberOfClass(cls: ts.ClassLikeDeclaration, name: string): Ref | null {
    const members = this.membersOf(cls);
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

  /** The class of the file an expression holds an instance of (see valueSources.ts). */
  protected instanceClassOf(node: ts.Expression): ts.ClassDeclaration | undefined {
    return instanceClass(node, this.scopes, this.membersOf);
  }

  /**
   * The function a call names, as callers find it (see callSites.ts): one of the file's own top-level
   * functions and classes, or one imported from a workspace file, or a method of an instance of either.
   */
  protected callTarget(callee: ts.Expression): { spec: string; key: string } | undefined {
    const e = unwrapped(callee);
    if (ts.isIdentifier(e)) {
      const decl = this.scopes.lookup(e);
      if (decl?.kind === 'import') {
        return decl.name !== '*' && this.isWorkspaceImport(decl.spec) ? { spec: decl.spec, key: decl.name } : undefined;
      }
      if (decl?.kind === 'class') {
        return ts.isSourceFile(decl.cls.parent) ? { spec: SELF_SPEC, key: e.text } : undefined;
      }
      const fn = localFunction(e, this.scopes, this.membersOf);
      const key = fn && functionKey(fn);
      return key === undefined ? undefined : { spec: SELF_SPEC, key };
    }
    if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.name)) return undefined;
    const method = e.name.text;
    const object = unwrapped(e.expression);
    const owner = object.kind === ts.SyntaxKind.ThisKeyword ? classOfThis(object) : this.instanceClassOf(object);
    if (owner) {
      const topLevel = owner.name && ts.isClassDeclaration(owner) && ts.isSourceFile(owner.parent);
      return topLevel ? { spec: SELF_SPEC, key: `${owner.name!.text}#${method}` } : undefined;
    }
    if (ts.isIdentifier(object)) {
      const decl = this.scopes.lookup(object);
      const namespace = decl?.kind === 'import' && decl.name === '*' ? decl.spec : undefined;
      if (namespace !== undefined) return this.isWorkspaceImport(namespace) ? { spec: namespace, key: method } : undefined;
    }
    const instance = this.evaluate(object);
    const root = instance?.root;
    const isInstance = instance?.path.length === 1 && instance.path[0] === CALL;
    if (root?.kind !== 'ws' || root.spec.startsWith('#') || !isInstance) return undefined;
    return root.name === '*' ? undefined : { spec: root.spec, key: `${root.name}#${method}` };
  }

  private isWorkspaceImport(spec: string): boolean {
    return this.ctx.isWorkspaceSpec(spec) && !this.ctx.mapSpecifier(spec, this.file.fileName);
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
    if (ts.isAwaitExpression(node)) return this.objectOf(unwrapped(node.expression), depth + 1);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      // `const { supabase, response } = createClient(request)`: a local helper that returns an object.
      const fn = localFunction(node.expression, this.scopes, this.membersOf);
      const body = fn?.body;
      for (const returned of body ? returnedExpressions(body) : []) {
        const literal = this.objectOf(unwrapped(returned), depth + 1);
        if (literal) return literal;
      }
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
      // A type-only import from a workspace file is an interface or an alias: no value says what it holds.
      if (decl.typeOnly && this.isWorkspaceImport(decl.spec)) return null;
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
  protected reactContextRef(context: ts.Identifier): Ref | null {
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
}
