// Activation only: create the context, register the commands, start the server.

import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { auditWorkspace } from './commands/auditWorkspace';
import { openRuleDocs } from './commands/openRuleDocs';
import { restartServer } from './commands/restartServer';
import { showOutput } from './commands/showOutput';
import { suppressFinding } from './commands/suppressFinding';
import { readConfig } from './config';
import { Ctx } from './ctx';

export async function activate(context: vscode.ExtensionContext): Promise<Ctx> {
  const ctx = new Ctx(context);
  context.subscriptions.push(
    ctx,
    vscode.commands.registerCommand('lockinLens.auditWorkspace', () => auditWorkspace(ctx)),
    vscode.commands.registerCommand('lockinLens.restartServer', () => restartServer(ctx)),
    vscode.commands.registerCommand('lockinLens.showOutput', () => showOutput(ctx)),
    vscode.commands.registerCommand(Commands.suppressFinding, suppressFinding),
    vscode.commands.registerCommand(Commands.openRuleDocs, openRuleDocs),
    // Rules from the workspace load only once it is trusted: restart so the server picks them up.
    vscode.workspace.onDidGrantWorkspaceTrust(() => ctx.restart()),
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
