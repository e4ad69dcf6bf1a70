// A Cloudflare Worker (`export default { fetch(request, env) { … } }`) in which nothing verifies the
// caller — no token, session, signature or shared-secret check anywhere in the file — yet whose
// route functions write KV, R2 or D1 from the request. With no notion of who is calling, every such
// write is made for whoever sends the request: any player id, any wallet, any email.
//
// A Worker that checks callers somewhere has drawn its own line between public and private routes,
// so it is left alone (a public view counter next to key-protected admin routes is a choice). The
// finding sits on the first write of each route function (a function that receives the request).

import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { Analysis, NO_PRIVILEGE, callSpan, renderChain } from './analysis';
import { workerFetch } from './frameworks';
import { CallerWorkspace, FileModel, Fn, forEachInline, unwrap } from './model';
import { anyFunctionVerifies } from './verifyJwt';

const KV_WRITES = new Set(['put', 'delete']);
const SQL_WRITE = /^\s*(insert|update|delete|replace|upsert)\b/i;

export const workerWriteCheck: LinkedCheck = {
  name: 'worker-write-without-caller-check',
  scope: 'linked',
  prefilter: /export\s+default\s*\{[\s\S]{0,400}?\bfetch\b/,
  hints: [{ text: 'fetch' }],
  run(file, view) {
    if (!file.facts) return [];
    const model = CallerWorkspace.of(view).model(file.file);
    if (!model) return [];
    const fetch = workerFetchOf(model);
    if (!fetch || fetch.parameters.length === 0) return [];
    const analysis = Analysis.of(view, NO_PRIVILEGE);
    if (anyFunctionVerifies(model, analysis)) return [];
    const requestName = fetch.parameters[0].name.getText(model.sourceFile);
    const hits: CheckHit[] = [];
    for (const fn of routeFunctions(fetch, model, requestName)) {
      const write = firstWrite(fn);
      if (!write) continue;
      hits.push({ span: callSpan(write, model.sourceFile), vars: { op: renderChain(write, model.sourceFile) } });
    }
    return hits;
  },
};

function workerFetchOf(model: FileModel): Fn | undefined {
  for (const stmt of model.sourceFile.statements) {
    if (!ts.isExportAssignment(stmt) || stmt.isExportEquals) continue;
    const value = unwrap(stmt.expression);
    if (ts.isObjectLiteralExpression(value)) return workerFetch(value)[0];
  }
  return undefined;
}

/** The fetch handler and the same-file functions it reaches that receive the request. */
function routeFunctions(fetch: Fn, model: FileModel, requestName: string): Fn[] {
  const out: Fn[] = [fetch];
  const seen = new Set<Fn>([fetch]);
  for (let i = 0; i < out.length; i++) {
    forEachInline(out[i], (n) => {
      if (!ts.isCallExpression(n) || !n.arguments.some((a) => a.getText(model.sourceFile) === requestName)) return;
      const target = model.functionFor(n.expression);
      if (!target || target.model !== model || seen.has(target.fn)) return;
      seen.add(target.fn);
      out.push(target.fn);
    });
  }
  return out;
}

/**
 * The KV/R2 `put`/`delete` or D1 write this function runs for every caller: the first one outside
 * any branch (a branch's write may be cleanup on a refusal, or a record made under a fresh id), else
 * the first one at all.
 */
function firstWrite(fn: Fn): ts.CallExpression | undefined {
  const writes: ts.CallExpression[] = [];
  forEachInline(fn, (n) => {
    if (ts.isCallExpression(n) && (isBindingWrite(n) || isD1Write(n))) writes.push(n);
  });
  return writes.find((w) => !inBranch(w, fn)) ?? writes[0];
}

function inBranch(node: ts.Node, fn: Fn): boolean {
  for (let n = node.parent; n && n !== fn; n = n.parent) {
    if (ts.isIfStatement(n) || ts.isConditionalExpression(n) || ts.isCaseClause(n) || ts.isCatchClause(n)) return true;
  }
  return false;
}

/** `env.SCORES.put(key, value)`, `this.env.FILES.delete(key)`: a call on a binding of the Worker's env. */
function isBindingWrite(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !KV_WRITES.has(callee.name.text)) return false;
  if (call.arguments.length === 0) return false;
  const binding = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(binding)) return false;
  return isEnv(binding.expression) && /^[A-Z][A-Z0-9_]*$/.test(binding.name.text);
}

function isEnv(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return u.text === 'env';
  return ts.isPropertyAccessExpression(u) && u.name.text === 'env';
}

/** `env.DB.prepare('UPDATE …').bind(…).run()`: the statement's text decides. */
function isD1Write(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'prepare') return false;
  if (!isEnv(unwrapBinding(callee.expression))) return false;
  const sql = call.arguments[0] && unwrap(call.arguments[0]);
  const text = sql && (ts.isStringLiteralLike(sql) ? sql.text : ts.isTemplateExpression(sql) ? sql.head.text : '');
  return !!text && SQL_WRITE.test(text);
}

function unwrapBinding(e: ts.Expression): ts.Expression {
  const u = unwrap(e);
  return ts.isPropertyAccessExpression(u) ? u.expression : u;
}
