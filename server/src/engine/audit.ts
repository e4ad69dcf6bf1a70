// A whole-folder audit: walk, read, scan, resolve, report. This is what the CLI runs and what the
// language server's workspace audit runs.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Minimatch } from 'minimatch';
import { defaultWorkerCount, MIN_FILES_FOR_WORKERS, ScanPool } from './parallel/scanPool';
import { scanTexts, scanTextsInPool } from './scanTexts';

export { scanTexts };
import { estimateCost, CostOptions, CostSummary } from './cost';
import type { RuleSet } from './rules/load';
import { isAlwaysWanted } from './scan/fileKinds';
import type { Finding, ScanError, SkippedEntry } from './types';
import { walkWorkspace, WalkOptions } from './workspace/walk';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

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
  let scanned;
  try {
    const texts = readAll(root, walked.files, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, skipped, errors);
    scanned = pool ? await scanTextsInPool(pool, texts, ruleSet, errors, options) : scanTexts(texts, ruleSet, errors, options);
  } finally {
    void pool?.close(); // terminating takes a moment; nothing waits for it
  }
  const { state, bytes } = scanned;
  const findings = state.allFindings();
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

/** Which root-relative files an audit reads: code, manifests, env files, and what rules select. */
export function fileFilter(ruleSet: RuleSet, excludeGlobs: string[] = []): (rel: string) => boolean {
  // Rules share their glob objects (loadRules makes one per distinct glob): test each one once.
  const includeGlobs = [...new Set(ruleSet.rules.flatMap((r) => r.include ?? []))];
  const exclude = excludeGlobs.map((g) => new Minimatch(g, { dot: true }));
  return (rel) => (isAlwaysWanted(rel) || includeGlobs.some((g) => g.match(rel))) && !exclude.some((g) => g.match(rel));
}

/**
 * Opening without blocking: opening a pipe (a link to one) for reading would wait for a writer
 * forever. Regular files ignore the flag. (Windows has no such flag, and no such files in folders.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one file for scanning, or says why it is skipped. One open file for the size check and the
 * read (a stat and a readFileSync took a fifth longer over the benchmark's 6,000 files).
 */
export function readForScan(abs: string, maxBytes = DEFAULT_MAX_FILE_BYTES): { text: string } | { skip: 'too-large' | 'binary' } {
  const fd = openSync(abs, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    // A pipe or device would never end, or block the read: never read one.
    if (!stat.isFile()) throw new Error('not a regular file (a pipe, socket or device)');
    if (stat.size > maxBytes) return { skip: 'too-large' };
    const buffer = readToEnd(fd, stat.size, maxBytes);
    if (!buffer) return { skip: 'too-large' }; // grew after the size check
    return looksBinary(buffer) ? { skip: 'binary' } : { text: buffer.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** The whole file (it may have changed size since its stat), or undefined past maxBytes. */
function readToEnd(fd: number, size: number, maxBytes: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(size + 1); // one byte more: a file that grew shows it at once
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return length > maxBytes ? undefined : buffer.subarray(0, length);
    length += read;
  }
}

/** Reads files as UTF-8 text, skipping (and recording) the large, binary and unreadable ones. */
function readAll(root: string, files: string[], maxBytes: number, skipped: SkippedEntry[], errors: ScanError[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const abs = join(root, file);
    try {
      const read = readForScan(abs, maxBytes);
      if ('skip' in read) skipped.push({ file, reason: read.skip });
      else texts.set(file, read.text);
    } catch (e) {
      skipped.push({ file, reason: 'unreadable' });
      errors.push({ file, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
  }
  return texts;
}

/** A NUL byte in the first 8 KB, as git decides. */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
