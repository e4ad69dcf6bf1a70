// Where a value comes from, read from syntax: the expressions a variable holds, the class an
// expression is an instance of, the function a callee names. One answer for both readers of a
// file's values: the Evaluator, which turns them into platform bindings (evaluate.ts), and the
// caller checks, which need the expressions themselves (the key a client was built with, the guard
// a helper runs: checks/caller/model.ts).

import ts from 'typescript';
import { classOfThis, MemberSource, unwrapped } from './receivers';
import type { Decl, ScopeTable } from './scopes';

type VarDecl = Extract<Decl, { kind: 'var' }>;
export type MembersOf = (cls: ts.ClassLikeDeclaration) => Map<string, MemberSource[]>;

type MethodOrNone = ts.MethodDeclaration | undefined;

/** A function a call can name: a declaration, an arrow or function expression, a method or constructor. */
export type NamedFunction = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** `this.x`: a member of the instance, whose values the class gives. */
export function isThisMember(node: ts.Expression): node is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(node)) return false;
  return node.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(node.name);
}

/** The expressions a variable may hold: its initialiser, then its later plain assignments. */
export function heldValues(decl: VarDecl): ts.Expression[] {
  return decl.init ? [decl.init, ...decl.assigns] : decl.assigns;
}

/** The class of the file an expression holds an instance of: `new Manager()` (directly, in a variable, in `this.x`). */
export function instanceClass(
  node: ts.Expression,
  scopes: ScopeTable,
  membersOf: MembersOf,
  depth = 0,
): ts.ClassDeclaration | undefined {
  if (depth > 4) return undefined;
  const e = unwrapped(node);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const decl = scopes.lookup(e.expression);
    return decl?.kind === 'class' ? decl.cls : undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = scopes.lookup(e);
    if (decl?.kind !== 'var' || decl.path.length > 0) return undefined;
    for (const value of heldValues(decl)) {
      const found = instanceClass(value, scopes, membersOf, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(e.name)) {
    const owner = classOfThis(e);
    for (const source of (owner && membersOf(owner).get(e.name.text)) ?? []) {
      if (source.kind !== 'value') continue;
      const found = instanceClass(source.expression, scopes, membersOf, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The function of this file a callee names: a function declaration, a variable holding a function
 * (through aliases: `const run = helper`), `this.method` or `instance.method` of a class of the file.
 */
export function localFunction(
  callee: ts.Expression,
  scopes: ScopeTable,
  membersOf: MembersOf,
  depth = 0,
): NamedFunction | undefined {
  if (depth > 4) return undefined;
  const e = unwrapped(callee);
  if (ts.isIdentifier(e)) {
    const decl = scopes.lookup(e);
    if (decl?.kind === 'function') return decl.fn;
    if (decl?.kind !== 'var' || decl.path.length > 0 || !decl.init) return undefined;
    const init = unwrapped(decl.init);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    return ts.isIdentifier(init) ? localFunction(init, scopes, membersOf, depth + 1) : undefined;
  }
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.name)) return undefined;
  const object = unwrapped(e.expression);
  const isThis = object.kind === ts.SyntaxKind.ThisKeyword;
  const owner = isThis ? classOfThis(object) : instanceClass(object, scopes, membersOf);
  return owner ? methodOf(owner, e.name.text, membersOf) : undefined;
}

/** A class's method of this name (not a getter: reading it runs it, no call names it). */
export function methodOf(cls: ts.ClassLikeDeclaration, name: string, membersOf: MembersOf): MethodOrNone {
  for (const source of membersOf(cls).get(name) ?? []) {
    if (source.kind === 'method' && ts.isMethodDeclaration(source.fn)) return source.fn;
  }
  return undefined;
}

/** The constructor of a class, when the class declares one. */
export function constructorOf(cls: ts.ClassLikeDeclaration): ts.ConstructorDeclaration | undefined {
  const made = cls.members.find((m) => ts.isConstructorDeclaration(m) && m.body !== undefined);
  return made as ts.ConstructorDeclaration | undefined;
}
