// What a module exports under a name, as the expression behind it (the caller checks follow the
// expressions: a helper's body, the key a client is built with). The value layer's facts say which
// binding an export is; this says where it is written: an exported function (its declaration), a
// variable's initializer, `export default …`, or a re-export followed to its module.

import ts from 'typescript';
import type { FileModel, ValueRef } from './model';
import { hasModifier } from './syntax';

const MAX_HOPS = 6;

export function exportedExpression(model: FileModel, name: string, depth = 0): ValueRef | undefined {
  if (depth > MAX_HOPS) return undefined;
  for (const stmt of model.sourceFile.statements) {
    const exported = hasModifier(stmt, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(stmt, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(stmt) && exported && (isDefault ? name === 'default' : stmt.name?.text === name)) {
      // A declaration stands in for its value; consumers test it with isFunctionExpr().
      return { model, expr: stmt as unknown as ts.Expression };
    }
    if (ts.isVariableStatement(stmt) && exported) {
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return { model, expr: d.initializer };
      }
    }
    if (ts.isExportAssignment(stmt) && name === 'default') return { model, expr: stmt.expression };
    if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      const element = stmt.exportClause.elements.find((el) => el.name.text === name);
      if (!element) continue;
      const local = (element.propertyName ?? element.name).text;
      if (!stmt.moduleSpecifier) return topLevelValue(model, local);
      if (!ts.isStringLiteral(stmt.moduleSpecifier)) continue;
      return model.importTarget(stmt.moduleSpecifier.text)?.exportedValue(local, depth + 1);
    }
  }
  if (name === 'default') return undefined;
  for (const stmt of model.sourceFile.statements) {
    const star = ts.isExportDeclaration(stmt) && !stmt.exportClause && stmt.moduleSpecifier;
    if (!star || !ts.isStringLiteral(stmt.moduleSpecifier!)) continue;
    const found = model.importTarget((stmt.moduleSpecifier as ts.StringLiteral).text)?.exportedValue(name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A top-level function or variable of the module (`export { helper }`), through the scope table. */
function topLevelValue(model: FileModel, local: string): ValueRef | undefined {
  const decl = model.scopes.topLevel(local);
  if (decl?.kind === 'function') return { model, expr: decl.fn as unknown as ts.Expression };
  return decl?.kind === 'var' && decl.path.length === 0 && decl.init ? { model, expr: decl.init } : undefined;
}
