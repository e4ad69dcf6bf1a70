// Opens a rule's documentation page (shipped with the extension) as a Markdown preview.

import * as vscode from 'vscode';

export async function openRuleDocs(href: string): Promise<void> {
  const uri = vscode.Uri.parse(href);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}
