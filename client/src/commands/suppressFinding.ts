// Quick fix "Suppress … on this line": asks for the reason (required, so suppressions stay
// reviewable) and inserts `lockin-lens-ignore-next-line <rule-id> -- <reason>` above the finding.

import * as vscode from 'vscode';
import type { SuppressFindingArgs } from '../../../server/src/protocol';

export async function suppressFinding(args: SuppressFindingArgs, reason?: string): Promise<boolean> {
  const why =
    reason ??
    (await vscode.window.showInputBox({
      title: `Suppress ${args.ruleId}`,
      prompt: 'Why is this finding acceptable here? (kept in the code for reviewers)',
      validateInput: (value) => (value.trim().length < 3 ? 'A short reason is required.' : undefined),
    }));
  if (!why?.trim()) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const line = document.lineAt(args.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const comment = `${indent}${args.commentPrefix} lockin-lens-ignore-next-line ${args.ruleId} -- ${why.trim().replace(/\s+/g, ' ')}\n`;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(args.line, 0), comment);
  return vscode.workspace.applyEdit(edit);
}
