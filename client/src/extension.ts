// Activation only: create the context, register the commands, start the server.

import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { auditWorkspace } from './commands/auditWorkspace';
import { exportExitPlan } from './commands/exportExitPlan';
import { openRuleDocs } from './commands/openRuleDocs';
import { restartServer } from './commands/restartServer';
import { showOutput } from './commands/showOutput';
import { showPanel } from './commands/showPanel';
import { suppressFinding } from './commands/suppressFinding';
import { readConfig } from './config';
import { Ctx } from './ctx';
import { registerTouchPoints } from './touchPoints';
import { registerFindingsTree } from './tree/findingsTree';

export async function activate(context: vscode.ExtensionContext): Promise<Ctx> {
  const ctx = new Ctx(context);
  const findings = registerFindingsTree(ctx);
  const touchPoints = registerTouchPoints(ctx);
  ctx.statusBar.showTouchPoints(touchPoints.shown);
  context.subscriptions.push(
    ctx,
    findings.provider,
    findings.view,
    vscode.commands.registerCommand('lockinLens.auditWorkspace', () => auditWorkspace(ctx)),
    vscode.commands.registerCommand('lockinLens.restartServer', () => restartServer(ctx)),
    vscode.commands.registerCommand('lockinLens.showOutput', () => showOutput(ctx)),
    vscode.commands.registerCommand('lockinLens.showPanel', () => showPanel(ctx)),
    vscode.commands.registerCommand('lockinLens.exportExitPlan', (target?: vscode.Uri) => exportExitPlan(ctx, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand(Commands.suppressFinding, suppressFinding),
    vscode.commands.registerCommand(Commands.openRuleDocs, openRuleDocs),
    // Rules from the workspace load only once it is trusted: restart so the server picks them up.
    vscode.workspace.onDidGrantWorkspaceTrust(() => ctx.restart()),
    touchPoints.onDidToggle((shown) => {
      ctx.statusBar.showTouchPoints(shown);
      touchPoints.refresh(); // the lens says "Show" or "Hide"
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('lockinLens.statusBar')) ctx.statusBar.show(readConfig().statusBar);
    }),
  );
  await ctx.start();
  return ctx;
}

export function deactivate(): void {
  // Disposables registered on the context stop the client.
}
