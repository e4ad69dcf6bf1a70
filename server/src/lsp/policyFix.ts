// The quick fix for a Supabase policy that only asks for a signed-in user on a table whose rows
// belong to users (supabase/policy-auth-only): replace each sign-in-only test in the policy with a
// comparison of the owner column and the caller. The owner column comes from the finding's message
// (the check named it from the table's columns), so the fix is offered only where it is clear.

import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const OWNERSHIP_RULE = 'supabase/policy-auth-only';

/** `auth.uid() is not null`, `(select auth.uid()) is not null`, `auth.role() = 'authenticated'`. */
const SIGNED_IN_ONLY =
  /\(\s*select\s+auth\.uid\(\)\s*\)\s+is\s+not\s+null|auth\.uid\(\)\s+is\s+not\s+null|auth\.role\(\)\s*=\s*'authenticated'|'authenticated'\s*=\s*auth\.role\(\)/gi;

export function ownershipPolicyFix(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  if (!/\.sql$/i.test(document.uri)) return undefined;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const owner = /not ([A-Za-z_][\w$]*)$/.exec(message)?.[1];
  if (!owner) return undefined;
  // The diagnostic marks the statement's first line; the clauses run on to its semicolon.
  const start = document.offsetAt(diagnostic.range.start);
  const rest = document.getText().slice(start);
  const text = rest.slice(0, rest.indexOf(';') < 0 ? rest.length : rest.indexOf(';'));
  const edits = [...text.matchAll(SIGNED_IN_ONLY)].map((m) =>
    TextEdit.replace(
      { start: document.positionAt(start + m.index!), end: document.positionAt(start + m.index! + m[0].length) },
      `(select auth.uid()) = ${owner}`,
    ),
  );
  if (edits.length === 0) return undefined;
  return {
    title: `Limit the policy to each row's owner (${owner} = the caller)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: edits } },
  };
}
