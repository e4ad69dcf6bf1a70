// Hits of linked checks, cached per file with the set of files each result read. An edit to a file
// re-runs only the linked checks that read it, so a keystroke costs one file's analysis, not the
// workspace's.

import { anyPrefilterTest, CheckFile, LinkedCheck, LinkedView, mayFire } from './checks/registry';
import { CompiledRule, ruleAppliesTo } from './rules/model';
import type { JsFacts } from './js/facts';
import type { FileScan } from './scan/scanFile';
import type { RawHit } from './types';
import type { AliasTable } from './workspace/aliases';
import { FactsLookup, Resolver } from './workspace/resolve';

interface CachedHits {
  hits: RawHit[];
  /** Files the result read; undefined when it listed every file (then any change re-runs it). */
  reads?: Set<string>;
}

/** Results of an earlier run (the scan cache), valid while the files they read are unchanged. */
export interface LinkedStore {
  recall(file: string): CachedHits | undefined;
  keep(file: string, result: CachedHits): void;
}

export class LinkedHits {
  private readonly cache = new Map<string, CachedHits>();
  /** Could any linked check run on a text? (One pass over it for all their prefilters.) */
  private readonly anyPrefilter: ReturnType<typeof anyPrefilterTest>;
  private readonly listings = new Map<CompiledRule, CheckFile[]>();
  /** LinkedView.shared: emptied with the listings, whenever any file changes. */
  private readonly shared = new Map<string, unknown>();
  /**
   * Facts of JS files the prefilter left unparsed but a linked check reads (a guard helper in a
   * file that names no platform). Parsed on demand and kept apart, so the workspace's own facts,
   * and every other finding, stay what they would be without the prefilter.
   */
  private readonly onDemand = new Map<string, JsFacts>();
  /** One resolver for all runs (it remembers file resolutions); reads are credited to the running result. */
  private readonly resolver: Resolver;
  private recordRead?: (path: string) => void;
  /** Set for a batch scan with a scan cache (WorkspaceState.scanCache). */
  store?: LinkedStore;

  /** The rules of linked checks (a few dozen of the rule set's hundreds), tested per file. */
  private readonly linkedRules: CompiledRule[];

  constructor(
    rules: CompiledRule[],
    private readonly scans: Map<string, FileScan>,
    aliases: AliasTable,
    private readonly parseFacts: (file: string, text: string) => JsFacts | undefined,
    /** A check that throws on some input (nesting too deep for its walk) loses its hits on that file, never the findings. */
    private readonly onError: (file: string, ruleId: string, e: unknown) => void = () => undefined,
    /** What callers pass to a function's parameters (the param table): the values the lock-in rules see. */
    passed?: FactsLookup['passed'],
  ) {
    this.linkedRules = rules.filter((r) => r.matcher.type === 'check' && r.matcher.check.scope === 'linked');
    this.anyPrefilter = anyPrefilterTest(this.linkedRules.map((r) => (r.matcher as { check: LinkedCheck }).check));
    this.resolver = new Resolver(
      {
        get: (path) => (this.recordRead?.(path), this.factsOf(this.scans.get(path))),
        has: (path) => this.scans.get(path)?.facts !== undefined,
        passed,
      },
      aliases,
    );
  }

  /** Files were added or removed: every result may resolve differently now. Returns their owners. */
  forgetAll(): string[] {
    this.listings.clear();
    this.shared.clear();
    const owners = [...this.cache.keys()];
    this.cache.clear();
    this.resolver.forgetFiles();
    return owners;
  }

  hitsFor(file: string): RawHit[] {
    let cached = this.cache.get(file);
    if (!cached) {
      cached = this.store?.recall(file);
      if (!cached) {
        const computed = this.compute(file);
        cached = computed.result;
        if (!computed.failed) this.store?.keep(file, cached);
      }
      this.cache.set(file, cached);
    }
    return cached.hits;
  }

  /** Forgets results that read `file` (or everything); returns the files whose results were dropped. */
  invalidate(file: string): string[] {
    this.onDemand.delete(file);
    this.listings.clear();
    this.shared.clear();
    const dropped: string[] = [];
    for (const [owner, cached] of this.cache) {
      if (owner === file || !cached.reads || cached.reads.has(file)) {
        this.cache.delete(owner);
        dropped.push(owner);
      }
    }
    return dropped;
  }

  /** Drops the listings (made again when asked): once a folder is indexed, they held 10 MB of the corpus. */
  forgetListings(): void {
    this.listings.clear();
  }

  private compute(file: string): { result: CachedHits; failed: boolean } {
    const scan = this.scans.get(file);
    const none = { result: { hits: [], reads: new Set<string>() }, failed: false };
    // Most files hold no text any linked check needs: one pass over the text rules them all out.
    if (!scan || !this.anyPrefilter(scan.text, scan.literals)) return none;
    const rules = this.linkedRules.filter((r) => ruleAppliesTo(r, file));
    if (rules.length === 0) return none;
    let failed = false;
    let reads: Set<string> | undefined = new Set();
    const record = (path: string) => reads?.add(path);
    this.recordRead = record;
    // Facts on first use: a file the prefilter left unparsed is parsed only if a check asks.
    const factsOf = (s: FileScan) => this.factsOf(s);
    const checkFile = (path: string): CheckFile | undefined => {
      const s = this.scans.get(path);
      return s && {
        file: s.file,
        get text() {
          return s.text; // read when a check asks: the language server lets closed files' texts go
        },
        prefilterSkipped: s.kind === 'js' && !s.parsed,
        get facts() {
          return factsOf(s);
        },
      };
    };
    const hits: RawHit[] = [];
    let current = rules[0];
    // One view for all the file's checks, so that what one check kept in `run` serves the others;
    // listing gives the running check's files.
    const view: LinkedView = {
      file: (path) => (record(path), checkFile(path)),
      // Listing gives each file's own facts: an unparsed file holds no platform site to list.
      files: () => {
        reads = undefined;
        return this.listing(current);
      },
      resolver: this.resolver,
      shared: this.shared,
      run: new Map(),
    };
    for (const rule of rules) {
      const matcher = rule.matcher as { check: LinkedCheck; options: Record<string, unknown> };
      if (!mayFire(matcher.check, scan.text, scan.literals)) continue;
      current = rule;
      try {
        for (const hit of matcher.check.run(checkFile(file)!, view, matcher.options)) hits.push({ ruleId: rule.id, span: hit.span, vars: hit.vars });
      } catch (e) {
        failed = true;
        this.onError(file, rule.id, e);
      }
    }
    this.recordRead = undefined;
    return { result: { hits, reads }, failed };
  }

  /** Every file a rule applies to, in path order; kept until any file changes (a check may list them per client). */
  private listing(rule: CompiledRule): CheckFile[] {
    let files = this.listings.get(rule);
    if (!files) {
      files = [...this.scans.values()]
        .filter((s) => ruleAppliesTo(rule, s.file))
        .sort((a, b) => (a.file < b.file ? -1 : 1))
        .map((s) => new ListedFile(s));
      this.listings.set(rule, files);
    }
    return files;
  }

  private factsOf(scan: FileScan | undefined): JsFacts | undefined {
    if (!scan || scan.kind !== 'js') return scan?.facts;
    if (scan.parsed) return scan.facts;
    let facts = this.onDemand.get(scan.file);
    if (!facts) {
      facts = this.parseFacts(scan.file, scan.text);
      if (facts) this.onDemand.set(scan.file, facts);
    }
    return facts;
  }
}

/** A listed file: its text read only if a check asks (most list files for their facts). */
class ListedFile implements CheckFile {
  readonly file: string;
  readonly facts?: JsFacts;

  constructor(private readonly scan: FileScan) {
    this.file = scan.file;
    this.facts = scan.parsed ? scan.facts : undefined;
  }

  get text(): string {
    return this.scan.text;
  }
}
