// Open documents are analysed at their latest version only. An edit only notes that the text changed
// (TextDocuments already holds the new text, updated in place); the analysis runs when the editor
// pulls the document's diagnostics, or after a short quiet period, for whatever version is newest
// then. A burst of 300 edits costs one analysis, and typing never builds a backlog: a version
// overtaken while it is analysed is dropped at the next safe point and never reported.

import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MessageActivity, UpdateQueue } from './updateQueue';

export type ChangeReason = 'open' | 'change' | 'save';

/**
 * Analyses one text of a document; resolves false when it dropped the work at a safe point because
 * `superseded()` said a newer text had arrived (then nothing of it was taken in).
 */
export type Analyse = (uri: string, text: string, reason: ChangeReason, superseded: () => boolean) => Promise<boolean>;

/** How long after the last edit an open document is analysed when the editor has not asked. */
const QUIET_MS = 120;

export class OpenDocuments {
  /** Documents whose latest text is not analysed yet, with the strongest reason seen since. */
  private readonly pending = new Map<string, ChangeReason>();
  /** The version whose text the findings held for each document come from. */
  private readonly analysed = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly queue: UpdateQueue,
    private readonly activity: MessageActivity,
    private readonly analyseText: Analyse,
  ) {}

  /** An open, edit or save: noted; opening and saving are analysed at once, edits when quiet. */
  changed(uri: string, reason: ChangeReason): void {
    this.note(uri, reason);
    clearTimeout(this.timers.get(uri));
    if (reason === 'change') this.timers.set(uri, setTimeout(() => void this.analyse(uri), QUIET_MS));
    else void this.analyse(uri);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.pending.delete(uri);
    this.analysed.delete(uri);
  }

  /** Are the findings held for this document those of its latest text (or is it not open)? */
  isCurrent(uri: string): boolean {
    const document = this.documents.get(uri);
    return !document || this.analysed.get(uri) === document.version;
  }

  /** Are the findings of every open document those of its latest text? */
  allCurrent(): boolean {
    return this.documents.all().every((document) => this.analysed.get(document.uri) === document.version);
  }

  /** Was the document opened and never analysed since? */
  isNew(uri: string): boolean {
    return this.pending.get(uri) === 'open';
  }

  /**
   * Brings a document's findings to its latest text for a pull, with the edits of other open
   * documents received so far (it may import one). Returns false when the request was cancelled
   * meanwhile (its answer would be dropped). Loops while edits overtake the analysis: what it
   * answers is never older than the last edit received.
   */
  async current(uri: string, token: CancellationToken): Promise<boolean> {
    for (;;) {
      if (token.isCancellationRequested) return false;
      await this.analysePending();
      await this.queue.settled();
      // Safe point: edits and the cancellation of this request that arrived meanwhile are heard.
      await this.activity.quiet();
      if (token.isCancellationRequested) return false;
      if (!this.pending.has(uri) || !this.documents.get(uri)) return true;
    }
  }

  /** Queues the analysis of every open document with edits not analysed yet; resolves when done. */
  async analysePending(): Promise<void> {
    await Promise.all([...this.pending.keys()].filter((uri) => this.documents.get(uri)).map((uri) => this.analyse(uri)));
  }

  /** Queues the analysis of the document's latest text (once, however often asked before it runs). */
  analyse(uri: string): Promise<void> {
    let queued = this.queued.get(uri);
    if (!queued) this.queued.set(uri, (queued = this.queue.run(() => this.analyseLatest(uri))));
    return queued;
  }

  private async analyseLatest(uri: string): Promise<void> {
    this.queued.delete(uri);
    if (!this.pending.has(uri) || !this.documents.get(uri)) return;
    // The edits already received reach the document first: a burst is analysed once, at its end.
    await this.activity.quiet();
    const document = this.documents.get(uri);
    const reason = this.pending.get(uri);
    if (!document || !reason) return;
    clearTimeout(this.timers.get(uri));
    this.pending.delete(uri);
    const version = document.version;
    const superseded = () => this.documents.get(uri)?.version !== version;
    const finished = await this.analyseText(uri, document.getText(), reason, superseded);
    if (finished && this.documents.get(uri)) this.analysed.set(uri, version);
    else if (this.documents.get(uri)) this.note(uri, reason);
  }

  private note(uri: string, reason: ChangeReason): void {
    const before = this.pending.get(uri);
    this.pending.set(uri, before === 'open' || reason === 'open' ? 'open' : before === 'save' ? 'save' : reason);
  }
}
