// A caller's token from the request decoded but never verified: `decode(token)` (hono/jwt),
// `jwt.decode(token)` (jsonwebtoken) and `decodeJwt(token)` (jose) read the payload without
// checking the signature, so any identity a client writes into a token is taken as given. The
// function that decodes must verify the same token itself (or the decode is only for display).

import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { Analysis, NO_PRIVILEGE } from './analysis';
import { CallerWorkspace, FileModel, Fn, forEachInline } from './model';
import { importedCallee } from './verifiers';

/** Decoders by module: the export that reads a token without checking it. */
const DECODERS: { module: RegExp; name: string }[] = [
  { module: /^(npm:)?hono(@[^/]*)?\/jwt$|^(npm:)?hono\/utils\/jwt/, name: 'decode' },
  { module: /^(npm:)?jsonwebtoken(@|$)/, name: 'decode' },
  { module: /(^|\/)jose(@|$|\/)|deno\.land\/x\/jose/, name: 'decodeJwt' },
];
/** Where a caller's token comes from in server code. */
const FROM_REQUEST = /\bheaders?\b|\.header\s*\(|\bauthorization\b|\bcookies?\b|getCookie\s*\(|\bbearer\b/i;

export const jwtDecodeCheck: LinkedCheck = {
  name: 'jwt-decoded-not-verified',
  scope: 'linked',
  prefilter: /\bdecode(?:Jwt)?\s*\(/,
  hints: [{ text: 'decode' }],
  run(file, view) {
    // The text test first: building a model parses the file.
    if (!/hono|jsonwebtoken|jose/.test(file.text) || !file.facts) return [];
    const model = CallerWorkspace.of(view).model(file.file);
    if (!model) return [];
    const analysis = Analysis.of(view, NO_PRIVILEGE);
    const hits: CheckHit[] = [];
    forEachCall(model.sourceFile, (call) => {
      if (!isDecoder(call, model) || !call.arguments[0] || !fromRequest(call.arguments[0], model)) return;
      const fn = enclosingFunction(call);
      if (fn && verifiesIn(fn, model, analysis)) return;
      hits.push({ span: { start: call.getStart(model.sourceFile), end: call.expression.getEnd() } });
    });
    return hits;
  },
};

function forEachCall(node: ts.Node, visit: (call: ts.CallExpression) => void): void {
  if (ts.isCallExpression(node)) visit(node);
  ts.forEachChild(node, (child) => forEachCall(child, visit));
}

function isDecoder(call: ts.CallExpression, model: FileModel): boolean {
  const imported = importedCallee(call, model);
  return !!imported && DECODERS.some((d) => d.module.test(imported!.spec) && d.name === imported!.name);
}

/** The token is read from the request: its text, or a variable's value a hop or two away, says so. */
function fromRequest(expr: ts.Expression, model: FileModel, depth = 0): boolean {
  if (FROM_REQUEST.test(expr.getText(model.sourceFile))) return true;
  if (depth > 2) return false;
  let found = false;
  forEachInline(expr, (n) => {
    if (found || !ts.isIdentifier(n)) return;
    found = model.valuesOf(n).some((v) => v.model === model && fromRequest(v.expr, model, depth + 1));
  });
  return found;
}

function enclosingFunction(node: ts.Node): Fn | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) && 'body' in n) return n as Fn;
  return undefined;
}

/** Does the function make a verifying call (a JWT library's verify, a platform's token check)? */
function verifiesIn(fn: Fn, model: FileModel, analysis: Analysis): boolean {
  let found = false;
  forEachInline(fn, (n) => {
    if (!found && ts.isCallExpression(n) && analysis.verifier(n, model)) found = true;
  });
  return found;
}
