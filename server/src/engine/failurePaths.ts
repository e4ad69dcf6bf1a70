// Evidence for "were the failure paths tested?": platform calls that report failure in their result
// (Supabase answers `{ data, error }` instead of throwing) whose `error` the code never reads.
// Modest by design: it looks at `const { … } = [await] <call>` declarations around a Supabase
// touch point and asks whether an `error` binding exists and is used again in the same function,
// and at awaited calls whose result is dropped altogether. Results passed on whole (returned,
// assigned to one variable) are not counted either way.

import ts from 'typescript';
import type { Finding } from './types';

/** Platforms whose calls resolve to `{ data, error }` rather than throwing. */
const RESULT_ERROR_PLATFORMS = new Set(['supabase']);

/** Supabase methods whose result has no `error` to check (synchronous or subscription handles). */
const NO_ERROR_METHODS = new Set(['getPublicUrl', 'onAuthStateChange', 'channel', 'removeChannel', 'getChannels']);

export interface ResultCheck {
  /** Platform calls whose result is destructured or dropped. */
  calls: number;
  /** Those whose `error` is not bound, bound and never read, or dropped with the result. */
  unchecked: { line: number; column: number }[];
}

const NONE: ResultCheck = { calls: 0, unchecked: [] };

/** Does this file hold touch points whose calls return an `error` to check? */
export function hasResultErrorCalls(findings: Finding[]): boolean {
  return findings.some((f) => f.kind === 'lockin' && RESULT_ERROR_PLATFORMS.has(f.platform));
}

/** Checks one JS/TS file's tree; `findings` are the file's findings (only result-error platforms count). */
export function uncheckedResults(sourceFile: ts.SourceFile, findings: Finding[]): ResultCheck {
  const starts = findings.filter((f) => f.kind === 'lockin' && RESULT_ERROR_PLATFORMS.has(f.platform));
  if (starts.length === 0) return NONE;
  const offsets = starts.map((f) => offsetOf(sourceFile, f.line, f.column));
  const result: ResultCheck = { calls: 0, unchecked: [] };
  const platformCall = (expression: ts.Expression): boolean => {
    const call = resultCall(expression);
    return (
      call !== undefined &&
      offsets.some((o) => o >= call.getStart(sourceFile) && o < call.end) &&
      !NO_ERROR_METHODS.has(methodName(call) ?? '')
    );
  };
  const count = (node: ts.Node, checked: boolean): void => {
    result.calls++;
    if (checked) return;
    const at = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    result.unchecked.push({ line: at.line + 1, column: at.character + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      platformCall(node.initializer)
    ) {
      count(node, errorIsRead(node.name, node));
    } else if (
      ts.isExpressionStatement(node) &&
      ts.isAwaitExpression(node.expression) &&
      platformCall(node.expression)
    ) {
      count(node, false); // `await supabase.from('log').insert(row)`: the result, error included, is dropped
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return result;
}

export function offsetOf(sourceFile: ts.SourceFile, line: number, column: number): number {
  try {
    return sourceFile.getPositionOfLineAndCharacter(line - 1, column - 1);
  } catch {
    return -1;
  }
}

/** The call whose result is destructured: `await x.y()`, `(x.y())`, `x.y() as T`. */
function resultCall(expression: ts.Expression): ts.CallExpression | undefined {
  let e = expression;
  for (;;) {
    if (
      ts.isAwaitExpression(e) ||
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isSatisfiesExpression(e)
    )
      e = e.expression;
    else break;
  }
  return ts.isCallExpression(e) ? e : undefined;
}

function methodName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
}

/** `{ error }`, `{ error: e }` or `{ ...rest }` bound, and that name read again in the enclosing function. */
function errorIsRead(pattern: ts.ObjectBindingPattern, declaration: ts.VariableDeclaration): boolean {
  let local: string | undefined;
  for (const element of pattern.elements) {
    const property = element.propertyName ?? element.name;
    if (element.dotDotDotToken && ts.isIdentifier(element.name)) local = element.name.text;
    else if (ts.isIdentifier(property) && property.text === 'error' && ts.isIdentifier(element.name))
      local = element.name.text;
  }
  if (!local) return false;
  const scope = enclosingFunction(declaration);
  let reads = 0;
  const count = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === local && !isBindingName(node)) reads++;
    ts.forEachChild(node, count);
  };
  count(scope);
  return reads > 0;
}

function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** The identifier that declares the binding (not a read of it). */
function isBindingName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node);
}
