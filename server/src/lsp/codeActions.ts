// Quick fixes for a finding, security first: move a hard-coded secret into an environment variable
// or tie a signed-in-only Supabase policy to the row's owner (policyFix.ts),
// show how to fix it (the rule's page), and last suppress it on this line (the client asks for the
// required reason).

import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands, FindingData, SuppressFindingArgs } from '../protocol';
import { isOurs } from './diagnostics';
import { OWNERSHIP_RULE, ownershipPolicyFix } from './policyFix';

export function codeActionsFor(document: TextDocument, diagnostics: Diagnostic[], docsHref: (ruleId: string) => string | undefined): CodeAction[] {
  const ours = diagnostics.filter(isOurs).sort(securityFirst);
  const fixes: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const prefix = commentPrefixFor(document);
  for (const diagnostic of ours) {
    const data = diagnostic.data;
    const autoFix = data.category === 'secrets' ? moveSecretToEnv(document, diagnostic)
      : data.ruleId === OWNERSHIP_RULE ? ownershipPolicyFix(document, diagnostic) : undefined;
    if (autoFix) fixes.push(autoFix);
    const href = docsHref(data.ruleId);
    if (href) docs.push(docsAction(diagnostic, data, href, data.kind === 'security' && !autoFix));
    if (prefix) suppressions.push(suppressAction(document, diagnostic, data, prefix));
  }
  // Security fixes first; suppressing comes last, a lock-in suppression after every security one.
  return [...fixes, ...docs, ...suppressions];
}

/** Security before lock-in, errors before warnings. */
function securityFirst(a: Diagnostic & { data: FindingData }, b: Diagnostic & { data: FindingData }): number {
  const kind = (d: { data: FindingData }) => (d.data.kind === 'security' ? 0 : 1);
  return kind(a) - kind(b) || (a.severity ?? 4) - (b.severity ?? 4);
}

/**
 * The rule's page. For a security finding with no automatic fix it is "how to fix it", and the
 * preferred action: the one the lightbulb offers first, above any suppression.
 */
function docsAction(diagnostic: Diagnostic, data: FindingData, href: string, preferred: boolean): CodeAction {
  const action: CodeAction = {
    title: data.kind === 'security' ? `Show how to fix ${data.ruleId}` : `Open documentation for ${data.ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Open rule documentation', command: Commands.openRuleDocs, arguments: [href] },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

function suppressAction(document: TextDocument, diagnostic: Diagnostic, data: FindingData, commentPrefix: string): CodeAction {
  const args: SuppressFindingArgs = { uri: document.uri, line: diagnostic.range.start.line, ruleId: data.ruleId, commentPrefix };
  return {
    title: `Suppress ${data.ruleId} on this line…`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Suppress finding', command: Commands.suppressFinding, arguments: [args] },
  };
}

/** The line-comment leader of a document's language, or undefined where comments are not allowed. */
export function commentPrefixFor(document: TextDocument): string | undefined {
  const uri = document.uri.toLowerCase();
  if (/\.(sql)$/.test(uri)) return '--';
  if (/\.(toml|ya?ml)$/.test(uri) || /\/\.env[^/]*$/.test(uri) || /\.dev\.vars$/.test(uri)) return '#';
  if (/\.(json)$/.test(uri)) return undefined;
  return '//';
}

/** The environment read for a secret, by runtime: Deno for edge/backend functions, Node otherwise. */
export function envReadFor(document: TextDocument, name: string): string {
  const deno = /\/(supabase|base44)\/functions\//.test(document.uri) || /\bDeno\.(serve|env)\b/.test(document.getText());
  return deno ? `Deno.env.get('${name}')` : `process.env.${name}`;
}

function moveSecretToEnv(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  if (!/\.[cm]?[jt]sx?$/i.test(document.uri)) return undefined;
  const literal = enclosingStringLiteral(document, diagnostic);
  if (!literal) return undefined;
  const name = envNameFor(document, literal.start);
  return {
    title: `Read the secret from the environment (${name}) instead`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [TextEdit.replace({ start: document.positionAt(literal.start), end: document.positionAt(literal.end) }, envReadFor(document, name))] } },
  };
}

/** The quoted string on the finding's line that contains its start. */
function enclosingStringLiteral(document: TextDocument, diagnostic: Diagnostic): { start: number; end: number } | undefined {
  const lineStart = document.offsetAt({ line: diagnostic.range.start.line, character: 0 });
  const line = document.getText({ start: { line: diagnostic.range.start.line, character: 0 }, end: { line: diagnostic.range.start.line + 1, character: 0 } });
  const at = diagnostic.range.start.character;
  const literal = /(['"`])(?:\\.|(?!\1).)*\1/g;
  for (let m = literal.exec(line); m; m = literal.exec(line)) {
    if (m.index <= at && at < m.index + m[0].length) return { start: lineStart + m.index, end: lineStart + m.index + m[0].length };
  }
  return undefined;
}

/** `const serviceRoleKey = '…'` → SERVICE_ROLE_KEY; `apiKey: '…'` → API_KEY; otherwise SECRET_KEY. */
function envNameFor(document: TextDocument, offset: number): string {
  const before = document.getText().slice(Math.max(0, offset - 120), offset);
  const m = /([A-Za-z_$][\w$]*)\s*[:=]\s*$/.exec(before);
  if (!m) return 'SECRET_KEY';
  return m[1].replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}
