// Lock-in Lens: Export Exit Plan — asks the server for the folder's exit plan (Markdown) and writes
// it to `.lockin-lens/exit-plan.md` or a file the user picks; remembers the export in workspace
// state so the panel's checklist can say the platform-specific parts are written down.

import * as vscode from 'vscode';
import { ExitPlanRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { rememberExport } from '../panel/exportRecord';
import { LockinPanel } from '../panel/lockinPanel';

export const DEFAULT_EXIT_PLAN = '.lockin-lens/exit-plan.md';

/** `target` skips the questions (tests, other extensions); otherwise the user chooses. */
export async function exportExitPlan(ctx: Ctx, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Lock-in Lens: open a folder to export its exit plan.');
    return undefined;
  }
  const file = target ?? (await chooseFile(folder));
  if (!file) return undefined;
  const plan = await ctx.client.sendRequest(ExitPlanRequest, { folderUri: folder.uri.toString() });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, Buffer.from(plan.markdown, 'utf8'));
  const cost = ctx.lastCost;
  await rememberExport(ctx.extension.workspaceState, {
    at: new Date().toISOString(),
    file: vscode.workspace.asRelativePath(file, false),
    lockin: cost?.lockin ?? 0,
    total: cost?.cost.total ?? { low: 0, high: 0 },
  });
  LockinPanel.current?.refresh();
  void vscode.window.showInformationMessage(`Lock-in Lens: exit plan written to ${vscode.workspace.asRelativePath(file, false)}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(file);
  });
  return file;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Export the exit plan of which folder?' });
}

async function chooseFile(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  const standard = vscode.Uri.joinPath(folder.uri, DEFAULT_EXIT_PLAN);
  const choice = await vscode.window.showQuickPick(
    [
      { label: `Write ${DEFAULT_EXIT_PLAN}`, description: 'kept with the code', target: 'default' as const },
      { label: 'Choose a file…', target: 'pick' as const },
    ],
    { title: 'Lock-in Lens: Export Exit Plan' },
  );
  if (!choice) return undefined;
  if (choice.target === 'default') return standard;
  return vscode.window.showSaveDialog({ defaultUri: standard, filters: { Markdown: ['md'] }, title: 'Save the exit plan' });
}
