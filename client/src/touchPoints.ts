// Lock-in touch points as information on demand, not problems: a CodeLens at the top of each file
// that has some ("Base44 · 31 touch points · 24–95 h"), and a subtle highlight of each one while
// "Show lock-in touch points" is on (the command, the status-bar toggle or a click on the lens).
// The data comes from `lockin/touchPoints`, asked again when the server's totals change.

import * as vscode from 'vscode';
import { TouchPoints, TouchPointsRequest } from '../../server/src/protocol';
import type { Ctx } from './ctx';

export const TOGGLE_COMMAND = 'lockinLens.toggleTouchPoints';

/** Remembered per workspace, so a reload keeps what the user chose. */
const SHOWN_KEY = 'lockinLens.touchPointsShown';

export class TouchPointsView implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly toggled = new vscode.EventEmitter<boolean>();
  readonly onDidToggle = this.toggled.event;
  /** A dotted underline in the theme's info colour and a mark in the overview ruler: seen, not loud. */
  readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly cache = new Map<string, Promise<TouchPoints | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Ranges highlighted per document (the extension tests read them). */
  readonly highlighted = new Map<string, vscode.Range[]>();

  constructor(private readonly ctx: Ctx) {
    this.disposables.push(
      this.lensesChanged,
      this.toggled,
      this.decoration,
      vscode.window.onDidChangeVisibleTextEditors(() => void this.decorateVisible()),
      vscode.workspace.onDidChangeTextDocument((e) => this.cache.delete(e.document.uri.toString())),
    );
  }

  get shown(): boolean {
    return this.ctx.extension.workspaceState.get<boolean>(SHOWN_KEY, false);
  }

  async toggle(show = !this.shown): Promise<boolean> {
    await this.ctx.extension.workspaceState.update(SHOWN_KEY, show);
    await vscode.commands.executeCommand('setContext', 'lockinLens.touchPointsShown', show);
    this.toggled.fire(show);
    await this.decorateVisible();
    return show;
  }

  /** The server's findings changed: ask again for what is on screen. */
  refresh(): void {
    this.cache.clear();
    this.lensesChanged.fire();
    void this.decorateVisible();
  }

  /** A document's touch points, asked once until it or the workspace changes. */
  touchPoints(document: vscode.TextDocument): Promise<TouchPoints | undefined> {
    const key = document.uri.toString();
    let found = this.cache.get(key);
    if (!found) {
      found = this.ctx.client.sendRequest(TouchPointsRequest, { uri: key }).then(undefined, () => undefined);
      this.cache.set(key, found);
    }
    return found;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const points = await this.touchPoints(document);
    if (!points || points.platforms.length === 0) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = points.platforms.map((p) => {
      const hours = p.range ? ` · ${p.range.low}–${p.range.high} h` : '';
      const title = `${p.name} · ${p.count} lock-in touch ${p.count === 1 ? 'point' : 'points'}${hours}`;
      return new vscode.CodeLens(top, { title, command: 'lockinLens.showPanel', tooltip: 'Open the lock-in panel: the estimate and the terms behind it' });
    });
    const action = this.shown ? 'Hide touch points' : 'Show touch points';
    lenses.push(new vscode.CodeLens(top, { title: action, command: TOGGLE_COMMAND, tooltip: 'Highlight the lock-in touch points in the editor, or stop' }));
    return lenses;
  }

  private async decorateVisible(): Promise<void> {
    await Promise.all(vscode.window.visibleTextEditors.map((editor) => this.decorate(editor)));
  }

  private async decorate(editor: vscode.TextEditor): Promise<void> {
    const key = editor.document.uri.toString();
    const points = this.shown ? await this.touchPoints(editor.document) : undefined;
    // No hover of its own: the server's hover already explains a touch point.
    const options = (points?.points ?? []).map((p): vscode.DecorationOptions => ({ range: firstLine(editor.document, p.range) }));
    editor.setDecorations(this.decoration, options);
    if (options.length > 0) this.highlighted.set(key, options.map((o) => o.range));
    else this.highlighted.delete(key);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * A touch point's first line only: one that spans a whole function (a Deno.serve handler) would
 * otherwise underline every line of it.
 */
function firstLine(document: vscode.TextDocument, r: TouchPoints['points'][number]['range']): vscode.Range {
  const start = new vscode.Position(r.start.line, r.start.character);
  if (r.end.line === r.start.line) return new vscode.Range(start, new vscode.Position(r.end.line, r.end.character));
  return new vscode.Range(start, document.lineAt(r.start.line).range.end);
}

export function registerTouchPoints(ctx: Ctx): TouchPointsView {
  const view = new TouchPointsView(ctx);
  ctx.touchPoints = view;
  void vscode.commands.executeCommand('setContext', 'lockinLens.touchPointsShown', view.shown);
  ctx.extension.subscriptions.push(
    view,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, view),
    vscode.commands.registerCommand(TOGGLE_COMMAND, () => view.toggle()),
    vscode.commands.registerCommand('lockinLens.showTouchPoints', () => view.toggle(true)),
    vscode.commands.registerCommand('lockinLens.hideTouchPoints', () => view.toggle(false)),
  );
  return view;
}
