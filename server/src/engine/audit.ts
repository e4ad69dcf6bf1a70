// A whole-folder audit: walk, read, scan, resolve, report. This is what the CLI runs and what the
// language server's workspace audit runs.

import { resolve } from 'node:path';
import { Minimatch } from 'minimatch';
import { defaultWorkerCount, MIN_FILES_FOR_WORKERS, ScanPool } from './parallel/scanPool';
import { scanTexts, scanTextsInPool } from './scanTexts';

export { scanTexts };
import { estimateCost, CostOptions, CostSummary } from './cost';
import type { ScanCacheStats } from './cache/scanCache';
import type { RuleSet } from './rules/load';
import { forgetClosedTrees } from './js/treeCache';
import { isAlwaysWanted } from './scan/fileKinds';
import type { Finding, ScanError, SkippedEntry } from './types';
import { walkWorkspace, WalkOptions } from './workspace/walk';
import type { WorkspaceState } from './workspaceState';
import { DEFAULT_MAX_FILE_BYTES, readOne, ReadResult } from './workspace/readFile';

export interface AuditOptions {
  maxFileBytes?: number;
  /** Extra globs to leave out (minimatch, root-relative). */
  exclude?: string[];
  /** Called with the number of files done and the total, for progress reporting. */
  onProgress?(done: number, total: number): void;
  /** Replaces folder reading (tests simulate unreadable folders; root can read anything). */
  readdir?: WalkOptions['readdir'];
  /** Worker threads for scanning: 0 for none; default: one per core for large workspaces. */
  workers?: number;
  /** Skip parsing JS files that no rule could match (default on; off only to compare outputs). */
  prefilter?: boolean;
  /** Polled between files; returning true stops the audit early. */
  isCancelled?(): boolean;
  /** Calibration overrides and hourly rate for the cost estimate. */
  cost?: CostOptions;
  /**
   * Reuse and keep per-file scans in the user's cache folder (cache/scanCache.ts). Off by default
   * for callers of the engine; the CLI turns it on unless `--no-cache`.
   */
  cache?: boolean;
  /** Told how many scans the cache gave (kept out of the report, which is the same either way). */
  onCacheStats?(stats: ScanCacheStats): void;
}

export interface AuditReport {
  version: 1;
  root: string;
  findings: Finding[];
  cost: CostSummary;
  errors: ScanError[];
  stats: { files: number; bytes: number; skipped: number; ms: number; skippedByReason: Record<string, number> };
}

export async function auditFolder(rootPath: string, ruleSet: RuleSet, options: AuditOptions = {}): Promise<AuditReport> {
  const started = performance.now();
  const root = resolve(rootPath);
  const walked = walkWorkspace(root, { readdir: options.readdir, wanted: fileFilter(ruleSet, options.exclude) });
  const errors: ScanError[] = [...ruleSet.errors, ...walked.errors];
  const skipped: SkippedEntry[] = [...walked.skipped];
  // Workers start before the files are read: loading TypeScript and the rules takes them longer.
  const workers = options.workers ?? (walked.files.length >= MIN_FILES_FOR_WORKERS ? defaultWorkerCount() : 0);
  const pool = workers > 0 ? new ScanPool(ruleSet.sources, workers) : undefined;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let scanned;
  try {
    const texts = readAll(root, walked.files, maxBytes, skipped, errors);
    const scanOptions = { ...options, root };
    scanned = pool ? await scanTextsInPool(pool, texts, ruleSet, errors, scanOptions) : scanTexts(texts, ruleSet, errors, scanOptions);
  } finally {
    void pool?.close(); // terminating takes a moment; nothing waits for it
  }
  const { state, bytes } = scanned;
  if (scanned.cache) options.onCacheStats?.(scanned.cache);
  const findings = findingsOf(state);
  forgetClosedTrees(); // a caller of the engine (a test, a script) may go on running: its trees are done with
  state.scanCache?.save();
  state.scanCache = undefined;
  // After the findings: cross-file checks that failed while computing them are reported there too.
  errors.splice(ruleSet.errors.length, 0, ...state.index.errors);
  return {
    version: 1,
    root,
    findings,
    cost: estimateCost(findings, options.cost),
    errors: errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.message.localeCompare(b.message))),
    stats: {
      files: state.scans.size,
      bytes,
      skipped: skipped.length,
      ms: Math.round(performance.now() - started),
      skippedByReason: countBy(skipped.map((s) => s.reason)),
    },
  };
}

/**
 * The workspace's findings; from the scan cache's pack when no file and no text changed since the run
 * that kept them (a run in which a cross-file check failed keeps none: it may go otherwise next time).
 */
function findingsOf(state: WorkspaceState): Finding[] {
  const kept = state.scanCache?.recallWhole<Finding[]>('findings');
  if (kept) return kept;
  const failuresBefore = state.index.errors.length;
  const findings = state.allFindings();
  if (state.index.errors.length === failuresBefore) state.scanCache?.keepWhole('findings', findings);
  return findings;
}

/** Which root-relative files an audit reads: code, manifests, env files, and what rules select. */
export function fileFilter(ruleSet: RuleSet, excludeGlobs: string[] = []): (rel: string) => boolean {
  // Rules share their glob objects (loadRules makes one per distinct glob): test each one once.
  const includeGlobs = [...new Set(ruleSet.rules.flatMap((r) => r.include ?? []))];
  const exclude = excludeGlobs.map((g) => new Minimatch(g, { dot: true }));
  return (rel) => (isAlwaysWanted(rel) || includeGlobs.some((g) => g.match(rel))) && !exclude.some((g) => g.match(rel));
}

/** Reads files as UTF-8 text, skipping (and recording) the large, binary and unreadable ones. */
function readAll(root: string, files: string[], maxBytes: number, skipped: SkippedEntry[], errors: ScanError[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const read = readOne(root, file, maxBytes);
    if ('text' in read) texts.set(read.file, read.text);
    else recordSkip(read, skipped, errors);
  }
  return texts;
}

function recordSkip(read: Exclude<ReadResult, { text: string }>, skipped: SkippedEntry[], errors: ScanError[]): void {
  skipped.push({ file: read.file, reason: read.skip });
  if (read.error) errors.push({ file: read.file, message: read.error });
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
