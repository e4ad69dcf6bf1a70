// What every command needs: the running language client (replaced on restart), the output channel,
// the status bar. rust-analyzer's editors/code keeps the same shape.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ShowMessageOnceNotification, SummaryChangedNotification, WorkspaceSummary } from '../../server/src/protocol';
import { readConfig } from './config';
import { createLanguageClient } from './serverClient';
import { StatusBar } from './statusBar';

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Lock-in Lens', { log: true });
  readonly statusBar = new StatusBar('workbench.actions.view.problems');
  lastSummary?: WorkspaceSummary;
  private languageClient?: LanguageClient;
  private readonly shownOnce = new Set<string>();

  constructor(readonly extension: vscode.ExtensionContext) {
    this.statusBar.show(readConfig().statusBar);
  }

  get client(): LanguageClient {
    if (!this.languageClient) throw new Error('Lock-in Lens server is not running');
    return this.languageClient;
  }

  async start(): Promise<void> {
    const client = createLanguageClient(this.extension, this.output);
    client.onNotification(SummaryChangedNotification, (summary) => {
      this.lastSummary = summary;
      this.statusBar.update(summary);
    });
    client.onNotification(ShowMessageOnceNotification, ({ key, message }) => {
      if (this.shownOnce.has(key)) return;
      this.shownOnce.add(key);
      void vscode.window.showWarningMessage(message);
    });
    this.languageClient = client;
    await client.start();
  }

  async restart(): Promise<void> {
    const old = this.languageClient;
    this.languageClient = undefined;
    if (old) await old.stop().catch((e) => this.output.appendLine(`[client] stopping the server failed: ${e}`));
    await this.start();
  }

  dispose(): void {
    void this.languageClient?.stop();
    this.statusBar.dispose();
    this.output.dispose();
  }
}
