// The language server's state and its handlers for documents, files and configuration. An open
// document's analysis lives in documentAnalysis.ts, work off the keystroke path in
// backgroundUpdates.ts, custom requests (the workspace audit) in auditRequest.ts, wiring in server.ts.

import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  Connection,
  Diagnostic,
  FileEvent,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { releaseFreedMemory } from '../engine/util/releaseMemory';
import type { Finding } from '../engine/types';
import { ShowMessageOnceNotification, SummaryChangedNotification } from '../protocol';
import { visibleFindings } from './diagnostics';
import { DiagnosticsCache } from './diagnosticsCache';
import { FolderIndex } from './folderIndex';
import { Folders, rulesFor, uriOf } from './folders';
import { costOptionsOf, DEFAULT_SETTINGS, LockinSettings, pathSelected, SettingsCache } from './settings';
import { ChangeReason, OpenDocuments } from './openDocuments';
import { PanelPublisher } from './panelData';
import { ruleDocsLinks } from './ruleDocsLinks';
import { summarize } from './summary';
import { BackgroundStep, MessageActivity, UpdateQueue } from './updateQueue';
import { BackgroundUpdates } from './backgroundUpdates';
import { DocumentAnalysis } from './documentAnalysis';
import { ReportVersions } from './workspaceReports';

const SUMMARY_DELAY_MS = 250;
/** LOCKIN_LENS_TIMING=1 logs how long each document update took (the benchmark reads it). */
const TIMING = process.env.LOCKIN_LENS_TIMING === '1';

export class Session {
  readonly folders = new Folders();
  readonly versions = new ReportVersions();
  readonly settings: SettingsCache;
  trusted = true;
  configurationSupported = false;
  /** The editor said it takes `workspace/diagnostic/refresh` (VS Code does). */
  diagnosticRefreshSupported = false;
  /** Folder-level settings, for work that spans files (workspace reports, the summary). */
  private readonly folderSettings = new Map<FolderIndex, LockinSettings>();
  private summaryTimer?: NodeJS.Timeout;

  /** Updates run one at a time (see updateQueue.ts); open documents at their latest text (openDocuments.ts). */
  private readonly queue = new UpdateQueue((message) => this.log(message));
  readonly openDocuments: OpenDocuments;
  /** Files changed on disk and the catch-up of files an edit affected elsewhere (backgroundUpdates.ts). */
  private readonly background: BackgroundUpdates;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    activity: MessageActivity,
  ) {
    this.settings = new SettingsCache(connection, () => this.configurationSupported);
    const analysis = new DocumentAnalysis(this, activity);
    this.openDocuments = new OpenDocuments(documents, this.queue, activity, (uri, text, reason, superseded) =>
      analysis.apply(uri, text, reason, superseded),
    );
    this.background = new BackgroundUpdates(this, this.queue);
  }

  log(message: string): void {
    this.connection.console.log(`[lockin-lens] ${message}`);
  }

  /**
   * Asks the editor to pull diagnostics again. Only an editor that said it can is asked, and one that
   * answers with an error is logged, not fatal: an unhandled rejection would end the server.
   */
  refreshDiagnostics(): void {
    if (!this.diagnosticRefreshSupported) return;
    this.connection.languages.diagnostics
      .refresh()
      .catch((e: Error) => this.log(`diagnostics refresh declined: ${e.message}`));
  }

  readonly docsHref = ruleDocsLinks();

  async addFolder(uri: string): Promise<FolderIndex> {
    const root = fileURLToPath(uri);
    const settings = await this.settings.get(uri);
    const started = performance.now();
    const folder = new FolderIndex(root, this.loadRules(root, settings));
    if (TIMING)
      this.log(
        `timing: rules for ${root} loaded in ${(performance.now() - started).toFixed(1)} ms (process up ` +
          `${Math.round(performance.now())} ms)`,
      );
    this.folderSettings.set(folder, settings);
    this.folders.add(folder);
    return folder;
  }

  private loadRules(root: string, settings: LockinSettings) {
    const set = rulesFor(root, { trusted: this.trusted, ruleFolders: settings.ruleFolders });
    for (const error of set.errors) {
      const file = relative(root, error.file) || error.file;
      this.log(`rule file ${file}: ${error.message}`);
      this.connection.sendNotification(ShowMessageOnceNotification, {
        key: `rules:${error.file}`,
        message: `Lock-in Lens could not load rule ${file}: ${error.message}`,
      });
    }
    return set;
  }

  /** Indexes every folder in the background, then lets the editor pull everything. */
  async indexFolders(folders: FolderIndex[]): Promise<void> {
    for (const folder of folders) {
      const started = performance.now();
      await folder.indexAll();
      for (const e of folder.errors) this.log(`${e.file}: ${e.message}`);
      this.log(
        `indexed ${folder.root}: ${folder.state.scans.size} files in ${Math.round(performance.now() - started)} ms`,
      );
      this.versions.bump([...folder.findings.keys()].map((rel) => uriOf(folder, rel)));
    }
    this.refreshDiagnostics();
    this.scheduleSummary(0);
    // What indexing read and parsed is garbage now. Collected after the first report (the timers run
    // in order): a full collection of a large workspace's heap takes a few hundred ms.
    setTimeout(releaseFreedMemory, 0);
  }

  locate(uri: string): { folder: FolderIndex; rel: string } | undefined {
    return this.folders.forUri(uri, (root) => new FolderIndex(root, this.loadRules(root, DEFAULT_SETTINGS)));
  }

  /** Runs an update after those received before it (documents' analyses, settings, folders). */
  enqueue(work: () => Promise<void> | void): Promise<void> {
    return this.queue.run(work);
  }

  /** Runs work off the keystroke path in background slices (see updateQueue.ts). */
  inBackground(key: string, step: BackgroundStep): void {
    this.queue.inBackground(key, step);
  }

  /** Resolves once every update received so far has been applied (not the analysis of edits still quiet). */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  /** Edits are only noted here; the latest text is analysed when pulled or quiet (openDocuments.ts). */
  documentChanged(document: TextDocument, reason: ChangeReason): void {
    this.openDocuments.changed(document.uri, reason);
    this.panel.edited();
  }

  documentClosed(document: TextDocument): void {
    this.openDocuments.closed(document.uri);
    void this.enqueue(() => {
      const located = this.locate(document.uri);
      if (located)
        this.guard(document.uri, () => this.afterChange(located.folder, located.folder.closeDocument(located.rel)));
    });
  }

  /** Files changed on disk (the editor's file watcher): read in the background, a slice at a time. */
  filesChanged(events: FileEvent[]): void {
    this.background.filesChanged(events);
  }

  /** Settings changed: forget cached settings, reload rules where rule folders changed, re-pull. */
  configurationChanged(): Promise<void> {
    this.settings.clear();
    return this.enqueue(() => this.reloadConfiguration());
  }

  private async reloadConfiguration(): Promise<void> {
    for (const folder of this.folders.all()) {
      const settings = await this.settings.get(pathToFileURL(folder.root).toString());
      const before = this.folderSettings.get(folder);
      this.folderSettings.set(folder, settings);
      if (JSON.stringify(before?.ruleFolders) !== JSON.stringify(settings.ruleFolders))
        folder.replaceRules(this.loadRules(folder.root, settings));
      this.versions.bump([...folder.findings.keys()].map((rel) => uriOf(folder, rel)));
    }
    this.refreshDiagnostics();
    this.scheduleSummary(0);
  }

  /**
   * Diagnostics of one file under the settings that apply to it, at the document's latest text; or
   * undefined when the request was cancelled meanwhile. A file that is not open waits for files
   * changed on disk to be read too; an open one does not wait for that background work.
   */
  async diagnosticsFor(
    uri: string,
    token: CancellationToken = CancellationToken.None,
  ): Promise<Diagnostic[] | undefined> {
    if (!(await this.openDocuments.current(uri, token))) return undefined;
    if (!this.documents.get(uri)) await this.queue.idle();
    if (TIMING) this.log(`timing: diagnostics for ${uri} after process up ${Math.round(performance.now())} ms`);
    const located = this.locate(uri);
    if (!located) return [];
    const settings = await this.settings.get(uri);
    return this.diagnosticsWith(located.folder, located.rel, settings);
  }

  diagnosticsWith(folder: FolderIndex, rel: string, settings: LockinSettings): Diagnostic[] {
    if (!pathSelected(settings, rel)) return [];
    folder.freshen(rel);
    return this.diagnosticsMade.of(folder.findings.get(rel) ?? [], settings);
  }

  readonly diagnosticsMade = new DiagnosticsCache(this.docsHref);

  folderSettingsOf(folder: FolderIndex): LockinSettings {
    return this.folderSettings.get(folder) ?? DEFAULT_SETTINGS;
  }

  findingsAt(uri: string): { findings: Finding[]; folder: FolderIndex } | undefined {
    const located = this.locate(uri);
    return located && { findings: located.folder.findings.get(located.rel) ?? [], folder: located.folder };
  }

  /** Notes files whose findings changed: new report versions, a refresh, the summary, the catch-up. */
  afterChange(folder: FolderIndex, changed: string[], edited?: string): void {
    if (changed.length > 0) {
      this.versions.bump(changed.map((rel) => uriOf(folder, rel)));
      // The edited document is re-pulled by the editor itself; others need a refresh.
      if (changed.some((rel) => rel !== edited)) this.refreshDiagnostics();
      this.scheduleSummary();
    }
    if (folder.hasStaleFiles()) this.background.scheduleCatchUp(folder);
  }

  /** Sends the workspace totals once updates have paused for `delayMs` (a finished index waits for none). */
  scheduleSummary(delayMs = SUMMARY_DELAY_MS): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      // Edits still to be checked come first: the workspace totals wait for them (a burst of edits or
      // fast typing would otherwise meet this computation, and a hover wait behind it).
      if (!this.openDocuments.allCurrent()) return this.scheduleSummary();
      this.connection.sendNotification(SummaryChangedNotification, this.summary());
      // The lock-in panel's model, from the same findings, in a task of its own: a request that
      // arrived meanwhile is answered in between (each is a cost estimate of the whole workspace).
      setImmediate(() => this.panel.publish());
    }, delayMs);
  }

  private readonly panel = new PanelPublisher(this);

  summary(ms = 0) {
    const first = this.folders.all()[0]; // one estimate for the workspace: the first folder's cost settings apply
    return summarize(
      this.folders.workspace(),
      (folder, findings) => visibleFindings(findings, this.folderSettingsOf(folder)),
      ms,
      first ? costOptionsOf(this.folderSettingsOf(first)) : {},
    );
  }

  /** The server never crashes on a file: a failure is logged and the file is skipped (returns false). */
  guard(uri: string, work: () => void): boolean {
    try {
      work();
      return true;
    } catch (e) {
      this.logFailure(uri, e);
      return false;
    }
  }

  logFailure(uri: string, e: unknown): void {
    this.log(`failed on ${uri}: ${(e as Error).stack ?? e}`);
  }
}
