// Handlers that frameworks run by file convention, beyond Next.js route files and `pages/api`:
//   SvelteKit   +server.ts GET/POST/… exports; +page.server.ts `actions` (public form POSTs) and `load`
//   Nuxt/Nitro  server/api and server/routes files whose default export is defineEventHandler(fn)
//   Remix / React Router  `action` and `loader` exports of app/routes files
//   Astro       GET/POST/ALL exports of src/pages endpoints
//   Cloudflare  `export default { fetch(request, env) { … } }` in a Worker
// Each is a public URL: anyone can send the request that makes it run.

import ts from 'typescript';
import { Fn, FileModel, hasModifier, isFunctionExpr, unwrap } from './model';

const HTTP_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL', 'fallback']);
/** Wrappers whose first function argument is the handler. */
const HANDLER_WRAPPERS = new Set([
  'defineEventHandler',
  'eventHandler',
  'defineCachedEventHandler',
  'defineNitroHandler',
]);

const SVELTE_SERVER = /(^|\/)\+server\.[cm]?[jt]s$/;
const SVELTE_PAGE_SERVER = /(^|\/)\+(page|layout)\.server\.[cm]?[jt]s$/;
const NITRO = /(^|\/)server\/(api|routes|middleware)\//;
const REMIX_ROUTE = /(^|\/)app\/routes\/|(^|\/)app\/root\.[jt]sx?$/;
const ASTRO_PAGE = /(^|\/)src\/pages\/.+\.[cm]?[jt]s$/;
/** A file any of the conventions above may run by its path (a Worker's `fetch` object excepted). */
export const FRAMEWORK_PATH = new RegExp(
  [SVELTE_SERVER, SVELTE_PAGE_SERVER, NITRO, REMIX_ROUTE, ASTRO_PAGE].map((re) => re.source).join('|'),
);

/** Text any of these conventions leaves in a file (a cheap test before parsing). */
export const FRAMEWORK_ENTRY_TEXT =
  /export\s+(?:const|let|async\s+function|function)\s+(?:actions|load|action|loader|GET|POST|PUT|PATCH|DELETE|ALL)\b|defineEventHandler|eventHandler\s*\(|export\s+default\s*\{[\s\S]{0,400}?\bfetch\b/;

/** The handler functions this file exports by one of the conventions above. */
export function frameworkHandlers(model: FileModel): Fn[] {
  const file = model.file;
  const out: Fn[] = [];
  const wantsName = (name: string): boolean =>
    ((SVELTE_SERVER.test(file) || ASTRO_PAGE.test(file)) && HTTP_NAMES.has(name)) ||
    (SVELTE_PAGE_SERVER.test(file) && (name === 'actions' || name === 'load')) ||
    (REMIX_ROUTE.test(file) && (name === 'action' || name === 'loader'));
  for (const stmt of model.sourceFile.statements) {
    if (
      ts.isFunctionDeclaration(stmt) &&
      hasModifier(stmt, ts.SyntaxKind.ExportKeyword) &&
      stmt.name &&
      wantsName(stmt.name.text)
    )
      out.push(stmt);
    if (ts.isVariableStatement(stmt) && hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) {
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && wantsName(d.name.text))
          out.push(...functionsIn(d.initializer, model));
      }
    }
    if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      const value = unwrap(stmt.expression);
      if (NITRO.test(file) && ts.isCallExpression(value)) out.push(...wrapped(value, model));
      if (ts.isObjectLiteralExpression(value)) out.push(...workerFetch(value));
    }
  }
  return out;
}

/** A function, a wrapped function, or (for SvelteKit `actions`) each function of an object. */
function functionsIn(init: ts.Expression, model: FileModel): Fn[] {
  const e = unwrap(init);
  if (isFunctionExpr(e)) return [e];
  if (ts.isCallExpression(e)) return wrapped(e, model);
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.flatMap((p) => {
      if (ts.isMethodDeclaration(p)) return [p];
      if (ts.isPropertyAssignment(p) && isFunctionExpr(unwrap(p.initializer))) return [unwrap(p.initializer) as Fn];
      return [];
    });
  }
  return [];
}

/** `defineEventHandler(async (event) => …)` and the like. */
function wrapped(call: ts.CallExpression, model: FileModel): Fn[] {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) || !HANDLER_WRAPPERS.has(callee.text)) return [];
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (arg && isFunctionExpr(arg)) return [arg];
  if (arg && ts.isObjectLiteralExpression(arg))
    return functionsIn(arg, model).filter(
      (fn) =>
        fn.name?.getText() === 'handler' ||
        (fn.parent && ts.isPropertyAssignment(fn.parent) && fn.parent.name.getText() === 'handler'),
    );
  return [];
}

/** `export default { async fetch(request, env) { … } }`: a Cloudflare Worker's request handler. */
export function workerFetch(value: ts.ObjectLiteralExpression): Fn[] {
  for (const p of value.properties) {
    if (p.name?.getText() !== 'fetch') continue;
    if (ts.isMethodDeclaration(p)) return [p];
    if (ts.isPropertyAssignment(p) && isFunctionExpr(unwrap(p.initializer))) return [unwrap(p.initializer) as Fn];
  }
  return [];
}
