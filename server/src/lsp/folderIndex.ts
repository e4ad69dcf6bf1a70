// One workspace folder as the language server sees it: the engine's WorkspaceState, filled in the
// background from disk, overlaid by open documents, and kept current file by file. An edit re-scans
// the edited file; only when its exports change are the files that import it re-evaluated.

import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileFilter } from '../engine/audit';
import { ScanCache } from '../engine/cache/scanCache';
import { RuleIndex } from '../engine/context';
import { forgetClosedTrees, forgetTree } from '../engine/js/treeCache';
import { workspaceImports } from '../engine/match';
import type { RuleSet } from '../engine/rules/load';
import { ruleAppliesTo } from '../engine/rules/model';
import { sameFindings } from '../engine/findings';
import { FindingsMemo } from '../engine/findingsMemo';
import { type FileScan, NO_FACTS } from '../engine/scan/scanFile';
import type { Finding, RawHit, ScanError } from '../engine/types';
import { DEFAULT_MAX_FILE_BYTES, readForScan } from '../engine/workspace/readFile';
import { isProjectConfig } from '../engine/workspace/aliases';
import { hasText, releaseClosedTexts } from '../engine/workspace/closedTexts';
import { walkSkips, walkWorkspace } from '../engine/workspace/walk';
import { WorkspaceState } from '../engine/workspaceState';

/** Imports loaded from disk on demand before the background index reaches them. */
const MAX_IMPORT_DEPTH = 4;

export interface IndexProgress {
  report(done: number, total: number): void;
  isCancelled(): boolean;
}

export class FolderIndex {
  state: WorkspaceState;
  /** Findings per root-relative file, recomputed only for files an update touched. */
  readonly findings = new Map<string, Finding[]>();
  readonly errors: ScanError[] = [];
  /** Files whose text comes from the editor, not the disk. */
  private readonly open = new Set<string>();
  /** Open documents' findings, kept for the next edit to take over what it did not touch. */
  readonly memos = new Map<string, FindingsMemo>();
  private wanted: (rel: string) => boolean;
  indexed = false;
  skipped = 0;

  constructor(readonly root: string, private ruleSet: RuleSet) {
    this.state = new WorkspaceState(new RuleIndex(ruleSet));
    this.wanted = fileFilter(ruleSet);
  }

  relativePath(fsPath: string): string | undefined {
    const rel = relative(this.root, fsPath);
    if (rel.startsWith('..') || rel === '' || /^[a-zA-Z]:/.test(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  contains(fsPath: string): boolean {
    return this.relativePath(fsPath) !== undefined;
  }

  isWanted(rel: string): boolean {
    return this.wanted(rel);
  }

  /** Reads and scans every file of the folder, yielding between files so requests keep flowing. */
  async indexAll(progress?: IndexProgress): Promise<void> {
    this.errors.length = 0;
    const walked = walkWorkspace(this.root, { wanted: this.wanted });
    this.errors.push(...walked.errors);
    this.skipped = walked.skipped.length;
    const configs = walked.files.filter((f) => isProjectConfig(f));
    const configTexts: [string, string][] = [];
    for (const file of configs) this.loadFromDisk(file, { configOnly: true, seen: configTexts });
    // Scans of closed files come from the cache of an earlier session where their text is the same;
    // so do cross-file results, while every file and open document is as it was then.
    const cache = ScanCache.open(this.root, this.ruleSet, configTexts, true);
    if (cache) cache.withLinked = true;
    this.state.scanCache = cache;
    const present = new Set(walked.files);
    for (const file of [...this.state.scans.keys()]) if (!present.has(file) && !this.open.has(file)) this.state.removeFile(file);
    let done = 0;
    for (const file of walked.files) {
      if (progress?.isCancelled()) break;
      if (!this.open.has(file)) this.loadFromDisk(file);
      progress?.report(++done, walked.files.length);
      if (done % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const file of this.open) cache?.noteOpenText(file, this.state.scans.get(file)?.text ?? '');
    this.state.reachPlatformModules();
    this.recomputeAll();
    forgetClosedTrees(); // the index keeps facts and findings; trees of closed files are parsed again if needed
    if (!progress?.isCancelled()) this.state.scanCache?.save();
    this.state.scanCache = undefined;
    this.state.forgetBatchMemos();
    this.releaseClosedTexts();
    // Problems the rules themselves ran into (a custom pattern stopped for overrunning its budget).
    for (const error of this.state.index.errors) this.errors.push(error);
    this.indexed = !progress?.isCancelled();
  }

  /**
   * Lets go of the texts of closed files that no check spanning files reads (closedTexts.ts): they
   * are read back from disk when asked. One found changed there is scanned again by catchUp.
   */
  private releaseClosedTexts(): void {
    const isOpen = (rel: string) => this.open.has(rel);
    const onChanged = (rel: string) => this.changedOnDisk.add(rel);
    releaseClosedTexts(this.state.scans.values(), this.state.index.rules, this.root, isOpen, onChanged);
  }

  /** Closed files whose text, read back from disk, was not the one scanned: to scan again. */
  private readonly changedOnDisk = new Set<string>();

  /** Replaces the rules (settings or trust changed): the state is rebuilt from the same texts. */
  replaceRules(ruleSet: RuleSet): void {
    const texts = [...this.state.scans.values()].map((s) => [s.file, s.text] as const);
    this.wanted = fileFilter(ruleSet);
    this.ruleSet = ruleSet;
    this.state = new WorkspaceState(new RuleIndex(ruleSet));
    for (const [file, text] of texts) if (isProjectConfig(file)) this.state.addConfig(file, text);
    for (const [file, text] of texts) this.state.setFile(file, text);
    this.recomputeAll();
  }

  isOpen(rel: string): boolean {
    return this.open.has(rel);
  }

  /**
   * Scans an open document's text without taking it in (see takeOpenScan). The audit's size limit
   * holds for open documents too: a bundle or a dump of megabytes is not checked (its checks could
   * hold the server for seconds at every keystroke).
   */
  scanOpenText(rel: string, text: string): FileScan | undefined {
    return text.length > DEFAULT_MAX_FILE_BYTES ? undefined : this.state.scanOpen(rel, text);
  }

  /** scanOpenText a step at a time (the session answers requests between steps, see scanSteps). */
  *scanOpenSteps(rel: string, text: string): Generator<void, FileScan | undefined, void> {
    return text.length > DEFAULT_MAX_FILE_BYTES ? undefined : yield* this.state.scanOpenSteps(rel, text);
  }

  /** Takes in an open document's scan of `text` (none: too large). Returns the files whose findings changed. */
  takeOpenScan(rel: string, text: string, scan: FileScan | undefined): string[] {
    this.open.add(rel);
    if (!this.memos.has(rel)) this.memos.set(rel, new FindingsMemo());
    if (!scan) return this.remove(rel);
    if (this.scannedAlike(scan)) {
      // Opened as indexed (the usual open): what other files read of it has not moved, so nothing
      // else is to catch up; its own findings are made again to seed the memo for the next edit.
      this.refreshFindings(rel);
      return [rel];
    }
    if (isProjectConfig(rel)) this.state.addConfig(rel, text);
    return this.noteUpdate(rel, this.state.takeScan(scan));
  }

  /** Was the same text already taken in, parsed (facts depend on the text alone for the same rules)? */
  private scannedAlike(scan: FileScan): boolean {
    const before = this.state.scans.get(scan.file);
    return before !== undefined && hasText(before, scan.text) && before.parsed && before.facts !== undefined
      && before.facts !== NO_FACTS && before.errors.length === 0;
  }

  /** What went wrong checking this file, for the log: scan errors, or why it was not checked. */
  problemsOf(rel: string, text: string): string[] {
    if (text.length > DEFAULT_MAX_FILE_BYTES)
      return [`not checked: larger than ${DEFAULT_MAX_FILE_BYTES / 1024} KB, the size limit of the audit`];
    return this.state.scans.get(rel)?.errors ?? [];
  }

  /** The document was closed: the disk is authoritative again. */
  closeDocument(rel: string): string[] {
    this.open.delete(rel);
    this.memos.delete(rel);
    forgetTree(rel); // kept for the next keystroke, which will not come
    return this.reloadFromDisk(rel);
  }

  /**
   * A watched file changed on disk (ignored while the editor holds it open). Files the audit's
   * walk leaves out (dependencies, build output, gitignored) stay out, as they would in an audit.
   */
  reloadFromDisk(rel: string): string[] {
    if (this.open.has(rel)) return [];
    const abs = join(this.root, rel);
    if (!existsSync(abs) || !this.wanted(rel) || walkSkips(this.root, rel)) return this.remove(rel);
    try {
      const read = readForScan(abs);
      if (!('text' in read)) return this.remove(rel);
      // The text as scanned (a document closed after saving, a watcher echoing a save): nothing moved.
      // Scanning it again held the server for a third of a second on a 5,000-line file.
      const scan = this.state.scans.get(rel);
      return scan && hasText(scan, read.text) ? [] : this.update(rel, read.text);
    } catch {
      return this.remove(rel);
    }
  }

  remove(rel: string): string[] {
    if (!this.state.scans.has(rel)) return [];
    const importers = this.dependentsOf(rel);
    const { linkedChanged } = this.state.removeFile(rel);
    this.findings.delete(rel);
    for (const file of [...linkedChanged, ...importers]) this.stale.add(file);
    if (this.touchesWorkspaceChecks(rel)) this.workspaceChecksStale = true;
    return [rel];
  }

  /**
   * Loads the workspace modules a file imports (and theirs) from disk when the background index
   * has not reached them yet, so the first diagnostics of an opened file already see its client.
   */
  ensureImports(rel: string, depth = 0): void {
    const facts = this.state.scans.get(rel)?.facts;
    if (!facts || depth >= MAX_IMPORT_DEPTH) return;
    for (const spec of workspaceImports(facts)) {
      if (this.state.resolver.resolveFile(rel, spec)) continue;
      const target = this.state.resolver.candidates(rel, spec).find((c) => existsSync(join(this.root, c)));
      if (target && this.loadFromDisk(target, { forceParse: true })) {
        this.refreshFindings(target);
        this.ensureImports(target, depth + 1);
      }
    }
    this.refreshFindings(rel);
  }

  private loadFromDisk(rel: string, options: { configOnly?: boolean; forceParse?: boolean; seen?: [string, string][] } = {}): boolean {
    try {
      const read = readForScan(join(this.root, rel));
      if (!('text' in read)) return false;
      if (options.configOnly) {
        options.seen?.push([rel, read.text]);
        const problem = this.state.addConfig(rel, read.text);
        if (problem) this.errors.push({ file: rel, message: problem });
        return true;
      }
      const { scan } = this.state.setFile(rel, read.text, { forceParse: options.forceParse });
      for (const message of scan.errors) this.errors.push({ file: rel, message });
      return true;
    } catch (e) {
      this.errors.push({ file: rel, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return false;
    }
  }

  /**
   * Re-scans one file and recomputes its findings now. What the change means for other files
   * (importers, linked checks that read it, migrations read as one schema) is only noted here and
   * computed by catchUp(), so a keystroke pays for the edited file alone.
   */
  private update(rel: string, text: string, forceParse = false): string[] {
    if (isProjectConfig(rel)) this.state.addConfig(rel, text);
    const result = this.state.setFile(rel, text, { forceParse, keepTree: forceParse });
    if (!forceParse) this.state.reachFile(rel);
    return this.noteUpdate(rel, result);
  }

  private noteUpdate(rel: string, { exportsChanged, linkedChanged }: { exportsChanged: boolean; linkedChanged: string[] }): string[] {
    this.refreshFindings(rel);
    for (const file of linkedChanged) if (file !== rel) this.stale.add(file);
    if (exportsChanged) this.exportsChangedIn.add(rel);
    if (this.touchesWorkspaceChecks(rel)) this.workspaceChecksStale = true;
    return [rel];
  }

  /**
   * Recomputes a file's findings. When they come out as they were (most keystrokes), the previous
   * list stays: its diagnostics are reused, and the new copies die young instead of piling up.
   */
  private refreshFindings(rel: string): void {
    const findings = this.state.findingsFor(rel, this.memos.get(rel));
    const previous = this.findings.get(rel);
    this.findings.set(rel, previous && sameFindings(previous, findings) ? previous : findings);
  }

  private readonly stale = new Set<string>();
  private readonly exportsChangedIn = new Set<string>();
  private workspaceChecksStale = false;

  /**
   * Brings one file up to date ahead of catchUp(), when the editor asks for it: it may read a file
   * edited a moment ago, or import one whose exports changed.
   */
  freshen(rel: string): void {
    const facts = this.state.scans.get(rel)?.facts;
    const importsChanged = facts !== undefined && this.exportsChangedIn.size > 0
      && (facts.starExports.length > 0 || workspaceImports(facts).some((spec) => this.importsChanged(rel, spec)));
    if (this.stale.delete(rel) || importsChanged) this.refreshFindings(rel);
  }

  /** Does this import of `rel` name a file whose exports changed? */
  private importsChanged(rel: string, spec: string): boolean {
    return this.exportsChangedIn.has(this.state.resolver.resolveFile(rel, spec) ?? '');
  }

  /** Is there work left from earlier updates for catchUp()? */
  hasStaleFiles(): boolean {
    const pending = this.stale.size + this.exportsChangedIn.size + this.changedOnDisk.size;
    return pending > 0 || this.workspaceChecksStale;
  }

  /**
   * Recomputes the findings of files that earlier updates affected, until the deadline (at least
   * one file); returns those files, and whether some are left for the next call.
   */
  catchUp(deadline = Infinity): { changed: string[]; more: boolean } {
    // What is left becomes a list of files first (cheap but for the prefilter's second pass).
    if (this.exportsChangedIn.size > 0) {
      for (const file of this.state.reachPlatformModules()) this.stale.add(file);
      for (const rel of this.exportsChangedIn) for (const file of this.dependentsOf(rel)) this.stale.add(file);
      this.exportsChangedIn.clear();
    }
    if (this.workspaceChecksStale) for (const file of this.workspaceHitsMoved()) this.stale.add(file);
    this.workspaceChecksStale = false;
    const changed: string[] = [];
    for (const file of this.stale) {
      if (changed.length > 0 && performance.now() >= deadline) break;
      this.stale.delete(file);
      if (this.state.scans.has(file)) this.refreshFindings(file);
      changed.push(file);
    }
    // Texts read back (the findings above, the checks before) that had changed on disk meanwhile:
    // those files are scanned again now, so no findings made from the old scan stay shown.
    for (const file of this.changedOnDisk) changed.push(...this.reloadChanged(file));
    const more = this.stale.size > 0;
    if (!more) this.releaseClosedTexts(); // of files scanned again meanwhile
    return { changed, more };
  }

  private reloadChanged(rel: string): string[] {
    this.changedOnDisk.delete(rel);
    return this.reloadFromDisk(rel);
  }

  /** Files importing `rel` (and every barrel file, since re-exports chain). */
  private dependentsOf(rel: string): string[] {
    const out: string[] = [];
    for (const [file, scan] of this.state.scans) {
      if (file === rel || !scan.facts) continue;
      const targets = workspaceImports(scan.facts).map((spec) => this.state.resolver.resolveFile(file, spec));
      if (targets.includes(rel) || scan.facts.starExports.length > 0) out.push(file);
    }
    return out;
  }

  private touchesWorkspaceChecks(rel: string): boolean {
    return this.workspaceCheckRules().some((r) => ruleAppliesTo(r, rel));
  }

  /** Workspace-check hits as the findings last took them in (undefined: not known, see recomputeAll). */
  private seenWorkspaceHits?: ReadonlyMap<string, RawHit[]>;

  /**
   * Files whose workspace-check hits are not what their findings hold. A check reading every
   * TypeScript file (Drizzle schemas) runs again after any edit of one, and its results rarely move:
   * re-making the findings of every file it reads cost the catch-up seconds on a large workspace.
   */
  private workspaceHitsMoved(): string[] {
    const before = this.seenWorkspaceHits;
    const now = this.state.workspaceHits();
    this.seenWorkspaceHits = now;
    if (!before) return this.workspaceCheckFiles();
    const files = new Set([...before.keys(), ...now.keys()]);
    return [...files].filter((file) => !sameHits(before.get(file), now.get(file)));
  }

  private workspaceCheckFiles(): string[] {
    const rules = this.workspaceCheckRules();
    return [...this.state.scans.keys()].filter((f) => rules.some((r) => ruleAppliesTo(r, f)));
  }

  private workspaceCheckRules() {
    return this.state.index.rules.filter((r) => r.matcher.type === 'check' && r.matcher.check.scope === 'workspace');
  }

  private recomputeAll(): void {
    this.stale.clear();
    this.exportsChangedIn.clear();
    this.workspaceChecksStale = false;
    this.findings.clear();
    for (const file of this.state.scans.keys()) this.refreshFindings(file);
    this.seenWorkspaceHits = this.state.workspaceHits();
  }
}

function sameHits(a: RawHit[] = [], b: RawHit[] = []): boolean {
  return a.length === b.length && a.every((hit, i) => JSON.stringify(hit) === JSON.stringify(b[i]));
}
