// The status bar: the totals in words ("9 security · 263 lock-in"), with the warning background
// only while there are security errors; a click opens the lock-in panel. Beside it, a toggle for
// the lock-in touch-point highlights.

import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lockinLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly toggle = vscode.window.createStatusBarItem('lockinLens.touchPoints', vscode.StatusBarAlignment.Left, 49);

  constructor(command: string, toggleCommand: string) {
    this.item.name = 'Lock-in Lens';
    this.item.command = command;
    this.item.text = '$(shield) Lock-in Lens';
    this.item.tooltip = 'Lock-in Lens: indexing…';
    this.toggle.name = 'Lock-in Lens: touch points';
    this.toggle.command = toggleCommand;
    this.showTouchPoints(false);
  }

  show(visible: boolean): void {
    for (const item of [this.item, this.toggle]) {
      if (visible) item.show();
      else item.hide();
    }
  }

  /** The main item's text, as the tests read it. */
  get text(): string {
    return this.item.text;
  }

  get toggleText(): string {
    return this.toggle.text;
  }

  get background(): vscode.ThemeColor | undefined {
    return this.item.backgroundColor;
  }

  update(summary: WorkspaceSummary): void {
    this.item.text = `$(shield) ${statusText(summary)}`;
    const platforms = summary.platforms.map((p) => `${p.platform}: ${p.findings} touch points, ~${p.low}–${p.high} h`).join('\n');
    this.item.tooltip = [
      `Lock-in Lens — ${summary.files} files scanned`,
      `${summary.security} security findings (${summary.securityErrors} errors), in Problems`,
      `${summary.lockin} lock-in touch points, ~${summary.cost.low}–${summary.cost.high} h to migrate (an estimate)`,
      platforms,
      'Click to open the lock-in panel',
    ].filter(Boolean).join('\n');
    this.item.backgroundColor = summary.securityErrors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** The toggle says what a click does. */
  showTouchPoints(shown: boolean): void {
    this.toggle.text = shown ? '$(eye-closed) Hide lock-in' : '$(eye) Show lock-in';
    this.toggle.tooltip = shown ? 'Hide the lock-in touch-point highlights' : 'Show lock-in touch points: highlight where the code is tied to a platform';
  }

  dispose(): void {
    this.item.dispose();
    this.toggle.dispose();
  }
}

/** "9 security · 263 lock-in": one number per kind, in words. */
export function statusText(summary: Pick<WorkspaceSummary, 'security' | 'lockin'>): string {
  return `${summary.security} security · ${summary.lockin} lock-in`;
}
