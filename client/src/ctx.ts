// What every command needs: the running language client (replaced on restart), the output channel,
// the status bar. rust-analyzer's editors/code keeps the same shape.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CostChangedNotification, CostChangedParams, ShowMessageOnceNotification, SummaryChangedNotification, WorkspaceSummary } from '../../server/src/protocol';
import { readConfig } from './config';
import { createLanguageClient } from './serverClient';
import { StatusBar } from './statusBar';
import { TOGGLE_COMMAND, type TouchPointsView } from './touchPoints';
import type { FindingsTreeProvider } from './tree/findingsTree';

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Lock-in Lens', { log: true });
  readonly statusBar = new StatusBar('lockinLens.showPanel', TOGGLE_COMMAND);
  lastSummary?: WorkspaceSummary;
  /** The lock-in panel's model as the server last sent it; the panel and the tree view follow `costChanged`. */
  lastCost?: CostChangedParams;
  readonly costChanged = new vscode.EventEmitter<CostChangedParams>();
  /** The explorer's findings tree (the extension tests read it). */
  findingsTree?: FindingsTreeProvider;
  /** The CodeLens summaries and on-demand highlights of lock-in touch points. */
  touchPoints?: TouchPointsView;
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
      this.touchPoints?.refresh();
    });
    client.onNotification(CostChangedNotification, (params) => {
      this.lastCost = params;
      this.costChanged.fire(params);
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
    this.costChanged.dispose();
    this.output.dispose();
  }
}
