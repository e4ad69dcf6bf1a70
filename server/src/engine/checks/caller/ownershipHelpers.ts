// CommonJS data modules, as Express apps write them: a route calls `db.deleteThesis(req.query.id)`
// where `const db = require('../database/db.js')` and db.js ends with
// `module.exports.deleteThesis = deleteThesis`. The caller model follows ES imports; this follows
// these too, so that the privileged calls inside such a helper count as the route's.

import ts from 'typescript';
import type { Analysis, Point } from './analysis';
import { FileModel, FnRef, forEachInline, unwrap } from './model';
import type { Fn } from './model';

/** A route's call of a required module's function, with the privileged calls that function makes. */
export interface RequiredCall {
  point: Point;
  inner: Point[];
  helperName: string;
  /** Names in the helper holding what it was given: its parameters and values derived from them. */
  given: Set<string>;
}

/** Calls in a handler (its inline callbacks included) of required helpers that make privileged calls. */
export function requiredHelperCalls(fn: Fn, model: FileModel, analysis: Analysis): RequiredCall[] {
  const out: RequiredCall[] = [];
  if (!fn.body || !/\brequire\s*\(/.test(model.text)) return out;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const helper = requiredFunction(node, model);
      const inner = helper ? analysis.points(helper.fn, helper.model) : [];
      if (helper && inner.length > 0) {
        const callee = node.expression.getText(model.sourceFile);
        const given = givenNames(helper.fn);
        out.push({ point: { node, op: `${callee}(…) → ${inner[0].op}` }, inner, helperName: helper.name, given });
      }
    }
  };
  forEachInlineDeep(fn.body, visit);
  return out;
}

/** A helper's parameters and the variables whose value comes from them (`const uid = data.uid`). */
function givenNames(fn: Fn): Set<string> {
  const names = new Set<string>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) names.add(p.name.text);
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && mentions(n.initializer, names)) {
      names.add(n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return names;
}

export function mentions(node: ts.Node, names: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Like forEachInline, but entering callbacks written in place (`.then((x) => …)`). */
function forEachInlineDeep(node: ts.Node, visit: (n: ts.Node) => void): void {
  forEachInline(node, (n) => {
    visit(n);
    if (n !== node && (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.body) forEachInlineDeep(n.body, visit);
  });
}

/** `db.name(…)` where `db` holds `require('./module')`: the function that module exports as `name`. */
function requiredFunction(call: ts.CallExpression, model: FileModel): FnRef | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const decl = model.decl(callee.expression);
  if (decl?.kind !== 'var' || decl.path.length > 0 || !decl.init) return undefined;
  const init = unwrap(decl.init);
  const isRequire = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  if (!isRequire) return undefined;
  const spec = init.arguments[0];
  if (!spec || !ts.isStringLiteralLike(spec)) return undefined;
  const target = model.importTarget(spec.text);
  const local = target && commonJsExport(target.sourceFile, callee.name.text);
  const fn = local && target.functionFor(local);
  return fn ? { ...fn, name: callee.name.text } : undefined;
}

/** The local expression a CommonJS module exports under a name. */
function commonJsExport(sf: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt)) continue;
    const e = stmt.expression;
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = e.left.getText(sf);
    if (left === `module.exports.${name}` || left === `exports.${name}`) return e.right;
    if (left === 'module.exports' && ts.isObjectLiteralExpression(e.right)) {
      for (const p of e.right.properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
        if (ts.isPropertyAssignment(p) && p.name.getText(sf) === name) return p.initializer;
      }
    }
  }
  return undefined;
}
