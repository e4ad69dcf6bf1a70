// The lock-in panel inside a real VS Code, on the bundled examples: opened from its command, it
// renders the examples' platforms with its codicon font loaded; the explorer tree lists and opens
// findings; an edit that adds a platform call updates both live; a row opens its finding; the exit
// plan export writes Markdown and completes the checklist. Waits are event-driven (renders
// acknowledged by the webview).

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../../../client/src/ctx';
import type { LockinPanel, RenderedPanel } from '../../../client/src/panel/lockinPanel';
import type { FindingsNode, FindingsTreeProvider } from '../../../client/src/tree/findingsTree';

const examples = vscode.workspace.workspaceFolders![0].uri.fsPath;
const fileUri = (rel: string) => vscode.Uri.file(path.join(examples, rel));

/** Resolves with the first render (the last one, or a coming one) that satisfies the predicate. */
function renderedWhere(panel: LockinPanel, predicate: (r: RenderedPanel) => boolean, timeoutMs = 30_000): Promise<RenderedPanel> {
  return new Promise((resolve, reject) => {
    if (panel.lastRendered && predicate(panel.lastRendered)) return resolve(panel.lastRendered);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for the panel; last render: ${JSON.stringify(panel.lastRendered?.platforms)} ${JSON.stringify(panel.lastRendered?.model?.cost.platforms.map((p) => [p.platform, p.touchPoints]))}`));
    }, timeoutMs);
    const listener = panel.onDidRender((r) => {
      if (!predicate(r)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(r);
    });
  });
}

let tree: FindingsTreeProvider;
const label = (node: FindingsNode) => String(tree.getTreeItem(node).label);
async function childrenOf(nodes: FindingsNode[], name: string): Promise<FindingsNode[]> {
  const node = nodes.find((n) => label(n) === name);
  assert.ok(node, `no tree node ${name} among ${nodes.map(label).join(', ')}`);
  return tree.getChildren(node);
}
const platform = (r: RenderedPanel, name: string) => r.model?.cost.platforms.find((p) => p.platform === name);
const answer = (r: RenderedPanel, id: string) => r.model?.checklist.find((a) => a.id === id);

/** Asks the test launcher for a screenshot of the workbench as it is now (README pictures). */
async function screenshot(name: string): Promise<void> {
  console.log(`screenshot:${name}`);
  await new Promise((r) => setTimeout(r, 1500)); // the launcher captures asynchronously
}

describe('Lock-in panel in VS Code', () => {
  let panel: LockinPanel;
  const notes = fileUri('supabase-app/src/features/notes.ts');

  before(async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'lockin-lens');
    tree = (await extension!.activate() as Ctx).findingsTree!;
    // VS Code for the web saves edits after a second by default; these edits must stay unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from its command and renders the platforms of the examples', async () => {
    await vscode.window.showTextDocument(notes, { viewColumn: vscode.ViewColumn.One });
    panel = (await vscode.commands.executeCommand<LockinPanel>('lockinLens.showPanel'))!;
    const rendered = await renderedWhere(panel, (r) => r.platforms.length > 0);
    assert.equal(panel.panel.viewColumn, vscode.ViewColumn.One, 'with one editor group: a full-width tab, not a split');
    assert.deepEqual([...rendered.platforms].sort(), ['base44', 'firebase', 'supabase']);
    assert.equal(rendered.iconFont, true, 'the webview loaded the codicon font from the extension (resource roots and CSP)');
    const model = rendered.model!;
    assert.ok(model.cost.total.low > 0 && model.cost.total.high > model.cost.total.low);
    assert.ok(Math.abs(model.cost.total.high - model.cost.platforms.reduce((n, p) => n + p.range.high, 0)) <= 2, 'platforms add up to the total');
    assert.ok(platform(rendered, 'supabase')!.capabilities.some((c) => c.category === 'database'));
    assert.ok(model.security.total > 5 && model.security.errors > 0, `security ${JSON.stringify(model.security)}`);
    assert.deepEqual(model.checklist.map((a) => a.status).slice(0, 5), ['ask', 'attention', 'attention', 'estimate', 'attention']);
    const failures = answer(rendered, 'failure-paths')!.evidence;
    assert.match(failures, /^4 of \d+ Supabase calls never read the error/, 'the Edge Functions drop three results and ignore one error');
    assert.match(failures, / \d+ of \d+ Base44 calls are awaited with no try\/catch/);
    assert.match(failures, /Firebase calls/);
    assert.ok(model.cost.widest.length > 0, 'the headline says why it is wide');
    assert.ok(model.cost.topFiles.every((f, i, all) => i === 0 || all[i - 1].touchPoints >= f.touchPoints), 'most coupled files by touch points');
    assert.ok(model.cost.topFiles.every((f) => !f.label.startsWith('examples/')), 'paths relative to the workspace root');
    assert.equal(panel, await vscode.commands.executeCommand<LockinPanel>('lockinLens.showPanel'), 'one panel, brought forward');
  });

  it('lists findings platform → capability → file → finding in the explorer tree', async () => {
    const roots = await tree.getChildren();
    assert.equal(label(roots[0]), 'Security');
    assert.deepEqual(roots.slice(1).map(label).sort(), ['Base44', 'Firebase', 'Supabase']);
    const database = (await childrenOf(roots, 'Supabase')).find((n) => label(n) === 'Database')!;
    const file = (await tree.getChildren(database)).find((n) => n.kind === 'file' && n.file.uri === notes.toString())!;
    const finding = tree.getTreeItem((await tree.getChildren(file))[0]);
    assert.equal(finding.command?.command, 'vscode.open');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup'); // as the explorer would: the panel stays visible
    await vscode.commands.executeCommand(finding.command!.command, ...(finding.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, notes.fsPath);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 23, 'the first query, line 24');
  });

  it('updates live after an edit that adds a platform call', async () => {
    const original = readFileSync(notes.fsPath, 'utf8');
    const before = panel.lastRendered!;
    const touchPoints = platform(before, 'supabase')!.touchPoints;
    const [, unchecked, calls] = /^(\d+) of (\d+)/.exec(answer(before, 'failure-paths')!.evidence)!.map(Number);
    const editor = await vscode.window.showTextDocument(notes, { viewColumn: vscode.ViewColumn.One });
    const end = editor.document.lineCount;
    const added = "\nexport async function listArchived() {\n  const { data } = await supabase.from('archived_notes').select('*');\n  return data;\n}\n";
    try {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(end, 0), added)));
      const rendered = await renderedWhere(panel, (r) => platform(r, 'supabase')?.touchPoints === touchPoints + 1);
      const failures = answer(rendered, 'failure-paths')!;
      assert.ok(failures.evidence.startsWith(`${unchecked + 1} of ${calls + 1} Supabase calls`), failures.evidence);
      assert.deepEqual([failures.at!.uri, failures.at!.line], [notes.toString(), end + 2]);
      assert.match(answer(rendered, 'data-model')!.evidence, /archived_notes/);
      const database = (await childrenOf(await tree.getChildren(), 'Supabase')).find((n) => label(n) === 'Database')!;
      assert.equal(tree.getTreeItem(database).description, String(platform(rendered, 'supabase')!.capabilities.find((c) => c.category === 'database')!.touchPoints), 'the tree follows');

      // Clicking "Show where" opens the unchecked call.
      await panel.handleMessage({ type: 'open', uri: failures.at!.uri, line: failures.at!.line, column: failures.at!.column });
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), notes.toString());
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, end + 1);
    } finally {
      await vscode.window.showTextDocument(notes, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('workbench.action.files.revert');
      if (readFileSync(notes.fsPath, 'utf8') !== original) writeFileSync(notes.fsPath, original); // never leave the example edited
    }
    await renderedWhere(panel, (r) => platform(r, 'supabase')?.touchPoints === touchPoints && answer(r, 'failure-paths')!.evidence.startsWith(`${unchecked} of`));
  });

  it('exports the exit plan as Markdown and counts it in the checklist', async () => {
    const folder = path.join(examples, '.lockin-lens');
    assert.ok(!existsSync(folder), 'the examples have no .lockin-lens folder of their own');
    const target = vscode.Uri.file(path.join(folder, 'exit-plan.md')); // where the command writes by default
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('lockinLens.exportExitPlan', target);
      assert.equal(written?.fsPath, target.fsPath);
      const markdown = readFileSync(target.fsPath, 'utf8');
      assert.match(markdown, /^# Exit plan: examples\n/);
      for (const name of ['Base44', 'Firebase', 'Supabase']) assert.match(markdown, new RegExp(`^## ${name}`, 'm'));
      assert.match(markdown, /\[supabase-app\/src\/features\/notes\.ts:24\]\(supabase-app\/src\/features\/notes\.ts#L24\)/);
      const rendered = await renderedWhere(panel, (r) => answer(r, 'documented')?.status === 'ok');
      assert.equal(answer(rendered, 'documented')!.evidence, `Exit plan exported on ${new Date().toISOString().slice(0, 10)} to .lockin-lens/exit-plan.md; it still matches the code.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // The picture for the README: the panel alone across the window.
    panel.panel.reveal(undefined, false);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    assert.ok(panel.panel.visible, 'the panel is still open');
    await screenshot('lockin-panel');
  });
});
