// What a new user sees, inside a real VS Code on the bundled examples, under the default settings:
// lock-in touch points are not problems (no diagnostics; a CodeLens and highlights on demand);
// security comes first in the hover and the quick fixes; the tree, the status bar and the counts
// read at a glance. Runs first: it also takes the README's editor picture.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../../../client/src/ctx';
import type { FindingsNode } from '../../../client/src/tree/findingsTree';

const examples = vscode.workspace.workspaceFolders![0].uri.fsPath;
const fileUri = (rel: string) => vscode.Uri.file(path.join(examples, rel));
const dashboard = fileUri('base44-app/src/pages/Dashboard.jsx');
const archive = fileUri('base44-app/base44/functions/archiveStaleDeals/entry.ts');
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lockin-lens');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Polls until the condition holds (CodeLens and status-bar updates have no event a test can await). */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command?.title ?? '');
}

async function screenshot(name: string): Promise<void> {
  console.log(`screenshot:${name}`);
  await new Promise((r) => setTimeout(r, 3000)); // the launcher captures asynchronously
}

describe('Editor experience in VS Code (default settings)', () => {
  let ctx: Ctx;

  before(async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'lockin-lens')!;
    ctx = (await extension.activate()) as Ctx;
    // VS Code for the web saves edits after a second by default; the suites' edits must stay unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });

  it('shows a UI file\'s touch points as a CodeLens, not as problems', async () => {
    await vscode.window.showTextDocument(dashboard);
    const titles = await until('the CodeLens summary shows', async () => {
      const found = await lensTitles(dashboard);
      return found.some((t) => t.startsWith('Base44 · ')) ? found : undefined;
    });
    assert.match(titles[0], /^Base44 · 4 lock-in touch points · [\d.]+–[\d.]+ h$/);
    assert.ok(titles.includes('Show touch points'));
    assert.deepEqual(ours(dashboard).map(codeOf), [], 'no lock-in entry in Problems for the page');
    const everywhere = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((d) => d.source === 'lockin-lens'));
    assert.ok(everywhere.length > 0, 'security findings are in Problems');
    assert.ok(everywhere.every((d) => d.severity <= vscode.DiagnosticSeverity.Warning), 'only security errors and warnings');
  });

  it('highlights the touch points on demand, from the command and the status-bar toggle', async () => {
    const editor = await vscode.window.showTextDocument(dashboard);
    assert.equal(ctx.statusBar.toggleText, '$(eye) Show lock-in');
    await vscode.commands.executeCommand('lockinLens.showTouchPoints');
    const ranges = await until('the touch points are highlighted', () => ctx.touchPoints!.highlighted.get(editor.document.uri.toString()));
    assert.deepEqual(ranges.map((r) => r.start.line + 1), [25, 26, 31, 47]);
    assert.equal(ctx.statusBar.toggleText, '$(eye-closed) Hide lock-in');
    await vscode.commands.executeCommand('lockinLens.toggleTouchPoints'); // what the status-bar item runs
    assert.equal(ctx.touchPoints!.highlighted.has(editor.document.uri.toString()), false);
    assert.deepEqual(ours(dashboard), [], 'highlights never become problems');
  });

  it('hovers with the security fix first, and one diagnostic where security covers a touch point', async () => {
    await vscode.window.showTextDocument(archive);
    const diagnostics = await until('the security finding shows', () => {
      const ds = ours(archive);
      return ds.length > 0 ? ds : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range.start.line + 1, d.severity]), [['base44/service-role-without-caller-check', 18, vscode.DiagnosticSeverity.Error]]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', archive, new vscode.Position(17, 40));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const order = ['security error', 'How to fix it', 'Why it matters', 'Lock-in touch point'].map((s) => text.indexOf(s));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `hover sections in order ${JSON.stringify(order)}:\n${text}`);
  });

  it('prefers the security action, and offers no lock-in suppression over it', async () => {
    const secret = ours(archive)[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', archive, secret.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions.filter((a) => /base44\//.test(a.title));
    assert.equal(mine[0].title, 'Show how to fix base44/service-role-without-caller-check');
    assert.equal(mine[0].isPreferred, true);
    assert.deepEqual(mine.filter((a) => a.isPreferred).length, 1);
    assert.ok(!mine.some((a) => a.title.startsWith('Suppress base44/entities')), mine.map((a) => a.title).join(', '));
    assert.equal(mine.at(-1)!.title, 'Suppress base44/service-role-without-caller-check on this line…');
  });

  it('reads as a VS Code tree: security first and open, names, file name then folder, our own counts', async () => {
    const tree = ctx.findingsTree!;
    const item = (n: FindingsNode) => tree.getTreeItem(n);
    tree.refresh();
    const roots = await until('the tree has roots', async () => {
      const found = await tree.getChildren();
      return found.length > 1 ? found : undefined;
    });
    assert.equal(item(roots[0]).label, 'Security');
    assert.equal(item(roots[0]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.deepEqual(roots.slice(1).map((n) => item(n).label).sort(), ['Base44', 'Firebase', 'Supabase']);
    const securityPlatforms = await tree.getChildren(roots[0]);
    const base44Security = securityPlatforms.find((n) => item(n).label === 'Base44')!;
    assert.ok((await tree.getChildren(base44Security)).some((n) => item(n).label === 'Access control'));
    const supabase = roots.find((n) => item(n).label === 'Supabase')!;
    const database = (await tree.getChildren(supabase)).find((n) => item(n).label === 'Database')!;
    const files = await tree.getChildren(database);
    const notes = files.find((n) => item(n).label === 'notes.ts');
    assert.ok(notes, files.map((n) => item(n).label).join(', '));
    assert.equal(item(notes).description, 'supabase-app/src/features');
    assert.notEqual(item(notes).resourceUri?.scheme, 'file', 'no borrowed Problems badge');
    assert.equal(item(notes).resourceUri?.query, String(notes.kind === 'file' ? notes.file.findings.length : -1), 'our own count');
  });

  it('says what the status bar counts in words, warning colour for security errors', async () => {
    const summary = await until('a summary arrived', () => ctx.lastSummary);
    assert.equal(ctx.statusBar.text, `$(shield) ${summary.security} security · ${summary.lockin} lock-in`);
    assert.match(ctx.statusBar.text, /^\$\(shield\) \d+ security · \d+ lock-in$/);
    assert.ok(summary.securityErrors > 0);
    assert.deepEqual(ctx.statusBar.background, new vscode.ThemeColor('statusBarItem.warningBackground'));
  });

  it('counts the files an audit scans, whatever else the editor opens or watches', async () => {
    const cli = path.join(ctx.extension.extensionPath, 'bin', 'lockin-lens.js');
    const audit = JSON.parse(execFileSync(process.execPath, [cli, 'audit', examples, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    // The editor's own settings: a JSON file outside the workspace, opened and saved.
    await vscode.workspace.getConfiguration('lockinLens').update('cost.currency', 'EUR', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    await vscode.workspace.getConfiguration('lockinLens').update('cost.currency', undefined, vscode.ConfigurationTarget.Global);
    await new Promise((r) => setTimeout(r, 1000)); // the summary's debounce and the watcher's events
    const summary = await until('the summary counts the workspace', () => (ctx.lastSummary?.files === audit.stats.files ? ctx.lastSummary : undefined), 10_000)
      .catch(() => assert.fail(`status bar counts ${ctx.lastSummary?.files} files, the audit ${audit.stats.files}`));
    assert.equal(ctx.lastCost?.files, audit.stats.files, 'the panel counts the same files');
    assert.equal(summary.security, audit.findings.filter((f: { kind: string }) => f.kind === 'security').length);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows the editor as the README pictures it', async () => {
    const editor = await vscode.window.showTextDocument(archive);
    await vscode.commands.executeCommand('lockinLens.showTouchPoints');
    await until('highlights', () => ctx.touchPoints!.highlighted.get(archive.toString()));
    await vscode.commands.executeCommand('lockinLens.findings.focus');
    await until('the Findings view shows its tree', async () => (ctx.findingsTree!.view?.visible && (await ctx.findingsTree!.getChildren()).length > 0) || undefined);
    await new Promise((r) => setTimeout(r, 2000)); // the view draws its rows
    await vscode.window.showTextDocument(archive);
    editor.selection = new vscode.Selection(17, 40, 17, 40);
    editor.revealRange(new vscode.Range(0, 0, 30, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('editor-findings'); // the highlights stay on: the capture may come a moment later
  });
});
