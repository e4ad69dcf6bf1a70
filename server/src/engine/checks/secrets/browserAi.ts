// AI SDK clients built for the browser. The OpenAI and Anthropic SDKs (and others generated the same
// way) refuse to run in a browser because the API key would ship to every visitor; passing
// `dangerouslyAllowBrowser: true` switches that guard off. The constructor must really come from
// the SDK: a local class that happens to be called `OpenAI` is not reported.

import ts from 'typescript';
import type { CheckFile, CheckHit, FileCheck } from '../registry';
import { ScopeTable } from '../../js/scopes';
import { normalizeSpecifier } from '../../modules';

/** SDK packages with the browser guard, and the provider name shown in the message. */
const AI_SDKS: Record<string, string> = {
  openai: 'OpenAI',
  '@anthropic-ai/sdk': 'Anthropic',
  '@anthropic-ai/bedrock-sdk': 'Anthropic',
  '@anthropic-ai/vertex-sdk': 'Anthropic',
  'groq-sdk': 'Groq',
};

export const browserAiClient: FileCheck = {
  name: 'browser-ai-client',
  scope: 'file',
  prefilter: /dangerouslyAllowBrowser/,
  hints: [{ text: 'dangerouslyAllowBrowser' }],
  run(file: CheckFile): CheckHit[] {
    const source = file.sourceFile;
    if (!source || !file.text.includes('dangerouslyAllowBrowser')) return [];
    let scopes: ScopeTable | undefined;
    const hits: CheckHit[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && allowsBrowser(node)) {
        const provider = providerFromFacts(file, node, source) ?? providerFromScopes(node.expression, (scopes ??= new ScopeTable(source)));
        if (provider) hits.push({ span: { start: node.getStart(source), end: node.getEnd() }, vars: { provider } });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return hits;
  },
};

/** `{ …, dangerouslyAllowBrowser: true }` as an argument of the `new` expression. */
function allowsBrowser(node: ts.NewExpression): boolean {
  return (node.arguments ?? []).some(
    (arg) =>
      ts.isObjectLiteralExpression(arg) &&
      arg.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'dangerouslyAllowBrowser' && p.initializer.kind === ts.SyntaxKind.TrueKeyword),
  );
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** The engine's binding facts, when some rule or platform tracks the SDK module. */
function providerFromFacts(file: CheckFile, node: ts.NewExpression, source: ts.SourceFile): string | undefined {
  const start = node.getStart(source);
  const site = file.facts?.sites.find((s) => s.start === start && s.end === node.getEnd());
  return site?.ref.root.kind === 'module' ? AI_SDKS[site.ref.root.module] : undefined;
}

/** Follows the constructor back to its import or `require()` through the file's scopes. */
function providerFromScopes(expr: ts.Expression, scopes: ScopeTable, depth = 0): string | undefined {
  if (depth > 8) return undefined; // `const a = b, b = a` must not loop
  if (ts.isPropertyAccessExpression(expr) || ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr)) {
    return providerFromScopes(expr.expression, scopes, depth + 1);
  }
  if (ts.isCallExpression(expr)) return providerOfRequire(expr);
  if (!ts.isIdentifier(expr)) return undefined;
  const decl = scopes.lookup(expr);
  if (decl?.kind === 'import') return AI_SDKS[normalizeSpecifier(decl.spec)];
  if (decl?.kind === 'var' && decl.init) return providerFromScopes(decl.init, scopes, depth + 1);
  return undefined;
}

function providerOfRequire(call: ts.CallExpression): string | undefined {
  const arg = call.arguments[0];
  const isRequire = ts.isIdentifier(call.expression) && call.expression.text === 'require';
  const isImport = call.expression.kind === ts.SyntaxKind.ImportKeyword;
  if (!(isRequire || isImport) || !arg || !ts.isStringLiteralLike(arg)) return undefined;
  return AI_SDKS[normalizeSpecifier(arg.text)];
}
