// The extension's own view of its settings (the server pulls the rest per document itself).

import * as vscode from 'vscode';

export interface ClientConfig {
  /** Show the status-bar item with security and lock-in totals. */
  statusBar: boolean;
}

export function readConfig(): ClientConfig {
  const section = vscode.workspace.getConfiguration('lockinLens');
  return {
    statusBar: section.get<boolean>('statusBar.enable', true),
  };
}
