// CORS that allows any origin together with credentials. Browsers refuse `*` with credentials, so
// code that pairs them is either broken or one step from the exploitable fix — reflecting the
// caller's Origin — which lets any website make cookie-authenticated requests. Both are reported:
//   header objects / header setters: Access-Control-Allow-Origin `*` or the request's Origin, with
//     Access-Control-Allow-Credentials `true` in the same object or file;
//   CORS middleware options: `cors({ origin: '*' | true, credentials: true })` and alike;
//   static header config (vercel.json, firebase.json, netlify.toml, _headers) in the same file.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { forEachNode, propertyName, propertyValue, spanOf, stringValue, variableInit } from './jsonAst';

type OriginKind = 'wildcard' | 'reflected';

const ORIGIN_HEADER = 'access-control-allow-origin';
const CREDENTIALS_HEADER = 'access-control-allow-credentials';
const HEADER_SETTERS = new Set(['set', 'setHeader', 'header', 'append', 'writeHead']);
const REFLECTED = /(headers?(\.get)?\(['"`]origin['"`]\)|headers\.origin\b|headers\[['"`]origin['"`]\]|\.get\(['"`]origin['"`]\))/i;
const CONFIG_ORIGIN = /Access-Control-Allow-Origin["']?\s*(?:[:=]|["']?\s*,\s*["']?value["']?\s*:)\s*["']?\*(?=["'\s,}]|$)/gim;
const CONFIG_CREDENTIALS = /Access-Control-Allow-Credentials["']?\s*(?:[:=]|["']?\s*,\s*["']?value["']?\s*:)\s*["']?true\b/im;
const LABEL: Record<OriginKind, string> = { wildcard: '*', reflected: "the request's Origin" };

export const corsCredentialsCheck: FileCheck = {
  name: 'cors-credentials',
  scope: 'file',
  // Every finding needs credentials set to true (`credentials: true`, the header's value 'true', with
  // room for quotes, spacing and a short comment between) and either the Origin header's name or
  // CORS options (`origin` in something named `cors`). Anchored lookaheads: one pass each.
  prefilter: /^(?=[\s\S]*credentials[\s\S]{0,80}?true)(?:(?=[\s\S]*access-control-allow-origin)|(?=[\s\S]*cors)(?=[\s\S]*origin))/i,
  hints: [{ text: 'credentials', caseInsensitive: true }],
  run(file) {
    // Both halves of the mistake name credentials somewhere; most files never do.
    if (!/credentials/i.test(file.text)) return [];
    if (!file.sourceFile) return configHits(file.text);
    return codeHits(file.sourceFile);
  },
};

function configHits(text: string): CheckHit[] {
  if (!CONFIG_CREDENTIALS.test(text)) return [];
  return [...text.matchAll(CONFIG_ORIGIN)].map((m) => ({ span: { start: m.index!, end: m.index! + m[0].length }, vars: { origin: '*' } }));
}

interface OriginSetting {
  node: ts.Node;
  kind: OriginKind;
  /** The object literal holding it, when it is a property. */
  object?: ts.ObjectLiteralExpression;
}

function codeHits(root: ts.SourceFile): CheckHit[] {
  const origins: OriginSetting[] = [];
  const middleware: OriginSetting[] = [];
  let credentialsInFile = false;
  forEachNode(root, (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const origin = propertyValue(node, ORIGIN_HEADER);
      const kind = origin && originKind(origin, root, false);
      if (kind) origins.push({ node: origin.parent, kind, object: node });
      if (isTrue(propertyValue(node, CREDENTIALS_HEADER))) credentialsInFile = true;
      const options = corsOptions(node, root);
      if (options) middleware.push(options);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && HEADER_SETTERS.has(node.expression.name.text)) {
      const header = stringValue(node.arguments[0])?.toLowerCase();
      const value = node.arguments[1];
      const kind = header === ORIGIN_HEADER && value ? originKind(value, root, false) : undefined;
      if (kind) origins.push({ node, kind });
      if (header === CREDENTIALS_HEADER && isTrue(value)) credentialsInFile = true;
    }
  });
  const paired = origins.filter((o) => credentialsInFile || (o.object && isTrue(propertyValue(o.object, CREDENTIALS_HEADER))));
  return [...paired, ...middleware].map((o) => ({ span: spanOf(o.node, root), vars: { origin: LABEL[o.kind] } }));
}

/** `{ origin: '*' | true | <request origin>, credentials: true }` given to something CORS-named. */
function corsOptions(object: ts.ObjectLiteralExpression, root: ts.SourceFile): OriginSetting | undefined {
  const origin = propertyValue(object, 'origin');
  if (!origin || !isTrue(propertyValue(object, 'credentials')) || !isCorsContext(object, root)) return undefined;
  const kind = originKind(origin, root, true);
  return kind && { node: origin.parent, kind, object };
}

/**
 * Passed to `cors(…)`/`enableCors(…)`/`register(cors, …)`, held by a `cors`-named variable or
 * property, or held by a variable that is later passed to such a call (`cors(options)`).
 */
function isCorsContext(object: ts.ObjectLiteralExpression, root: ts.SourceFile): boolean {
  const parent = object.parent;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (/cors/i.test(name)) return true;
    return parent.arguments.some((a) => a !== object && ts.isIdentifier(a) && /cors/i.test(a.text));
  }
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return /cors/i.test(parent.name.text) || passedToCors(parent.name.text, root);
  if (ts.isPropertyAssignment(parent)) return /cors/i.test(propertyName(parent.name) ?? '');
  return false;
}

/** Is a variable of this name given to a CORS-named call somewhere in the file? */
function passedToCors(name: string, root: ts.SourceFile): boolean {
  let found = false;
  forEachNode(root, (node) => {
    if (found || !ts.isCallExpression(node)) return;
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    found = /cors/i.test(calleeName) && node.arguments.some((a) => ts.isIdentifier(a) && a.text === name);
  });
  return found;
}

/** `origin: (origin, callback) => callback(null, true)`: a callback that admits every origin without looking at it. */
function admitsEveryOrigin(value: ts.Expression, root: ts.SourceFile): boolean {
  if (!ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) return false;
  const text = value.body.getText(root).replace(/\s+/g, '');
  const [originParam, callbackParam] = value.parameters.map((p) => p.name.getText(root));
  if (!callbackParam || /\bif\b|\?|includes|indexOf|test\(|match|===|==|endsWith|startsWith/.test(text)) return false;
  return text.includes(`${callbackParam}(null,true)`) || (!!originParam && text.includes(`${callbackParam}(null,${originParam})`));
}

/** What an origin value allows: `*`, the caller's own Origin (`true` in middleware options), or something narrower. */
function originKind(value: ts.Expression, root: ts.SourceFile, middlewareOption: boolean, depth = 0): OriginKind | undefined {
  if (depth > 4) return undefined;
  if (stringValue(value) === '*') return 'wildcard';
  if (middlewareOption && value.kind === ts.SyntaxKind.TrueKeyword) return 'reflected';
  if (middlewareOption && admitsEveryOrigin(value, root)) return 'reflected';
  if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isNonNullExpression(value)) return originKind(value.expression, root, middlewareOption, depth + 1);
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const left = originKind(value.left, root, middlewareOption, depth + 1);
    const right = originKind(value.right, root, middlewareOption, depth + 1);
    return left === 'reflected' || right === 'reflected' ? 'reflected' : left ?? right;
  }
  if (ts.isIdentifier(value)) {
    const init = variableInit(root, value.text);
    return init && originKind(init, root, middlewareOption, depth + 1);
  }
  if (REFLECTED.test(value.getText(root).replace(/\s+/g, ''))) return 'reflected';
  return undefined;
}

function isTrue(value: ts.Expression | undefined): boolean {
  return value !== undefined && (value.kind === ts.SyntaxKind.TrueKeyword || stringValue(value)?.trim().toLowerCase() === 'true');
}
