// Server-side request forgery: a request handler that fetches a URL the caller supplied. The server
// then calls whatever the caller names — internal addresses, cloud metadata endpoints, other
// tenants' webhooks — with the server's network position (and often its headers). A URL counts as
// the caller's when it is the request parameter or a name bound from it (`const { url } = await
// req.json()`, `const target = body.webhook_url`), followed in statement order. A handler that
// compares the URL's host with an allow-list is left alone.

import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { EntryKind, findEntries, mayHaveEntries } from './entries';
import { CallerWorkspace, Fn, FileModel, unwrap } from './model';

/** Calls that send a request to the URL in their first argument. */
const FETCHERS =
  /^(?:fetch|axios(?:\.(?:get|post|put|patch|delete|request))?|got(?:\.(?:get|post))?|ky(?:\.(?:get|post))?|\$http\.send)$/;
/** Signs that the handler checks where it is about to connect. */
const HOST_CHECK =
  /\.hostname\b|\.host\b|\.origin\b|allow(?:ed)?_?(?:hosts|list|domains|urls)|startsWith\(\s*['"`]https:\/\//i;

const ENTRY_KINDS: readonly EntryKind[] = ['serve', 'http', 'route', 'next'];

export const ssrfCheck: LinkedCheck = {
  name: 'request-url-fetch',
  scope: 'linked',
  prefilter: /\b(?:fetch|axios|got|ky)\b/,
  hints: ['fetch', 'axios', 'got(', 'ky.'].map((text) => ({ text })),
  run(file, view) {
    // The text test first: a file without a handler has nothing to report, and reading `facts`
    // parses a file the prefilter skipped, and a model parses it again.
    if (!mayHaveEntries(file.file, file.text, ENTRY_KINDS) || !file.facts) return [];
    const model = CallerWorkspace.of(view).model(file.file);
    if (!model) return [];
    const hits: CheckHit[] = [];
    for (const entry of findEntries(model, new Set(ENTRY_KINDS))) {
      const body = entry.fn.body;
      if (!body || HOST_CHECK.test(body.getText(model.sourceFile))) continue;
      for (const call of taintedFetches(entry.fn, model)) {
        hits.push({
          span: { start: call.getStart(model.sourceFile), end: call.expression.getEnd() },
          vars: { call: call.expression.getText(model.sourceFile) },
        });
      }
    }
    return hits;
  },
};

/** Reading the request's input (not its own URL or headers): the body, query, route params, form data. */
const REQUEST_INPUT = /\.(?:json|formData|text)\s*\(|\.(?:body|query|params|searchParams|data|payload)\b/;

/** Fetch calls of a handler whose URL argument comes from the request's input. */
function taintedFetches(fn: Fn, model: FileModel): ts.CallExpression[] {
  const first = fn.parameters[0];
  if (!first) return [];
  const requestNames = new Set<string>(namesIn(first.name));
  const tainted = new Set<string>();
  const out: ts.CallExpression[] = [];
  // The caller's value travels through names, property reads and the start of a string built from
  // it; a call's result (a database row looked up by the caller's id) or a lookup in the code's own
  // table (`HOSTS[country]`) is the server's data, not the caller's URL.
  const derives = (expr: ts.Expression): boolean => {
    let e = unwrap(expr);
    while (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    if (ts.isTemplateExpression(e)) return e.head.text === '' && derives(e.templateSpans[0].expression);
    if (ts.isBinaryExpression(e))
      return e.operatorToken.kind === ts.SyntaxKind.PlusToken ? derives(e.left) : derives(e.left) || derives(e.right);
    if (ts.isCallExpression(e)) {
      const callee = e.expression.getText(model.sourceFile);
      if (callee === 'JSON.parse' || callee === 'String') return !!e.arguments[0] && derives(e.arguments[0]);
      return (
        ts.isPropertyAccessExpression(e.expression) &&
        /^(?:json|formData|text)$/.test(e.expression.name.text) &&
        rootIn(e.expression.expression, requestNames)
      );
    }
    if (ts.isElementAccessExpression(e)) return derives(e.expression);
    if (ts.isPropertyAccessExpression(e)) {
      if (rootIn(e, tainted)) return true;
      return rootIn(e, requestNames) && REQUEST_INPUT.test(e.getText(model.sourceFile));
    }
    return ts.isIdentifier(e) && tainted.has(e.text);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && derives(n.initializer))
      namesIn(n.name).forEach((x) => tainted.add(x));
    if (
      ts.isCallExpression(n) &&
      FETCHERS.test(n.expression.getText(model.sourceFile)) &&
      n.arguments[0] &&
      derives(n.arguments[0])
    )
      out.push(n);
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return out;
}

/** Is the root of this access chain one of these names (`body.hook.url` → `body`)? */
function rootIn(expr: ts.Expression, names: Set<string>): boolean {
  let root = expr;
  while (
    ts.isPropertyAccessExpression(root) ||
    ts.isElementAccessExpression(root) ||
    ts.isNonNullExpression(root) ||
    ts.isParenthesizedExpression(root)
  )
    root = root.expression;
  return ts.isIdentifier(root) && names.has(root.text);
}

function namesIn(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : namesIn(el.name)));
}
