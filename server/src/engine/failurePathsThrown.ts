// Evidence for "were the failure paths tested?" on platforms whose calls reject instead of
// answering `{ data, error }` (Base44's SDK, Firebase): awaited platform calls with no try/catch
// around them in their function, and promise chains with no rejection handler. Modest by design,
// as failurePaths.ts is for Supabase: calls whose promise is passed on (returned, handed to a query
// library) are the caller's to handle and are not counted either way.

import ts from 'typescript';
import { offsetOf, type ResultCheck } from './failurePaths';
import type { Finding } from './types';

/** Platforms whose SDK calls reject their promise on failure. */
export const REJECTING_PLATFORMS = new Set(['base44', 'firebase']);

export function hasRejectingCalls(findings: Finding[]): boolean {
  return findings.some((f) => f.kind === 'lockin' && REJECTING_PLATFORMS.has(f.platform));
}

/** Checks one JS/TS file's tree for one platform: how many calls are awaited or chained, how many unhandled. */
export function unhandledRejections(sourceFile: ts.SourceFile, findings: Finding[], platform: string): ResultCheck {
  const starts = findings.filter((f) => f.kind === 'lockin' && f.platform === platform);
  if (starts.length === 0) return { calls: 0, unchecked: [] };
  const offsets = new Set(starts.map((f) => offsetOf(sourceFile, f.line, f.column)));
  // The innermost call starting where a touch point starts (children are visited after parents).
  const calls = new Map<number, ts.CallExpression>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const start = node.getStart(sourceFile);
      if (offsets.has(start)) calls.set(start, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const result: ResultCheck = { calls: 0, unchecked: [] };
  for (const call of calls.values()) {
    const verdict = handling(call);
    if (verdict === 'passed-on') continue;
    result.calls++;
    if (verdict === 'handled') continue;
    const at = sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile));
    result.unchecked.push({ line: at.line + 1, column: at.character + 1 });
  }
  result.unchecked.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

/** What happens to the promise of a call: caught, left to reject, or given to someone else. */
function handling(call: ts.CallExpression): 'handled' | 'unhandled' | 'passed-on' {
  let node: ts.Node = call;
  let chained = false;
  // Climb the promise chain: `.then(a)`, `.catch(b)`, `.finally(c)`.
  for (;;) {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      const method = parent.name.text;
      if (method === 'catch' || (method === 'then' && parent.parent.arguments.length >= 2)) return 'handled';
      if (method !== 'then' && method !== 'finally') return 'passed-on';
      chained = true;
      node = parent.parent;
    } else if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) {
      node = parent;
    } else break;
  }
  const parent = node.parent;
  if (ts.isAwaitExpression(parent)) return insideTry(parent) ? 'handled' : 'unhandled';
  if (chained && ts.isExpressionStatement(parent)) return 'unhandled';
  return 'passed-on';
}

/** Inside the try block (with a catch) of a try statement of the same function. */
function insideTry(node: ts.Node): boolean {
  let current: ts.Node = node;
  while (current.parent && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) {
    const parent: ts.Node = current.parent;
    if (ts.isTryStatement(parent) && parent.tryBlock === current && parent.catchClause) return true;
    current = parent;
  }
  return false;
}
