// Values a framework hands from one handler to the next under a name, written in one file and
// read in another: SvelteKit's and Astro's `locals` (`event.locals.supabase = …` in a hook, read as
// `locals.supabase` or `{ locals: { supabase } }` in a load function), and Hono's context variables
// (`c.set('db', …)`, read as `c.get('db')` or `c.var.db`), and a Cloudflare Worker's `env` (the
// handler's parameter, `c.env`, `this.env`), whose values are the bindings of the Wrangler config or
// of the app's `Env` / `Bindings` type; and SvelteKit's page `data` (what a route's `load` returns,
// read in a component as `let { data } = $props()`). A read becomes a workspace reference
// (`#context`) that the workspace index resolves to the value some file writes under that key.

import ts from 'typescript';
import type { Ref } from '../refs';
import { unwrapped } from './receivers';
import { hasExportModifier, returnedExpressions } from './syntax';

/** The `ws` specifier of a framework context read; its name is the carrier, its path the key. */
export const CONTEXT_SPEC = '#context';

type Carrier = 'locals' | 'var' | 'env' | 'data';
/**
 * `env` imported from 'cloudflare:workers': read as the Worker's `env`, and when no config or type
 * says what a binding is, left as that module's `env.NAME` (rules may still know its methods).
 */
export const WORKERS_ENV = 'env@cloudflare:workers';

export function contextRead(carrier: Carrier | typeof WORKERS_ENV, path: string[]): Ref {
  return { root: { kind: 'ws', spec: CONTEXT_SPEC, name: carrier }, path };
}

/** `X.locals.key = value` / `locals.key = value`, and `c.set('key', value)`: the key and the value written. */
export function contextWrite(node: ts.Node): { key: string; value: ts.Expression } | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
    const carrier = carrierOf(node.left.expression);
    if (carrier === 'locals' && ts.isIdentifier(node.left.name)) return { key: `locals.${node.left.name.text}`, value: node.right };
  } else if (ts.isCallExpression(node) && node.arguments.length === 2 && ts.isPropertyAccessExpression(node.expression)) {
    const callee = node.expression;
    const key = node.arguments[0];
    if (callee.name.text === 'set' && ts.isIdentifier(callee.expression) && ts.isStringLiteralLike(key)) return { key: `var.${key.text}`, value: node.arguments[1] };
  }
  return undefined;
}

/**
 * Which context an object is: `event.locals`, `locals`, `Astro.locals` → locals; `c.var` → var;
 * `env`, `c.env`, `this.env`, `context.env` → env.
 */
export function carrierOf(object: ts.Expression): Carrier | undefined {
  if (ts.isIdentifier(object)) return object.text === 'locals' ? 'locals' : object.text === 'env' ? 'env' : undefined;
  if (!ts.isPropertyAccessExpression(object) || !ts.isIdentifier(object.name)) return undefined;
  if (object.name.text === 'locals') return 'locals';
  if (object.name.text === 'var' && ts.isIdentifier(object.expression)) return 'var';
  if (object.name.text === 'env' && (ts.isIdentifier(object.expression) || object.expression.kind === ts.SyntaxKind.ThisKeyword)) return 'env';
  return undefined;
}

/**
 * The context key under which a folder holding a Wrangler config gives its Worker's whole `env`
 * (as `env` from 'cloudflare:workers'): code in that folder reads its bindings there, declared or not.
 */
export function workerEnvKey(dir: string): string {
  return `${WORKER_FOLDER}${dir}`;
}

export function isWorkerEnvKey(key: string): boolean {
  return key.startsWith(WORKER_FOLDER);
}

const WORKER_FOLDER = 'worker-folder:';

/** The app's own names for a Worker's bindings type (`interface Env { DB: D1Database }`). */
export const ENV_TYPE_NAMES = ['Env', 'Bindings', 'CloudflareEnv', 'CloudflareBindings', 'Cloudflare.Env'];

/** `c.get('key')` on a handler's context parameter: the key. */
export function contextGetKey(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const key = call.arguments[0];
  if (call.arguments.length !== 1 || !ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get') return undefined;
  return ts.isIdentifier(callee.expression) && ts.isStringLiteralLike(key) ? key.text : undefined;
}

/** Route modules whose `load` gives the page its `data`: `+page.ts`, `+layout.server.js`, … */
const ROUTE_MODULE = /(?:^|[\\/])\+(?:page|layout)(?:\.server)?\.[cm]?[jt]s$/;

/**
 * The page data a SvelteKit route module hands its components: each property of an object its
 * exported `load` returns (`return { supabase, session }`), under the key `data.<name>`.
 */
export function pageDataWrites(file: ts.SourceFile): { key: string; value: ts.Expression }[] {
  if (!ROUTE_MODULE.test(file.fileName) || !file.text.includes('load')) return [];
  const writes: { key: string; value: ts.Expression }[] = [];
  for (const fn of loadFunctions(file)) {
    const returned = !fn.body ? [] : ts.isBlock(fn.body) ? returnedExpressions(fn.body) : [fn.body];
    for (const expression of returned) {
      const literal = unwrapped(expression);
      if (!ts.isObjectLiteralExpression(literal)) continue;
      for (const p of literal.properties) {
        if (ts.isShorthandPropertyAssignment(p)) writes.push({ key: `data.${p.name.text}`, value: p.name });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) writes.push({ key: `data.${p.name.text}`, value: p.initializer });
      }
    }
  }
  return writes;
}

/** `export function load` / `export const load = (…) => …` of a module. */
function loadFunctions(file: ts.SourceFile): ts.FunctionLikeDeclaration[] {
  const out: ts.FunctionLikeDeclaration[] = [];
  for (const statement of file.statements) {
    if (!hasExportModifier(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === 'load') out.push(statement);
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer && unwrapped(decl.initializer);
      if (ts.isIdentifier(decl.name) && decl.name.text === 'load' && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.push(init);
    }
  }
  return out;
}

/** `let { data } = $props()` (a Svelte 5 page or layout component): the path read through the page data. */
export function pageDataPath(init: ts.Expression, path: string[]): string[] | undefined {
  const isProps = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === '$props';
  return isProps && path[0] === 'data' ? path.slice(1) : undefined;
}

/** A destructuring path through a context (`{ locals: { supabase } }` → ['supabase']). */
export function contextPathIn(path: string[]): string[] | undefined {
  const at = path.indexOf('locals');
  return at >= 0 && at < path.length - 1 ? path.slice(at + 1) : undefined;
}
