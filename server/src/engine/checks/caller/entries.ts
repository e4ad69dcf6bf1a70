// Request handlers: the functions any caller on the internet can make run. A privileged call only
// matters here when one of these reaches it.

import ts from 'typescript';
import type { Ref } from '../../refs';
import { mayBeDeployed } from './deployed';
import { FRAMEWORK_ENTRY_TEXT, FRAMEWORK_PATH, frameworkHandlers } from './frameworks';
import { Fn, FileModel, hasModifier, isFunctionExpr, unwrap } from './model';
import { NEST_ROUTE_TEXT, nestRoutes } from './nest';

export type EntryKind =
  /** `Deno.serve(handler)` or std `serve(handler)`: Base44 and Supabase functions. */
  | 'serve'
  /** firebase-functions `onRequest(handler)`. */
  | 'http'
  /** firebase-functions `onCall(handler)`: the platform passes a verified `auth`, when there is one. */
  | 'callable'
  /** Express/Hono-style `app.post('/path', handler)`, and NestJS controller methods (nest.ts). */
  | 'route'
  /**
   * Next.js route handlers and server actions, `pages/api` and Vercel/Netlify default exports, and the
   * file conventions of SvelteKit, Nuxt, Remix, Astro and Cloudflare Workers (frameworks.ts).
   */
  | 'next';

export interface Entry {
  kind: EntryKind;
  model: FileModel;
  fn: Fn;
  /** Route middleware or app-level `use()` that looks like authentication ran first. */
  preGuarded?: boolean;
  /** Where to report instead of the privileged call: a NestJS route decorator, where a guard belongs. */
  reportAt?: ts.Node;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);
const HTTP_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const AUTH_NAME = /auth|verif|token|session|login|protect|require|guard|jwt/i;
const ROUTE_FILE = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/;
const DEFAULT_HANDLER_DIR = /(^|\/)(pages\/api|api|netlify\/functions|supabase\/functions)\//;

/** Text every handler of a kind leaves in its file: a cheap test before parsing the file. */
const ENTRY_TEXT: Record<EntryKind, RegExp> = {
  serve: /\bserve\s*\(|withSupabase/,
  http: /\bonRequest\b/,
  callable: /\bonCall\b/,
  route: /\.(?:get|post|put|patch|delete|all|options|head)\s*\(|@Controller\s*\(/,
  next: /['"]use server['"]|exports\.handler\b|export\s+(?:default|(?:async\s+)?function\s+handler\b|const\s+handler\b|(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|const\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b)/,
};

/**
 * Could this file hold a handler of one of these kinds? (False means findEntries finds none.) Tested
 * before a model parses the file again: most files an audit tests are front-end code (a component's
 * `export default`, a `Map`'s `.get(key)`), and a parse is what the caller checks cost most.
 */
export function mayHaveEntries(file: string, text: string, kinds: readonly EntryKind[]): boolean {
  return kinds.some((kind) => {
    if (kind === 'next')
      return (ENTRY_TEXT.next.test(text) || FRAMEWORK_ENTRY_TEXT.test(text)) && mayHaveConventionHandler(file, text);
    return (
      ENTRY_TEXT[kind].test(text) && (kind !== 'route' || ROUTE_CALL_TEXT.test(text) || NEST_ROUTE_TEXT.test(text))
    );
  });
}

/**
 * A route call's path argument starts as a string `'/…'` (or an escape), a template or a regex literal
 * (isRoutePath); a comment before it starts with `/` too.
 */
const ROUTE_CALL_TEXT = /\.(?:get|post|put|patch|delete|all|options|head)\s*\(\s*(?:['"][/\\]|[`/])/;
/** Files whose exports a framework calls by convention, by path alone (exportedHandlers, frameworkHandlers). */
const CONVENTION_PATH = new RegExp([ROUTE_FILE, DEFAULT_HANDLER_DIR, FRAMEWORK_PATH].map((re) => re.source).join('|'));
/** `export default {` (or `(`, `<T>`, `await`) with comments allowed between: a Worker's `fetch` object. */
const DEFAULT_OBJECT = /export(?:\s|\/\*[\s\S]*?\*\/|\/\/.*)+default(?:\s|\/\*[\s\S]*?\*\/|\/\/.*)*(?:[({<]|await\b)/;

/** Could a 'next' handler be here: a conventional path, a `'use server'` module, or a Worker object? */
function mayHaveConventionHandler(file: string, text: string): boolean {
  return CONVENTION_PATH.test(file) || text.includes('use server') || DEFAULT_OBJECT.test(text);
}

export function findEntries(model: FileModel, kinds: ReadonlySet<EntryKind>): Entry[] {
  const out: Entry[] = [];
  const add = (kind: EntryKind, fn: Fn | undefined, preGuarded = false, reportAt?: ts.Node) => {
    if (fn && !out.some((e) => e.fn === fn)) out.push({ kind, model, fn, preGuarded, reportAt });
  };
  for (const { call, withSupabase, kind } of entryCalls(model)) {
    if ((kind === 'callable' || kind === 'http') && !mayBeDeployed(call, model.sourceFile)) continue;
    if (withSupabase && kinds.has('serve')) add('serve', handlerArgument(call, model), withSupabaseVerifies(call));
    else if (kind && kinds.has(kind))
      add(kind, handlerArgument(call, model), kind === 'route' && routePreGuarded(call, model));
  }
  if (kinds.has('route') && NEST_ROUTE_TEXT.test(model.text)) {
    for (const route of nestRoutes(model)) add('route', route.fn, route.guarded, route.decorator);
  }
  if (kinds.has('next')) for (const fn of [...exportedHandlers(model), ...frameworkHandlers(model)]) add('next', fn);
  return out;
}

/** A call that may register a handler, whatever kinds a check looks for. */
interface EntryCall {
  call: ts.CallExpression;
  withSupabase: boolean;
  kind?: EntryKind;
}

/**
 * The calls of a tree that may register handlers, in source order: found in one walk for the three
 * privileged-call checks (each looks for its own kinds, and walking a tree took a third of them).
 */
const entryCallsByTree = new WeakMap<ts.SourceFile, EntryCall[]>();

function entryCalls(model: FileModel): EntryCall[] {
  let calls = entryCallsByTree.get(model.sourceFile);
  if (!calls) {
    const found: EntryCall[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const ref = model.refAt(node); // resolved once: both tests below read it
        const withSupabase = isWithSupabase(ref);
        const kind = callEntryKind(node, ref, model);
        if (withSupabase || kind) found.push({ call: node, withSupabase, kind });
      }
      ts.forEachChild(node, visit);
    };
    visit(model.sourceFile);
    entryCallsByTree.set(model.sourceFile, (calls = found));
  }
  return calls;
}

function callEntryKind(call: ts.CallExpression, ref: Ref | undefined, model: FileModel): EntryKind | undefined {
  const callee = unwrap(call.expression);
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'serve' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Deno' &&
    model.isGlobal(callee.expression)
  )
    return 'serve';
  if (ts.isIdentifier(callee) && callee.text === 'serve') {
    const imported = model.importOf(callee);
    if (imported && /std(@[^/]*)?\/http\/server|@std\/http/.test(imported.spec)) return 'serve';
  }
  // The call's own site: an imported `onRequest` callee is a bare identifier, which has none.
  if (
    ref?.root.kind === 'module' &&
    /^firebase-functions(\/|$)/.test(ref.root.module) &&
    ref.path[ref.path.length - 1] === '()'
  ) {
    const name = ref.path[ref.path.length - 2];
    if (name === 'onRequest') return 'http';
    if (name === 'onCall') return 'callable';
  }
  if (
    ts.isPropertyAccessExpression(callee) &&
    ROUTE_METHODS.has(callee.name.text) &&
    call.arguments.length >= 2 &&
    isRoutePath(call.arguments[0])
  )
    return 'route';
  return undefined;
}

/** `withSupabase(config, handler)` from @supabase/server: the wrapper checks credentials first. */
function isWithSupabase(ref: Ref | undefined): boolean {
  return (
    ref?.root.kind === 'module' &&
    ref.root.module.startsWith('@supabase/server') &&
    ref.path.join('.') === 'withSupabase.()'
  );
}

/** Its default mode is 'user'; 'none' and 'publishable' (a public key) let any caller through. */
function withSupabaseVerifies(call: ts.CallExpression): boolean {
  const config = call.arguments[0] && unwrap(call.arguments[0]);
  if (!config || !ts.isObjectLiteralExpression(config)) return true;
  const mode = config.properties.find(
    (p) => p.name && ts.isIdentifier(p.name) && (p.name.text === 'auth' || p.name.text === 'allow'),
  );
  return !mode || !/['"`](none|publishable)\b/.test(mode.getText());
}

function isRoutePath(arg: ts.Expression): boolean {
  return (
    (ts.isStringLiteralLike(arg) && arg.text.startsWith('/')) ||
    ts.isTemplateExpression(arg) ||
    ts.isRegularExpressionLiteral(arg)
  );
}

/** The handler passed to an entry call: its last function argument (inline or a named function). */
function handlerArgument(call: ts.CallExpression, model: FileModel): Fn | undefined {
  for (let i = call.arguments.length - 1; i >= 0; i--) {
    const arg = unwrap(call.arguments[i]);
    if (isFunctionExpr(arg)) return arg;
    if (ts.isIdentifier(arg)) {
      const fn = model.functionFor(arg);
      if (fn && fn.model === model) return fn.fn;
    }
    if (ts.isObjectLiteralExpression(arg)) {
      // Deno.serve({ port, handler }) / { fetch }
      for (const prop of arg.properties) {
        const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : '';
        if (name !== 'handler' && name !== 'fetch') continue;
        if (ts.isMethodDeclaration(prop)) return prop;
        if (ts.isPropertyAssignment(prop) && isFunctionExpr(unwrap(prop.initializer)))
          return unwrap(prop.initializer) as Fn;
      }
    }
  }
  return undefined;
}

/** `app.post('/x', requireAuth, handler)` or an earlier `app.use(verifyToken)` on the same app. */
function routePreGuarded(call: ts.CallExpression, model: FileModel): boolean {
  const middle = call.arguments.slice(1, -1);
  if (middle.some((arg) => AUTH_NAME.test(arg.getText(model.sourceFile)))) return true;
  const app = (unwrap(call.expression) as ts.PropertyAccessExpression).expression.getText(model.sourceFile);
  for (const stmt of model.sourceFile.statements) {
    if (stmt.getStart(model.sourceFile) >= call.getStart(model.sourceFile)) break;
    if (!ts.isExpressionStatement(stmt) || !ts.isCallExpression(stmt.expression)) continue;
    const use = stmt.expression;
    const callee = use.expression;
    if (
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === 'use' &&
      callee.expression.getText(model.sourceFile) === app
    ) {
      if (use.arguments.some((arg) => AUTH_NAME.test(arg.getText(model.sourceFile)))) return true;
    }
  }
  return false;
}

/** Exported request handlers that frameworks call by file convention. */
function exportedHandlers(model: FileModel): Fn[] {
  const file = model.file;
  const routeFile = ROUTE_FILE.test(file);
  // `src/api/` holds browser API clients in Vite apps, not handlers.
  const defaultHandler = DEFAULT_HANDLER_DIR.test(file) && !/(^|\/)src\/api\//.test(file);
  // Netlify's first function format: a `handler` export (ESM, or `exports.handler` in CommonJS).
  const netlifyV1 = /(^|\/)netlify\/functions\//.test(file);
  const serverActions = hasUseServer(model.sourceFile);
  if (!routeFile && !defaultHandler && !serverActions) return [];
  const out: Fn[] = [];
  const wanted = (name: string | undefined, isDefault: boolean) =>
    (routeFile && !!name && HTTP_EXPORTS.has(name)) ||
    (defaultHandler && isDefault) ||
    (serverActions && !isDefault) ||
    (netlifyV1 && name === 'handler');
  for (const stmt of model.sourceFile.statements) {
    const exported = hasModifier(stmt, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(stmt, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(stmt) && exported && wanted(stmt.name?.text, isDefault)) out.push(stmt);
    if (ts.isVariableStatement(stmt) && exported) {
      for (const d of stmt.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && init && isFunctionExpr(init) && wanted(d.name.text, false)) out.push(init);
      }
    }
    if (netlifyV1) {
      const fn = commonJsHandler(stmt, model);
      if (fn) out.push(fn);
    }
    if (ts.isExportAssignment(stmt) && !stmt.isExportEquals && defaultHandler) {
      const value = unwrap(stmt.expression);
      if (isFunctionExpr(value)) out.push(value);
      else if (ts.isIdentifier(value)) {
        const fn = model.functionFor(value);
        if (fn && fn.model === model) out.push(fn.fn);
      }
    }
  }
  return out;
}

/** `exports.handler = async (event) => …` or `module.exports.handler = handler`. */
function commonJsHandler(stmt: ts.Statement, model: FileModel): Fn | undefined {
  if (!ts.isExpressionStatement(stmt) || !ts.isBinaryExpression(stmt.expression)) return undefined;
  const { left, operatorToken, right } = stmt.expression;
  if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) return undefined;
  if (left.name.text !== 'handler' || !/^(module\.)?exports$/.test(left.expression.getText(model.sourceFile)))
    return undefined;
  const value = unwrap(right);
  if (isFunctionExpr(value)) return value;
  const fn = ts.isIdentifier(value) ? model.functionFor(value) : undefined;
  return fn && fn.model === model ? fn.fn : undefined;
}

function hasUseServer(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return (
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === 'use server'
  );
}

/** For a callable, the identity the platform verified: `request.auth` (v2) or `context.auth` (v1). */
export function callableSeed(fn: Fn): (expr: ts.Expression) => boolean {
  const params = new Set(fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')).filter(Boolean));
  const destructuredAuth = fn.parameters.some(
    (p) =>
      ts.isObjectBindingPattern(p.name) &&
      p.name.elements.some((el) => (el.propertyName ?? el.name).getText() === 'auth'),
  );
  return (expr) => {
    if (ts.isPropertyAccessExpression(expr) && expr.name.text === 'auth' && ts.isIdentifier(expr.expression))
      return params.has(expr.expression.text);
    return destructuredAuth && ts.isIdentifier(expr) && expr.text === 'auth';
  };
}
