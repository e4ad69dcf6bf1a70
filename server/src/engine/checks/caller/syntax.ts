// Small syntax helpers shared by the caller checks.

import ts from 'typescript';

/** Strips what does not change a value: parentheses, `await`, `!`, `as`, `satisfies`. */
export function unwrap(e: ts.Expression): ts.Expression {
  let cur = e;
  for (;;) {
    if (ts.isParenthesizedExpression(cur) || ts.isAwaitExpression(cur) || ts.isNonNullExpression(cur) || ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur) || ts.isTypeAssertionExpression(cur)) {
      cur = cur.expression;
    } else return cur;
  }
}

export function isFunctionExpr(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node);
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Visits a subtree without entering nested functions (their bodies run at another time). */
export function forEachInline(node: ts.Node, visit: (n: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    if (ts.isFunctionLike(n) && n !== node) return;
    ts.forEachChild(n, walk);
  };
  walk(node);
}
