// The entry points through which the Workers runtime hands a Worker its bindings: the handlers of a
// module worker's default export (`fetch(request, env, ctx)`, `scheduled`, `queue`, `email`, `tail`)
// and Pages Functions (`export const onRequestPost = (context) => …` under `functions/`). Read from
// the tree by shape; whatever the app names its parameters.

import ts from 'typescript';

/** Handlers a module worker's export may have; the runtime passes the bindings second. */
const HANDLER_NAMES = new Set(['fetch', 'scheduled', 'queue', 'email', 'tail', 'trace']);
/** `fetch(request)` alone is also Bun's and Deno's server shape; these only the Workers runtime calls. */
const WORKERS_ONLY = new Set(['scheduled', 'queue', 'email', 'tail', 'trace']);
/** Types the runtime's handler object is declared with (`satisfies ExportedHandler<Env>`). */
const HANDLER_TYPES = new Set(['ExportedHandler']);
const PAGES_HANDLER = /^onRequest(?:Get|Post|Put|Patch|Delete|Head|Options)?$/;

/**
 * Text a file with a Worker entry point holds: a default export and a handler's name followed by
 * its parameters or a colon, or a Pages handler's name. One anchored try, so a long file costs one pass.
 */
export const WORKER_ENTRY_TEXT =
  /^(?=[\s\S]*\bexport\s+default\b)(?=[\s\S]*\b(?:fetch|scheduled|queue|email|tail|trace)\s*[(:])|\bonRequest\w*\s*[=(]/;

export interface WorkerEntry {
  /** The handler's name node (`fetch`, `onRequestPost`), where a finding goes. */
  name: ts.Node;
  fn: ts.SignatureDeclaration;
}

/** The Worker entry points a file declares. `pagesFolder`: the file is under a `functions/` folder. */
export function workerEntries(source: ts.SourceFile, pagesFolder: boolean): WorkerEntry[] {
  const out: WorkerEntry[] = [];
  const exportedObjects = new Set(defaultExportedNames(source));
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      out.push(...objectHandlers(statement.expression, true));
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!decl.initializer || !ts.isIdentifier(decl.name)) continue;
        const exported = exportedObjects.has(decl.name.text) || namesType(decl.type, HANDLER_TYPES);
        out.push(...objectHandlers(decl.initializer, exported));
        if (pagesFolder && isExported(statement) && PAGES_HANDLER.test(decl.name.text)) {
          const fn = functionIn(decl.initializer);
          if (fn) out.push({ name: decl.name, fn });
        }
      }
    } else if (pagesFolder && ts.isFunctionDeclaration(statement) && statement.name && isExported(statement)) {
      if (PAGES_HANDLER.test(statement.name.text)) out.push({ name: statement.name, fn: statement });
    }
  }
  return out;
}

/** `{ fetch(request, env) {…}, scheduled: async (event, env) => … }` when `exported` or typed as a handler. */
function objectHandlers(value: ts.Expression, exported: boolean): WorkerEntry[] {
  let typed = false;
  let inner = value;
  while (ts.isParenthesizedExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isAsExpression(inner)) {
    if (!ts.isParenthesizedExpression(inner) && namesType(inner.type, HANDLER_TYPES)) typed = true;
    inner = inner.expression;
  }
  if (!ts.isObjectLiteralExpression(inner) || !(exported || typed) || isServerOptions(inner)) return [];
  const out: WorkerEntry[] = [];
  for (const property of inner.properties) {
    const name = property.name && ts.isIdentifier(property.name) ? property.name : undefined;
    if (!name || !HANDLER_NAMES.has(name.text)) continue;
    const fn = ts.isMethodDeclaration(property) ? property
      : ts.isPropertyAssignment(property) ? functionIn(property.initializer)
      : undefined;
    // The bindings parameter, or a handler only the Workers runtime calls, makes it Cloudflare's.
    if (fn && (fn.parameters.length >= 2 || WORKERS_ONLY.has(name.text))) out.push({ name, fn });
  }
  return out;
}

/** Bun's `export default { port, fetch(request, server) }`: a server's options, not a Worker. */
function isServerOptions(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && SERVER_OPTIONS.has(p.name.text));
}

const SERVER_OPTIONS = new Set(['port', 'hostname', 'websocket', 'unix', 'tls', 'development']);

function functionIn(value: ts.Expression): ts.SignatureDeclaration | undefined {
  let inner = value;
  while (ts.isParenthesizedExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isAsExpression(inner)) {
    inner = inner.expression;
  }
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) ? inner : undefined;
}

/** `export default worker`: the names a file's default export gives. */
function defaultExportedNames(source: ts.SourceFile): string[] {
  return source.statements.flatMap((s) =>
    ts.isExportAssignment(s) && ts.isIdentifier(s.expression) ? [s.expression.text] : [],
  );
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function namesType(type: ts.TypeNode | undefined, names: ReadonlySet<string>): boolean {
  if (!type || !ts.isTypeReferenceNode(type)) return false;
  return names.has(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text);
}
