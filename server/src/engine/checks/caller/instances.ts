// Methods of class instances, for the caller checks: `accounts.close(id)` on `new Accounts()` of an
// imported class, or `this.users.remove(uid)` on a service a constructor receives by its type
// (`constructor(private readonly users: UsersService)`, as NestJS injects it). The class is found
// as the value layer finds it (js/valueSources.ts), then looked up in the file that declares it.

import ts from 'typescript';
import { classOfThis } from '../../js/receivers';
import { heldValues, isThisMember, methodOf } from '../../js/valueSources';
import type { FileModel, FnRef } from './model';
import { unwrap } from './syntax';

/** The method a call on an instance names, when the instance's class can be named. */
export function instanceMethod(model: FileModel, callee: ts.PropertyAccessExpression): FnRef | undefined {
  for (const name of classNames(model, unwrap(callee.expression), 0)) {
    const owner = declaringModel(model, name);
    const decl = owner?.model.scopes.topLevel(owner.name);
    const fn = decl?.kind === 'class' ? methodOf(decl.cls, callee.name.text, owner!.model.membersOf) : undefined;
    if (fn) return { model: owner!.model, fn, name: callee.name.text };
  }
  return undefined;
}

/** The names of classes an expression may hold an instance of: made with `new`, or declared by type. */
function classNames(model: FileModel, e: ts.Expression, depth: number): ts.Identifier[] {
  if (depth > 3) return [];
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) ? [e.expression] : [];
  if (isThisMember(e)) {
    const cls = classOfThis(e);
    return ((cls && model.membersOf(cls).get(e.name.text)) ?? []).flatMap((source) => {
      if (source.kind === 'value') return classNames(model, unwrap(source.expression), depth + 1);
      if (source.kind === 'type') return typeName(source.type);
      return source.kind === 'param' ? typeName(source.fn.parameters[source.index]?.type) : [];
    });
  }
  if (!ts.isIdentifier(e)) return [];
  const decl = model.decl(e);
  if (decl?.kind === 'param' && decl.path.length === 0) return typeName(decl.fn.parameters[decl.index]?.type);
  if (decl?.kind !== 'var' || decl.path.length > 0) return [];
  return [...typeName(decl.type), ...heldValues(decl).flatMap((v) => classNames(model, unwrap(v), depth + 1))];
}

function typeName(type: ts.TypeNode | undefined): ts.Identifier[] {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? [type.typeName] : [];
}

/** The file a class name comes from and its name there: this file, or the workspace file it is imported from. */
function declaringModel(model: FileModel, name: ts.Identifier): { model: FileModel; name: string } | undefined {
  const decl = model.decl(name);
  if (decl?.kind === 'class') return { model, name: name.text };
  if (decl?.kind !== 'import' || decl.name === '*' || decl.name === 'default') return undefined;
  const target = model.importTarget(decl.spec);
  return target && { model: target, name: decl.name };
}
