// Caller checks that do not do their job, in request handlers:
//
//   check-without-return   `if (key !== config.key) { res.status(401).send() }` with no `return`: the
//                          refusal is sent, yet the handler carries on and does the work anyway.
//   origin-header-as-auth  `if (req.headers.origin !== SITE) return res.status(401)…` as the handler's only
//                          gate: Origin and Referer are set by browsers, and by anyone else at will.

import ts from 'typescript';
import type { CheckFile, CheckHit, LinkedCheck, LinkedView } from '../registry';
import { Analysis, NO_PRIVILEGE } from './analysis';
import { Entry, EntryKind, findEntries, mayHaveEntries } from './entries';
import { Flow, isFailureTest } from './flow';
import { CallerWorkspace, forEachInline, unwrap } from './model';

const KIND_LIST: EntryKind[] = ['serve', 'http', 'route', 'next'];
const KINDS = new Set(KIND_LIST);
const RESPONSE_CALLS = new Set(['send', 'json', 'end', 'sendStatus', 'redirect', 'jsonp', 'render']);
/** `req.headers.origin`, `headers.get('origin')`, `req.get('referer')`, `headers['origin']`. */
const ORIGIN_HEADER = /\.\s*(?:origin|referr?er)\b|[([]\s*['"`](?:origin|referr?er)['"`]\s*[)\]]/i;
const REFUSAL_STATUS = /\b40[13]\b|unauthori[sz]ed|forbidden/i;

/** The handlers of a file with the flow reading each, or nothing when the file holds none. */
function handlersOf(file: CheckFile, view: LinkedView) {
  // The text test first: building a model parses the file.
  if (!mayHaveEntries(file.file, file.text, KIND_LIST) || !file.facts) return [];
  const model = CallerWorkspace.of(view).model(file.file);
  if (!model) return [];
  const analysis = Analysis.of(view, NO_PRIVILEGE);
  return findEntries(model, KINDS)
    .filter((e) => !e.preGuarded && e.fn.body)
    .map((entry) => ({ entry, analysis, flow: analysis.flow(model, entry) }));
}

export const checkWithoutReturnCheck: LinkedCheck = {
  name: 'check-without-return',
  scope: 'linked',
  prefilter: /\.(?:send|json|end|sendStatus|redirect)\s*\(/,
  // With the dot: `end` alone is in most texts (`append`, `backend`), and the regex then ran on them.
  hints: ['.send', '.json', '.end', '.redirect'].map((text) => ({ text })),
  run(file, view) {
    const hits: CheckHit[] = [];
    for (const { entry, flow } of handlersOf(file, view)) {
      const responder = responseName(entry);
      if (!responder) continue;
      forEachInline(entry.fn.body!, (n) => {
        if (!ts.isIfStatement(n) || !isCallerCheck(n.expression, flow)) return;
        if (flow.exits(n.thenStatement) || n.elseStatement || !sendsResponse(n.thenStatement, responder)) return;
        if (!workFollows(n)) return;
        hits.push({ span: { start: n.expression.getStart(entry.model.sourceFile), end: n.expression.getEnd() } });
      });
    }
    return hits;
  },
};

export const originAsAuthCheck: LinkedCheck = {
  name: 'origin-header-as-auth',
  scope: 'linked',
  prefilter: /origin|referr?er/i,
  hints: ['origin', 'referer', 'referrer'].map((text) => ({ text, caseInsensitive: true })),
  run(file, view) {
    const hits: CheckHit[] = [];
    for (const { entry, analysis, flow } of handlersOf(file, view)) {
      if (analysis.verifiesSomewhere(entry) || comparesAnySecret(entry, flow)) continue;
      forEachInline(entry.fn.body!, (n) => {
        if (!ts.isIfStatement(n) || !ORIGIN_HEADER.test(n.expression.getText(entry.model.sourceFile))) return;
        if (!isFailureTest(n.expression) && !isExclusion(n.expression)) return;
        const branch = n.thenStatement.getText(entry.model.sourceFile);
        if (!flow.exits(n.thenStatement) || !REFUSAL_STATUS.test(branch)) return;
        hits.push({ span: { start: n.expression.getStart(entry.model.sourceFile), end: n.expression.getEnd() } });
      });
    }
    return hits;
  },
};

/** A failure test of a verified value, or of a request value against a configured secret. */
function isCallerCheck(cond: ts.Expression, flow: Flow): boolean {
  return isFailureTest(cond) && (flow.comparesSecret(cond) || flow.isVerified(cond, new Set()));
}

/** A shared-secret check that stops the handler when it fails (one that carries on does not count). */
function comparesAnySecret(entry: Entry, flow: Flow): boolean {
  let found = false;
  forEachInline(entry.fn.body!, (n) => {
    if (!found && ts.isIfStatement(n) && flow.comparesSecret(n.expression) && flow.exits(n.thenStatement)) found = true;
  });
  return found;
}

/** `!allowed.includes(origin)`: a test that passes when the origin is not on the list. */
function isExclusion(cond: ts.Expression): boolean {
  const e = unwrap(cond);
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken;
}

/** The handler's response object: Express-style `(req, res)`, its second parameter. */
function responseName(entry: Entry): string | undefined {
  const p = entry.fn.parameters[1];
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/** Does the branch answer the request (`res.json([])`, `res.status(403).send('no')`)? */
function sendsResponse(branch: ts.Statement, responder: string): boolean {
  let found = false;
  forEachInline(branch, (n) => {
    if (found || !ts.isCallExpression(n)) return;
    const callee = unwrap(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || !RESPONSE_CALLS.has(callee.name.text)) return;
    let root: ts.Expression = callee.expression;
    while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
    found = ts.isIdentifier(root) && root.text === responder;
  });
  return found;
}

/** Statements after the check in its block that do more than return. */
function workFollows(check: ts.IfStatement): boolean {
  const parent = check.parent;
  if (!ts.isBlock(parent)) return false;
  const rest = parent.statements.slice(parent.statements.indexOf(check) + 1);
  return rest.some((s) => !ts.isReturnStatement(s) && !ts.isEmptyStatement(s));
}
