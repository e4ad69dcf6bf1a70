// Scanning files that are already in memory (root-relative path → text), on this thread alone or
// together with worker threads. Project configs go first: their aliases decide what a workspace
// import is.

import { ScanCache, ScanCacheStats } from './cache/scanCache';
import { RuleIndex } from './context';
import type { AuditOptions } from './audit';
import { ScanPool, scanResultOf } from './parallel/scanPool';
import type { RuleSet } from './rules/load';
import { isProjectConfig } from './workspace/aliases';
import type { FileScan } from './scan/scanFile';
import type { ScanError } from './types';
import { WorkspaceState } from './workspaceState';

export interface ScannedWorkspace {
  state: WorkspaceState;
  bytes: number;
  /** How many scans the cache gave, when there was one. */
  cache?: ScanCacheStats;
}

function newState(texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[], options: AuditOptions & { root?: string }): WorkspaceState {
  const prefilter = options.prefilter !== false;
  const state = new WorkspaceState(new RuleIndex(ruleSet), prefilter);
  const configs = configsOf(texts);
  for (const [file, text] of configs) {
    const problem = state.addConfig(file, text);
    if (problem) errors.push({ file, message: problem });
  }
  const cache = options.cache && options.root ? ScanCache.open(options.root, ruleSet, configs, prefilter) : undefined;
  if (cache) cache.withLinked = true;
  state.scanCache = cache;
  return state;
}

function configsOf(texts: Map<string, string>): [string, string][] {
  return [...texts].filter(([file]) => isProjectConfig(file));
}

/** The prefilter's second pass, once every file is in: files reaching platform modules get parsed. */
function finish(state: WorkspaceState, errors: ScanError[]): ScanCacheStats | undefined {
  for (const file of state.reachPlatformModules()) for (const message of state.scans.get(file)!.errors) errors.push({ file, message });
  // Saved by the caller once the findings are made: the pack keeps linked-check results too.
  return state.scanCache?.stats;
}

export function scanTexts(texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[] = [], options: AuditOptions & { root?: string } = {}): ScannedWorkspace {
  const state = newState(texts, ruleSet, errors, options);
  let done = 0;
  let bytes = 0;
  state.batch(() => {
    for (const [file, text] of texts) {
      if (options.isCancelled?.()) break;
      const { scan } = state.setFile(file, text);
      bytes += Buffer.byteLength(text);
      for (const message of scan.errors) errors.push({ file, message });
      options.onProgress?.(++done, texts.size);
    }
  });
  return { state, bytes, cache: finish(state, errors) };
}

/**
 * The same with a pool of workers sharing the files with this thread. Files the scan cache knows are
 * taken from it here; only the others go to the pool.
 */
export async function scanTextsInPool(pool: ScanPool, texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[], options: AuditOptions & { root?: string }): Promise<ScannedWorkspace> {
  const state = newState(texts, ruleSet, errors, options);
  const cache = state.scanCache;
  const fromCache = new Map<string, FileScan>();
  const hashes = new Map<string, string>();
  for (const [file, text] of cache ? texts : []) {
    const found = cache!.lookup(file, text, false, state.index);
    if (found.scan) fromCache.set(file, found.scan);
    else hashes.set(file, found.hash);
  }
  const entries = [...texts].filter(([file]) => !fromCache.has(file));
  const setup = { ...ruleSet.sources, configs: configsOf(texts), prefilter: options.prefilter !== false };
  state.scanCache = undefined; // looked up above: the pool scans only what the cache lacks
  const results = await pool.scan(setup, entries, (file, text) => scanResultOf(state.scanOnly(file, text), state.index), {
    onDone: (done) => options.onProgress?.(fromCache.size + done, texts.size),
    isCancelled: options.isCancelled,
  });
  state.scanCache = cache;
  const scanned = new Map<string, FileScan>();
  results.forEach((result, i) => {
    const [file, text] = entries[i];
    if (result) scanned.set(file, { ...result, text, literals: state.index.literalsOf(result.literalIds) });
  });
  let bytes = 0;
  state.batch(() => {
    for (const [file, text] of texts) {
      const scan = fromCache.get(file) ?? scanned.get(file);
      if (!scan) continue; // cancelled before this file
      state.adoptScan(scan);
      if (!fromCache.has(file)) cache?.store(scan, hashes.get(file)!, false, state.index);
      bytes += Buffer.byteLength(text);
      for (const message of scan.errors) errors.push({ file, message });
    }
  });
  return { state, bytes, cache: finish(state, errors) };
}
