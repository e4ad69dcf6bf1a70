// The status-bar item: security findings and the lock-in total, updated by the server. Clicking it
// runs the command Ctx gives it (the lock-in panel).

import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lockinLens.status', vscode.StatusBarAlignment.Left, 50);

  constructor(command: string) {
    this.item.name = 'Lock-in Lens';
    this.item.command = command;
    this.item.text = '$(shield) Lock-in Lens';
    this.item.tooltip = 'Lock-in Lens: indexing…';
  }

  show(visible: boolean): void {
    if (visible) this.item.show();
    else this.item.hide();
  }

  update(summary: WorkspaceSummary): void {
    this.item.text = `$(shield) ${summary.security} $(link) ${summary.lockin}`;
    const platforms = summary.platforms.map((p) => `${p.platform}: ${p.findings} touch points, ~${p.low}–${p.high} h`).join('\n');
    this.item.tooltip = [
      `Lock-in Lens — ${summary.files} files`,
      `${summary.security} security findings`,
      `${summary.lockin} lock-in touch points, ~${summary.cost.low}–${summary.cost.high} h to migrate (provisional)`,
      platforms,
      'Click to open the lock-in panel',
    ].filter(Boolean).join('\n');
    this.item.backgroundColor = summary.security > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
