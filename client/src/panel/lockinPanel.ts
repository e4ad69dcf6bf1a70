// The live lock-in panel: one webview panel, re-rendered from every `lockin/costChanged` the
// server sends (no rescan). The webview acknowledges each render with the platforms it drew, which
// is what `lastRendered` and `onDidRender` report (the extension tests read them).

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { lastExport } from './exportRecord';
import { panelDocument } from './html';
import { PanelModel, panelModel } from './model';
import { renderPanel } from './render';

export interface RenderedPanel {
  version: number;
  model: PanelModel | undefined;
  /** Platforms present in the webview's DOM after the render. */
  platforms: string[];
  /** Whether the webview loaded the codicon font (false: the icons show as blank boxes). */
  iconFont: boolean;
}

/** What the webview script sends. */
export type PanelMessage =
  | { type: 'ready' }
  | { type: 'rendered'; version: number; platforms: string[]; iconFont: boolean }
  | { type: 'open'; uri: string; line: number; column: number }
  | { type: 'export' | 'tree' | 'problems' };

/** Where the build copies the codicon stylesheet and font (scripts/bundle.mjs). */
function codiconsFolder(ctx: Ctx): vscode.Uri {
  return vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'codicons');
}

/**
 * With one editor group the panel opens as a tab of its own, at full width: splitting would leave
 * the code and the panel both narrow. The findings it opens go beside it. When groups already sit
 * side by side, it opens beside the active one.
 */
function placement(): vscode.ViewColumn {
  return vscode.window.tabGroups.all.length > 1 ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

export class LockinPanel implements vscode.Disposable {
  static current: LockinPanel | undefined;
  static readonly viewType = 'lockinLens.panel';

  /** Opens the panel, or brings the open one forward. */
  static show(ctx: Ctx): LockinPanel {
    if (LockinPanel.current) {
      LockinPanel.current.panel.reveal(undefined, false);
      return LockinPanel.current;
    }
    // The webview may read the codicon stylesheet and font and nothing else of the extension's.
    // It keeps its page while another tab covers it, so it is current (and follows edits) when shown again.
    const options = { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [codiconsFolder(ctx)] };
    const panel = vscode.window.createWebviewPanel(LockinPanel.viewType, 'Lock-in Lens', { viewColumn: placement(), preserveFocus: false }, options);
    LockinPanel.current = new LockinPanel(panel, ctx);
    return LockinPanel.current;
  }

  private readonly rendered = new vscode.EventEmitter<RenderedPanel>();
  readonly onDidRender = this.rendered.event;
  lastRendered: RenderedPanel | undefined;
  private model: PanelModel | undefined;
  private version = 0;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(readonly panel: vscode.WebviewPanel, private readonly ctx: Ctx) {
    const codiconsHref = panel.webview.asWebviewUri(vscode.Uri.joinPath(codiconsFolder(ctx), 'codicon.css')).toString();
    panel.webview.html = panelDocument(randomBytes(16).toString('base64'), panel.webview.cspSource, codiconsHref);
    this.disposables.push(
      this.rendered,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: PanelMessage) => this.handleMessage(message)),
      ctx.costChanged.event(() => this.refresh()),
    );
  }

  /** Rebuilds the model from the latest server message and workspace state, and renders it. */
  refresh(): void {
    this.model = this.ctx.lastCost && panelModel(this.ctx.lastCost, lastExport(this.ctx.extension.workspaceState));
    this.version++;
    void this.panel.webview.postMessage({ type: 'render', version: this.version, html: renderPanel(this.model) });
  }

  /** A message from the webview (public so tests can act as the user clicking a row). */
  async handleMessage(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'rendered':
        if (message.version !== this.version) return; // a newer render is on its way
        this.lastRendered = { version: message.version, model: this.model, platforms: message.platforms, iconFont: message.iconFont };
        this.rendered.fire(this.lastRendered);
        return;
      case 'open':
        return this.open(message.uri, message.line, message.column);
      case 'export':
        await vscode.commands.executeCommand('lockinLens.exportExitPlan');
        return;
      case 'tree':
        await vscode.commands.executeCommand('lockinLens.findings.focus');
        return;
      case 'problems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
    }
  }

  /** Opens a finding beside the panel, with the cursor on it. */
  private async open(uri: string, line: number, column: number): Promise<void> {
    const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    const viewColumn = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn, selection: new vscode.Range(at, at) });
  }

  dispose(): void {
    if (LockinPanel.current === this) LockinPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
