// Lock-in Lens inside a real VS Code, on the bundled examples, with lock-in touch points shown
// inline (the setting a user turns on for squiggles): inline findings, hover, the audit command,
// findings of closed files, and quick fixes that edit the document.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const examples = vscode.workspace.workspaceFolders![0].uri.fsPath;
const fileUri = (rel: string) => vscode.Uri.file(path.join(examples, rel));

/** Resolves when the predicate holds for the file's diagnostics; event-driven, never a fixed sleep. */
function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lockin-lens');
      if (!predicate(current)) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`);
      reject(new Error(`timed out waiting for diagnostics on ${uri.fsPath}; have:\n${got.join('\n')}`));
    }, timeoutMs);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const at = (rule: string, line: number) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule && d.range.start.line === line - 1);

describe('Lock-in Lens in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'lockin-lens');
    assert.ok(extension, 'extension is installed');
    await extension.activate();
    await vscode.workspace.getConfiguration('lockinLens').update('lockin.inlineDiagnostics', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('lockinLens').update('lockin.inlineDiagnostics', undefined, vscode.ConfigurationTarget.Global);
  });

  it('flags platform calls inline, with the rule and a docs link', async () => {
    const uri = fileUri('supabase-app/src/features/notes.ts');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsWhere(uri, at('supabase/query-builder', 24));
    const query = diagnostics.find((d) => codeOf(d) === 'supabase/query-builder' && d.range.start.line === 23)!;
    assert.equal(query.range.start.character, 32);
    assert.equal(query.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(typeof query.code === 'object' && query.code.target.path.endsWith('rule-docs/supabase/query-builder.md'));
  });

  it('flags a hard-coded service-role key and explains it on hover', async () => {
    const uri = fileUri('supabase-app/src/lib/adminClient.ts');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsWhere(uri, at('supabase/service-role-key', 6));
    const secret = diagnostics.find((d) => codeOf(d) === 'supabase/service-role-key')!;
    assert.equal(secret.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!secret.message.includes(editor.document.lineAt(5).text.split("'")[1]), 'the message never carries the key');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, secret.range.start.translate(0, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /How to fix it/);
  });

  it('audits the workspace and keeps findings of files that are not open', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; security: number; lockin: number }>('lockinLens.auditWorkspace');
    assert.ok(summary && summary.files > 50, `audited ${summary?.files} files`);
    assert.ok(summary.lockin > 100 && summary.security > 0);
    const closed = fileUri('firebase-app/src/features/projects.ts');
    const diagnostics = await diagnosticsWhere(closed, (ds) => ds.some((d) => codeOf(d).startsWith('firebase/')));
    assert.ok(diagnostics.length > 0);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'never opened');
  });

  it('suppresses a finding with a reason through the quick fix', async () => {
    const uri = fileUri('supabase-app/src/features/teams.ts');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsWhere(uri, at('supabase/rpc', 16));
    const rpc = diagnostics.find((d) => codeOf(d) === 'supabase/rpc')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rpc.range, vscode.CodeActionKind.QuickFix.value);
    const suppress = actions.find((a) => a.title.startsWith('Suppress supabase/rpc'));
    assert.ok(suppress?.command, actions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand(suppress.command.command, ...(suppress.command.arguments ?? []), 'invite flow reviewed, adapter planned');
    assert.match(editor.document.lineAt(15).text, /^\s*\/\/ lockin-lens-ignore-next-line supabase\/rpc -- invite flow reviewed, adapter planned$/);
    await diagnosticsWhere(uri, (ds) => !ds.some((d) => codeOf(d) === 'supabase/rpc'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('moves a hard-coded secret into an environment variable', async () => {
    const uri = fileUri('supabase-app/src/lib/adminClient.ts');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsWhere(uri, at('supabase/service-role-key', 6));
    const secret = diagnostics.find((d) => codeOf(d) === 'supabase/service-role-key')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, secret.range, vscode.CodeActionKind.QuickFix.value);
    const move = actions.find((a) => a.title.startsWith('Read the secret from the environment'));
    assert.ok(move?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(move.edit));
    assert.equal(editor.document.lineAt(5).text, 'const SERVICE_ROLE_KEY = process.env.SERVICE_ROLE_KEY;');
    await diagnosticsWhere(uri, (ds) => !ds.some((d) => codeOf(d) === 'supabase/service-role-key'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
