// A server function that hands a secret environment value to its caller: `return { body:
// JSON.stringify({ apiKey: process.env.API_KEY }) }`, `res.json({ key: process.env.STRIPE_SECRET })`.
// The key was moved to the server to keep it from browsers, and the endpoint gives it back to
// anyone who asks. Only values that reach the response unchanged count (placed in an object, an
// array or JSON.stringify); passed to another call first (`fetch(url, { headers: … })`) they do not.

import ts from 'typescript';
import type { CheckFile, CheckHit, FileCheck } from '../registry';

/** Env names that hold secrets (public prefixes and non-secret settings are left out). */
const SECRET_ENV = /KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE/i;
const PUBLIC_ENV =
  /^(NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)|ANON|PUBLISHABLE|_URL$|_ID$/i;
/** Calls that send their argument as the response. */
const RESPONDERS =
  /^(?:res|response|reply|ctx|c|h)\.(?:json|send|end|body)$|^(?:Response|NextResponse)\.json$|\.status\(.*\)\.(?:json|send)$/;
/** Files that define server entry points by convention. */
const SERVER_FILE =
  /(^|\/)(netlify\/functions|api|functions|supabase\/functions|server|routes)\/|(^|\/)(route|\+server|\+page\.server)\.[cm]?[jt]s$/;

export const envLeak: FileCheck = {
  name: 'secret-env-returned',
  scope: 'file',
  // An env read whose name has a secret's word (as SECRET_ENV): `process.env.STRIPE_KEY`,
  // `process.env['API_TOKEN']`, `Deno.env.get('SERVICE_ROLE_KEY')`. Reads of other names never fire.
  prefilter: new RegExp(
    `(?:process\\.env|import\\.meta\\.env)\\s*(?:\\??\\.\\s*[\\w$\\u00a0-\\uffff]*|\\[\\s*['"\`][^'"\`]*)(?:${SECRET_ENV.source})|` +
      `(?:Deno|Netlify)\\.env\\.get\\(\\s*['"\`][^'"\`]*(?:${SECRET_ENV.source})`,
    'i',
  ),
  hints: ['process.env', 'Deno.env', 'Netlify.env', 'import.meta.env'].map((text) => ({ text })),
  run(file: CheckFile): CheckHit[] {
    const source = file.sourceFile;
    if (!source) return [];
    const serverFile = SERVER_FILE.test(file.file) || /^\s*['"]use server['"]/.test(file.text);
    const hits: CheckHit[] = [];
    const visit = (node: ts.Node): void => {
      const name = secretEnvName(node, source);
      if (name) {
        const sink = sinkOf(node as ts.Expression, source);
        if (sink === 'response' || (sink === 'return' && serverFile && inEntryFunction(node)))
          hits.push({ span: { start: node.getStart(source), end: node.getEnd() }, vars: { name } });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return hits;
  },
};

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')` with a secret name. */
function secretEnvName(node: ts.Node, sf: ts.SourceFile): string | undefined {
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(node) && /^(process|import\.meta)\.env$/.test(node.expression.getText(sf)))
    name = node.name.text;
  else if (
    ts.isElementAccessExpression(node) &&
    /^process\.env$/.test(node.expression.getText(sf)) &&
    ts.isStringLiteralLike(node.argumentExpression)
  )
    name = node.argumentExpression.text;
  else if (
    ts.isCallExpression(node) &&
    /^(Deno|Netlify)\.env\.get$/.test(node.expression.getText(sf)) &&
    node.arguments[0] &&
    ts.isStringLiteralLike(node.arguments[0])
  )
    name = node.arguments[0].text;
  return name && SECRET_ENV.test(name) && !PUBLIC_ENV.test(name) ? name : undefined;
}

/** Where the value goes when it only travels through literals: the response, a `return`, or elsewhere. */
function sinkOf(expr: ts.Expression, sf: ts.SourceFile): 'response' | 'return' | undefined {
  let node: ts.Node = expr;
  for (;;) {
    const p = node.parent;
    if (!p) return undefined;
    if (ts.isPropertyAssignment(p) && p.initializer === node) {
      if (isHeader(p)) return undefined; // a header sent onwards, not the body
    } else if (ts.isCallExpression(p) && p.arguments.includes(node as ts.Expression)) {
      const callee = p.expression.getText(sf);
      if (RESPONDERS.test(callee)) return 'response';
      if (callee !== 'JSON.stringify') return undefined;
    } else if (ts.isNewExpression(p) && p.arguments?.includes(node as ts.Expression)) {
      return p.expression.getText(sf) === 'Response' ? 'response' : undefined;
    } else if (ts.isReturnStatement(p)) {
      return 'return';
    } else if (ts.isArrowFunction(p) && p.body === node) {
      return 'return';
    } else if (!(
      ts.isObjectLiteralExpression(p) ||
      ts.isArrayLiteralExpression(p) ||
      ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      ts.isPropertyAssignment(p)
    )) {
      return undefined;
    }
    node = p;
  }
}

/** A property inside a `headers` object: sent to another service, or a response header. */
function isHeader(p: ts.PropertyAssignment): boolean {
  const holder = p.parent.parent;
  return ts.isPropertyAssignment(holder) && /^["']?headers["']?$/i.test(holder.name.getText());
}

/** Is the function around this node a handler: exported, assigned to `exports`, or passed to a call that registers it? */
function inEntryFunction(node: ts.Node): boolean {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const modifiers = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  if (modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  let holder: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder)) holder = holder.parent;
  if (ts.isCallExpression(holder) || ts.isExportAssignment(holder)) return true;
  if (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return /^(module\.)?exports\b/.test(holder.left.getText());
  if (ts.isVariableDeclaration(holder)) {
    const statement = holder.parent.parent;
    return (
      ts.isVariableStatement(statement) &&
      !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    );
  }
  return false;
}
