// The engine's picture of one workspace: a scan per file plus what spans files (aliases, exports,
// workspace checks). The CLI fills it once; the language server keeps it and updates single files.

import type { ScanCache } from './cache/scanCache';
import type { RuleIndex } from './context';
import { LineMap, toFindings } from './findings';
import type { FindingsMemo } from './findingsMemo';
import type { FactContext, JsFacts } from './js/facts';
import { LinkedHits } from './linkedHits';
import { memberHits } from './match';
import { PlatformReach } from './platformReach';
import { isRelativeSpecifier } from './modules';
import type { CompiledRule } from './rules/model';
import { FileScan, scanFile, ScanOptions, scanSteps } from './scan/scanFile';
import type { Finding, RawHit } from './types';
import { describeFailure } from './util/failure';
import { AliasTable, isProjectConfig } from './workspace/aliases';
import { FactCompactor } from './workspace/compactFacts';
import { ContextTable } from './workspace/contextTable';
import { SELF_SPEC } from './js/callSites';
import { ParamTable } from './workspace/paramTable';
import { Resolver } from './workspace/resolve';
import { WorkspaceChecks } from './workspaceChecks';

const SUPPRESSION = /lockin-lens-ignore-next-line\s+([\w/, -]+?)\s+--\s+\S/;

export class WorkspaceState {
  readonly scans = new Map<string, FileScan>();
  private readonly context = new ContextTable(this.scans);
  private readonly params: ParamTable;
  readonly aliases = new AliasTable();
  readonly resolver: Resolver;
  /** Replaced (not changed) when aliases change, so facts remembered for the old one are not reused. */
  factContext: FactContext;
  private readonly rulesById: Map<string, CompiledRule>;
  private readonly workspaceChecks: WorkspaceChecks;
  private readonly linked: LinkedHits;
  private readonly reach: PlatformReach;
  private cache?: ScanCache;
  private readonly compactor = new FactCompactor();
  /** Above 0 while many files are taken in at once (see batch). */
  private batchDepth = 0;

  /** Scans of earlier runs by content hash (batch scans only: an open document keeps its tree). */
  get scanCache(): ScanCache | undefined {
    return this.cache;
  }

  set scanCache(cache: ScanCache | undefined) {
    this.cache = cache;
    this.linked.store = cache?.linkedStore();
  }

  /**
   * Second pass of the prefilter (platformReach.ts): parses the JS files it let through unparsed that
   * mention a workspace module exporting a platform binding, until no such file is left. Returns the
   * files it parsed. A second audit of an unchanged workspace parses the files the pack lists.
   */
  reachPlatformModules(): string[] {
    return this.batch(() => {
      const remembered = this.cache?.recallWhole<string[]>('reach');
      if (remembered) {
        for (const file of remembered) {
          const scan = this.scans.get(file);
          if (scan) this.parseDeferred(scan);
        }
        return remembered;
      }
      const parsed = this.reach.rounds();
      this.cache?.keepWhole('reach', parsed);
      return parsed;
    });
  }

  /**
   * Runs `load`, which takes many files in (a whole folder). A callee that a loaded file passes a
   * platform value to is then not parsed as each caller arrives: reachPlatformModules parses them all
   * from the complete table, each value resolved once rather than once per arriving caller (on the
   * corpus the per-caller way cost about 5 s of CPU, the resolver memo being cleared by every file).
   */
  batch<T>(load: () => T): T {
    this.batchDepth++;
    try {
      return load();
    } finally {
      this.batchDepth--;
    }
  }

  /** The same for one file that was just (re)scanned unparsed: parse it if it reaches a platform module. */
  reachFile(file: string): boolean {
    const scan = this.scans.get(file);
    if (!scan || !this.reach.reaches(scan)) return false;
    this.parseDeferred(scan);
    return true;
  }

  /** Parses a file the prefilter left unparsed. */
  private parseDeferred(scan: FileScan): void {
    this.setFile(scan.file, scan.text, { forceParse: true });
  }

  constructor(readonly index: RuleIndex, private readonly prefilter = true) {
    this.rulesById = new Map(index.rules.map((r) => [r.id, r]));
    this.workspaceChecks = new WorkspaceChecks(index.rules, (ruleId, e) => this.checkFailed('.', ruleId, e));
    const allFacts = () => [...this.scans].map(([file, scan]): [string, JsFacts | undefined] => [file, scan.facts]);
    this.params = new ParamTable(allFacts, (from, spec) => this.resolver.resolveFile(from, spec));
    const passed = (file: string, key: string, index: number) => this.params.passed(file, key, index);
    this.resolver = new Resolver({
      get: (file) => this.scans.get(file)?.facts,
      context: (key) => this.context.values().get(key),
      passed,
    }, this.aliases, true);
    const parse = (file: string, text: string) =>
      this.compacted(scanFile(file, text, index, this.factContext, { forceParse: true }), {}).facts;
    const failed = (file: string, ruleId: string, e: unknown) => this.checkFailed(file, ruleId, e);
    this.linked = new LinkedHits(index.rules, this.scans, this.aliases, parse, failed, passed);
    const { scans, resolver, aliases, context, params } = this;
    const parseDeferred = (s: FileScan) => this.parseDeferred(s);
    this.reach = new PlatformReach({ scans, resolver, aliases, index, context, params, parse: parseDeferred });
    this.factContext = {
      isTrackedModule: (m) => index.isTrackedModule(m),
      isWorkspaceSpec: (s) => isRelativeSpecifier(s) || (this.aliases.isAlias(s) && !index.isTrackedModule(s)),
      mapSpecifier: (s, file) => index.mapSpecifier(s) ?? (file === undefined ? undefined : this.aliases.mapModule(file, s)),
      isClientConstruction: (ref) => {
        const canonical = index.canonical(ref);
        return canonical.root.kind === 'client' && canonical.path.length === 0;
      },
      trackedGlobals: index.trackedGlobals,
      autoImport: (name, file) => {
        const found = index.autoImports.get(name)?.find((a) => this.aliases.dependsOn(file, a.dependency));
        return found && { root: { kind: 'module', module: found.module }, path: [found.exported] };
      },
    };
  }

  /**
   * Drops what only speeds up taking many files in (shared-string tables, resolution and rule
   * memos, the linked checks' listings of files), once a whole folder is in: after indexing the
   * corpus these held 35 MB, which the language server kept until edits happened to replace them.
   * Everything is made again on demand.
   */
  forgetBatchMemos(): void {
    this.compactor.forget();
    this.index.forgetMemos();
    this.resolver.forgetFiles();
    this.linked.forgetListings();
  }

  /** Project configs (tsconfig/jsconfig) go first: aliases decide what a workspace import is. */
  addConfig(file: string, text: string): string | undefined {
    this.filesChanged();
    this.factContext = { ...this.factContext };
    this.scanCache = undefined; // its scans were made with the old aliases
    return this.aliases.addConfig(file, text);
  }

  /**
   * Scans one file (the only parse an edit costs). Returns whether what it exports changed, in which
   * case files importing it may have new findings.
   */
  setFile(file: string, text: string, options: ScanOptions = {}): { scan: FileScan; exportsChanged: boolean; linkedChanged: string[] } {
    return this.takeScan(this.scan(file, text, { ...options, forceParse: !this.prefilter || options.forceParse }));
  }

  /**
   * Takes in a scan made for this state (setFile's second half). The language server scans an open
   * document first and takes the scan in only if no newer text arrived meanwhile (session.ts).
   */
  takeScan(scan: FileScan): { scan: FileScan; exportsChanged: boolean; linkedChanged: string[] } {
    const file = scan.file;
    const before = this.exportSignature(file);
    const dropped = this.scans.has(file) ? [] : this.filesChanged();
    this.context.changed(file, this.scans.get(file), scan);
    const callees = this.params.changed(file, this.scans.get(file)?.facts, scan.facts);
    this.scans.set(file, scan);
    this.resolver.forgetValues();
    this.invalidateWorkspaceHits(file);
    const readers = [...dropped, ...this.linked.invalidate(file), ...this.calleesChanged(file, callees)];
    const linkedChanged = [...new Set(readers)];
    return { scan, exportsChanged: before !== this.exportSignature(file), linkedChanged };
  }

  /** Scans an open document's text without taking it in (see takeScan): its tree is kept for the next edit. */
  scanOpen(file: string, text: string): FileScan {
    return scanFile(file, text, this.index, this.factContext, { forceParse: true, keepTree: true });
  }

  /** scanOpen a step at a time (see scanSteps): the language server answers requests between steps. */
  scanOpenSteps(file: string, text: string): Generator<void, FileScan, void> {
    return scanSteps(file, text, this.index, this.factContext, { forceParse: true, keepTree: true });
  }

  /** Scans a file as setFile would, without taking the result in (see adoptScan). */
  scanOnly(file: string, text: string): FileScan {
    return this.scan(file, text, { forceParse: !this.prefilter });
  }

  /** scanFile, or its result from the scan cache for the same text (and the same rules and configs). */
  private scan(file: string, text: string, options: ScanOptions): FileScan {
    const cache = options.keepTree ? undefined : this.scanCache;
    if (!cache) return this.compacted(scanFile(file, text, this.index, this.factContext, options), options);
    const forced = options.forceParse === true;
    const found = cache.lookup(file, text, forced, this.index);
    if (found.scan) return found.scan;
    const scan = this.compacted(scanFile(file, text, this.index, this.factContext, options), options);
    cache.store(scan, found.hash, forced, this.index);
    return scan;
  }

  /** Facts that keep no text alive (see compactFacts.ts); not an open document's, which its memo shares. */
  private compacted(scan: FileScan, options: ScanOptions): FileScan {
    if (!options.keepTree) this.compactor.compactScan(scan);
    return scan;
  }

  /** Takes a scan made by scanOnly, here or on a worker thread, for the same rules and text. */
  adoptScan(scan: FileScan): void {
    this.takeScan(scan);
  }

  /** Forgets a file. Returns other files whose linked-check results read it (now to recompute). */
  removeFile(file: string): { existed: boolean; linkedChanged: string[] } {
    this.context.changed(file, this.scans.get(file));
    const callees = this.params.changed(file, this.scans.get(file)?.facts);
    const existed = this.scans.delete(file);
    this.resolver.forgetValues();
    if (isProjectConfig(file)) this.aliases.removeConfig(file);
    const dropped = existed ? this.filesChanged() : [];
    this.invalidateWorkspaceHits(file);
    const readers = [...dropped, ...this.linked.invalidate(file), ...this.calleesChanged(file, callees)];
    const linkedChanged = [...new Set(readers)].filter((f) => f !== file);
    return { existed, linkedChanged };
  }

  /**
   * Files declaring functions that `file` now passes other values to: their parameters' placeholders
   * resolve anew, so their findings (and linked results that read them) are to be recomputed.
   */
  private calleesChanged(file: string, callees: string[]): string[] {
    const out: string[] = [];
    for (const callee of callees) {
      if (callee === file) continue;
      // A file the prefilter left unparsed has no placeholders yet: it needs its parse now, if
      // what it is given is a platform value (as reachPlatformModules decides for a whole scan).
      const scan = this.scans.get(callee);
      const deferred = this.batchDepth > 0; // reachPlatformModules parses it (see batch)
      if (!deferred && scan?.kind === 'js' && !scan.parsed && this.passesPlatformValue(file, callee)) {
        this.setFile(callee, scan.text, { forceParse: true });
      }
      out.push(callee, ...this.linked.invalidate(callee));
    }
    return out;
  }

  /** Does `file` pass a platform value to a function of `callee`? */
  private passesPlatformValue(file: string, callee: string): boolean {
    return (this.scans.get(file)?.facts?.args ?? []).some((arg) => {
      const target = arg.spec === SELF_SPEC ? file : this.resolver.resolveFile(file, arg.spec);
      return target === callee && this.resolver.isPlatformValue(file, arg.ref);
    });
  }

  /** A file appeared or went away: imports may resolve differently. */
  private filesChanged(): string[] {
    this.resolver.forgetFiles();
    this.params.forget();
    return this.linked.forgetAll();
  }

  /** Workspace checks (SQL across migrations, …) are recomputed only when one of their files changes. */
  private invalidateWorkspaceHits(file: string): void {
    this.workspaceChecks.changed(file);
  }

  private exportSignature(file: string): string {
    const facts = this.scans.get(file)?.facts;
    return facts ? JSON.stringify([facts.exports, facts.starExports, facts.context]) : '';
  }

  private readonly reportedFailures = new Set<string>();

  /** A cross-file check that threw is reported once with the rules' own problems (index.errors). */
  private checkFailed(file: string, ruleId: string, e: unknown): void {
    const message = `rule ${ruleId} failed on this file: ${describeFailure(e)}`;
    if (this.reportedFailures.has(`${file}\0${message}`)) return;
    this.reportedFailures.add(`${file}\0${message}`);
    this.index.errors.push({ file, message });
  }

  rule(id: string): CompiledRule | undefined {
    return this.rulesById.get(id);
  }

  /**
   * Findings for one file, in position order, after suppression comments. With a memo (an open
   * document), findings on lines the last edit left alone are taken over (findingsMemo.ts).
   */
  findingsFor(file: string, memo?: FindingsMemo): Finding[] {
    const scan = this.scans.get(file);
    if (!scan) return [];
    // Loops, not push(...): a minified bundle can hold more hits than a call takes arguments.
    const hits = scan.hits.slice();
    for (const hit of this.workspaceHits().get(file) ?? []) hits.push(hit);
    for (const hit of this.linked.hitsFor(file)) hits.push(hit);
    if (scan.facts) for (const hit of memberHits(file, scan.facts, this.index, this.resolver)) hits.push(hit);
    if (hits.length === 0) return []; // most files: nothing to place, fingerprint or suppress
    return unsuppressed(toFindings(file, scan.text, hits, this.rulesById, memo), scan.text);
  }

  allFindings(): Finding[] {
    const files = [...this.scans.keys()].sort();
    return files.flatMap((file) => this.findingsFor(file));
  }

  /** Hits of workspace checks (SQL migrations read in order, …) by file, computed once per change. */
  workspaceHits(): ReadonlyMap<string, RawHit[]> {
    if (this.workspaceChecks.current) return this.workspaceChecks.hits(this.scans.values());
    const remembered = this.cache?.recallWhole<[string, RawHit[]][]>('workspace');
    if (remembered) this.workspaceChecks.adopt(remembered);
    const hits = this.workspaceChecks.hits(this.scans.values());
    if (!remembered && !this.workspaceChecks.failed) this.cache?.keepWhole('workspace', [...hits]);
    return hits;
  }
}

/** Drops findings whose previous line says `lockin-lens-ignore-next-line <rule-id> -- <reason>`. */
function unsuppressed(findings: Finding[], text: string): Finding[] {
  if (!text.includes('lockin-lens-ignore-next-line')) return findings;
  const lines = new LineMap(text);
  return findings.filter((f) => {
    const m = SUPPRESSION.exec(lines.lineText(f.line - 1));
    if (!m) return true;
    const ids = m[1].split(/[\s,]+/).filter(Boolean);
    return !ids.includes(f.ruleId);
  });
}
