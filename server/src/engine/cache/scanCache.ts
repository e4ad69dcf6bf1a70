// Per-file scan results kept between runs in the user's cache folder (beside the V8 code cache), so a
// second audit of a workspace, or a reopened one, parses only the files whose text changed. One pack
// per workspace root and key (engine build, rules, project configs, prefilter): a map from file to
// the SHA-1 of its text and its scan (facts, hits, errors, the prefilter's words as numbers).
// The pack (one JSON line per entry: packFormat.ts) is written whole through a temporary file and a
// rename, with a SHA-256 of its content (codeCache's writeCache/readCache), so two processes sharing
// it leave one complete pack or the other, and a damaged, foreign or unreadable pack counts as no pack. The scan that produced a cached
// result is deterministic for its inputs, which the key and the hash cover; a scan that reported a
// failure (a rule stopped on its time budget) is never cached. The pack also keeps results computed
// across files (the linked checks', the prefilter's second pass, the workspace checks', the audit's
// findings), valid only while every file and its text are as they were.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheFolder, readCache, writeCache } from '../../cli/codeCache';
import { packPieces, readPack } from './packFormat';
import { PACK_SUFFIX, packKey, prunePacks } from './packNames';
import type { RuleIndex } from '../context';
import type { LinkedStore } from '../linkedHits';
import type { RuleSet } from '../rules/load';
import type { RawHit } from '../types';
import { FileScan, NO_FACTS } from '../scan/scanFile';

/** Bumped when what a pack holds changes shape. */
const FORMAT = 4;
const SECTIONS = ['files', 'linked', 'whole'];

type Env = Record<string, string | undefined>;

/** What a pack stores per file: the scan without its text, its words as numbers. */
interface Stored {
  /** SHA-1 of the text. */
  h: string;
  kind: FileScan['kind'];
  parsed: boolean;
  /** 0 for the shared facts of a JS file the prefilter left unparsed. */
  facts?: FileScan['facts'] | 0;
  hits: FileScan['hits'];
  errors: string[];
  lit: number[];
}

/**
 * A linked check's result for a file, with the files it read (null: it listed every file). Valid
 * only while every file of the workspace and its text are as they were (`all`): a file that
 * appears may be what an import now resolves to. (Coarse, but safe; a second run of an unchanged
 * workspace is what it is for.)
 */
interface StoredLinked {
  r: string[] | null;
  all: string;
  hits: RawHit[];
}

/** A result computed from every file at once (the prefilter's second pass, workspace checks), valid as `all` says. */
interface StoredWhole {
  all: string;
  value: unknown;
}

/** `--no-cache`, or `LOCKIN_LENS_NO_CACHE=1` (any value but `0` or empty), turns the scan cache off. */
export function scanCacheDisabled(env: Env = process.env): boolean {
  const value = env.LOCKIN_LENS_NO_CACHE;
  return value !== undefined && value !== '' && value !== '0';
}

export interface ScanCacheStats {
  /** Files whose scan came from the pack. */
  reused: number;
  /** Files scanned afresh (new, changed, or not in the pack). */
  scanned: number;
  /** Why the pack was not read, if it was not (missing, corrupt, or ignored and why). */
  readProblem?: string;
}

export class ScanCache {
  private readonly previous: Map<string, Stored>;
  private readonly current = new Map<string, Stored>();
  private readonly previousLinked: Map<string, StoredLinked>;
  private readonly currentLinked = new Map<string, StoredLinked>();
  private readonly currentWhole = new Map<string, StoredWhole>();
  /** The hash of each file's text this run, from lookup. */
  private readonly hashes = new Map<string, string>();
  private allDigest?: string;
  /**
   * Whether the pack also keeps linked-check and whole-workspace results: set where every file is
   * looked up or, for an open document, noted (noteOpenText), so that the digest of all covers them.
   */
  withLinked = false;
  private changed = false;
  readonly stats: ScanCacheStats = { reused: 0, scanned: 0 };

  private constructor(
    private readonly folder: string,
    private readonly name: string,
    previous: Map<string, Stored>,
    readProblem?: string,
    linked = new Map<string, StoredLinked>(),
    private readonly previousWhole = new Map<string, StoredWhole>(),
  ) {
    this.previous = previous;
    this.previousLinked = linked;
    this.stats.readProblem = readProblem;
  }

  /**
   * Opens the pack of a workspace root for a rule set and the project configs (tsconfig/jsconfig
   * texts: aliases change what a file's imports are). Undefined when there is no usable folder.
   */
  static open(
    root: string,
    ruleSet: RuleSet,
    configs: [string, string][],
    prefilter: boolean,
    env: Env = process.env,
  ): ScanCache | undefined {
    const base = cacheFolder(env);
    if (!base || scanCacheDisabled(env)) return undefined;
    const key = packKey(FORMAT, root, ruleSet, configs, prefilter);
    if (!key) return undefined;
    const folder = join(base, 'scans');
    const name = key + PACK_SUFFIX;
    const read = readCache(folder, name);
    if (read.status !== 'found')
      return new ScanCache(
        folder,
        name,
        new Map(),
        read.status === 'ignored' ? `ignored: ${read.reason}` : read.status,
      );
    try {
      const pack = readPack(read.data, FORMAT, SECTIONS);
      if (!pack) return new ScanCache(folder, name, new Map(), 'other format');
      return new ScanCache(
        folder,
        name,
        pack.files as Map<string, Stored>,
        undefined,
        pack.linked as Map<string, StoredLinked>,
        pack.whole as Map<string, StoredWhole>,
      );
    } catch {
      return new ScanCache(folder, name, new Map(), 'corrupt');
    }
  }

  /** The cached scan of this text, if the pack has one; the text is hashed once for lookup and store. */
  lookup(file: string, text: string, forced: boolean, index: RuleIndex): { scan?: FileScan; hash: string } {
    const hash = createHash('sha1').update(text).digest('base64');
    const key = entryKey(file, forced);
    this.hashes.set(file, hash);
    this.allDigest = undefined;
    const stored = this.previous.get(key);
    if (!stored || stored.h !== hash) {
      this.stats.scanned++;
      return { hash };
    }
    this.current.set(key, stored);
    this.stats.reused++;
    const facts = stored.facts === 0 ? NO_FACTS : stored.facts;
    return {
      hash,
      scan: {
        file,
        kind: stored.kind,
        text,
        parsed: stored.parsed,
        facts,
        hits: stored.hits,
        errors: stored.errors,
        literals: index.literalsOf(stored.lit),
      },
    };
  }

  /**
   * Counts an open document's text (from the editor, not looked up here) in what whole-workspace and
   * linked results are valid for, marked as open: its scan is made apart from the pack's.
   */
  noteOpenText(file: string, text: string): void {
    this.hashes.set(file, `open:${createHash('sha1').update(text).digest('base64')}`);
    this.allDigest = undefined;
  }

  /** Records a fresh scan (not one that reported a failure: those may go differently next time). */
  store(scan: FileScan, hash: string, forced: boolean, index: RuleIndex): void {
    if (scan.errors.some((e) => !e.startsWith('syntax error') && !e.includes('only its text was checked'))) return;
    const facts = scan.facts === NO_FACTS ? 0 : scan.facts;
    this.current.set(entryKey(scan.file, forced), {
      h: hash,
      kind: scan.kind,
      parsed: scan.parsed,
      facts,
      hits: scan.hits,
      errors: scan.errors,
      lit: index.literalIds(scan.literals),
    });
    this.changed = true;
  }

  /** Linked-check results of the earlier run, for LinkedHits (see StoredLinked). */
  linkedStore(): LinkedStore | undefined {
    if (!this.withLinked) return undefined;
    return {
      recall: (file) => {
        const stored = this.previousLinked.get(file);
        if (!stored || stored.all !== this.digestOfAll()) return undefined;
        this.currentLinked.set(file, stored);
        return { hits: stored.hits, reads: stored.r === null ? undefined : new Set(stored.r) };
      },
      keep: (file, result) => {
        if (result.hits.length === 0 && result.reads?.size === 0) return; // as quick to compute again
        this.currentLinked.set(file, {
          r: result.reads ? [...result.reads] : null,
          all: this.digestOfAll(),
          hits: result.hits,
        });
        this.changed = true;
      },
    };
  }

  /** The earlier run's result `name`, computed from every file, if no file and no text has changed since. */
  recallWhole<T>(name: string): T | undefined {
    const stored = this.withLinked ? this.previousWhole.get(name) : undefined;
    if (!stored || stored.all !== this.digestOfAll()) return undefined;
    this.currentWhole.set(name, stored);
    return stored.value as T;
  }

  /** Keeps a result computed from every file (plain data) for the next run. */
  keepWhole(name: string, value: unknown): void {
    if (!this.withLinked) return;
    this.currentWhole.set(name, { all: this.digestOfAll(), value });
    this.changed = true;
  }

  /**
   * Keeps the earlier run's linked and whole-workspace results that are still valid though this run
   * did not ask for them (it took the findings whole from the pack, say).
   */
  private carryOverValid(): void {
    if (!this.withLinked) return;
    const all = this.digestOfAll();
    for (const [file, stored] of this.previousLinked)
      if (stored.all === all && !this.currentLinked.has(file)) this.currentLinked.set(file, stored);
    for (const [name, stored] of this.previousWhole)
      if (stored.all === all && !this.currentWhole.has(name)) this.currentWhole.set(name, stored);
  }

  /** Every file this run looked up, with the hash of its text. */
  private digestOfAll(): string {
    if (this.allDigest) return this.allDigest;
    const hash = createHash('sha1');
    for (const file of [...this.hashes.keys()].sort()) hash.update(`${file}\0${this.hashes.get(file)}\0`);
    return (this.allDigest = hash.digest('base64'));
  }

  /**
   * Writes the pack with the files this run saw (files gone since are dropped), if anything changed.
   * A cache that cannot be written is no error: the next run scans again.
   */
  save(): void {
    this.carryOverValid();
    const unchanged =
      this.current.size === this.previous.size &&
      this.currentLinked.size === this.previousLinked.size &&
      this.currentWhole.size === this.previousWhole.size;
    if (!this.changed && unchanged) return;
    try {
      const sections = { files: this.current, linked: this.currentLinked, whole: this.currentWhole };
      writeCache(this.folder, this.name, () => packPieces(FORMAT, sections));
      prunePacks(this.folder, this.name);
    } catch {
      // read-only home, full disk, a folder another user owns: run without a cache
    }
  }
}

function entryKey(file: string, forced: boolean): string {
  return forced ? `${file}\0forced` : file;
}
