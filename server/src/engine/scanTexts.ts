// Scanning files that are already in memory (root-relative path → text), on this thread alone or
// together with worker threads. Project configs go first: their aliases decide what a workspace
// import is.

import { RuleIndex } from './context';
import type { AuditOptions } from './audit';
import { ScanPool, scanResultOf } from './parallel/scanPool';
import type { RuleSet } from './rules/load';
import { isProjectConfig } from './workspace/aliases';
import type { ScanError } from './types';
import { WorkspaceState } from './workspaceState';

export interface ScannedWorkspace {
  state: WorkspaceState;
  bytes: number;
}

function newState(texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[], options: AuditOptions): WorkspaceState {
  const state = new WorkspaceState(new RuleIndex(ruleSet), options.prefilter !== false);
  for (const [file, text] of configsOf(texts)) {
    const problem = state.addConfig(file, text);
    if (problem) errors.push({ file, message: problem });
  }
  return state;
}

function configsOf(texts: Map<string, string>): [string, string][] {
  return [...texts].filter(([file]) => isProjectConfig(file));
}

/** The prefilter's second pass, once every file is in: files reaching platform modules get parsed. */
function finish(state: WorkspaceState, errors: ScanError[]): void {
  for (const file of state.reachPlatformModules()) for (const message of state.scans.get(file)!.errors) errors.push({ file, message });
}

export function scanTexts(texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[] = [], options: AuditOptions = {}): ScannedWorkspace {
  const state = newState(texts, ruleSet, errors, options);
  let done = 0;
  let bytes = 0;
  for (const [file, text] of texts) {
    if (options.isCancelled?.()) break;
    const { scan } = state.setFile(file, text);
    bytes += Buffer.byteLength(text);
    for (const message of scan.errors) errors.push({ file, message });
    options.onProgress?.(++done, texts.size);
  }
  finish(state, errors);
  return { state, bytes };
}

/** The same with a pool of workers sharing the files with this thread. */
export async function scanTextsInPool(pool: ScanPool, texts: Map<string, string>, ruleSet: RuleSet, errors: ScanError[], options: AuditOptions): Promise<ScannedWorkspace> {
  const state = newState(texts, ruleSet, errors, options);
  const entries = [...texts];
  const setup = { ...ruleSet.sources, configs: configsOf(texts), prefilter: options.prefilter !== false };
  const results = await pool.scan(setup, entries, (file, text) => scanResultOf(state.scanOnly(file, text), state.index), {
    onDone: (done) => options.onProgress?.(done, entries.length),
    isCancelled: options.isCancelled,
  });
  let bytes = 0;
  results.forEach((result, i) => {
    if (!result) return; // cancelled before this file
    const [file, text] = entries[i];
    state.adoptScan({ ...result, text, literals: state.index.literalsOf(result.literalIds) });
    bytes += Buffer.byteLength(text);
    for (const message of result.errors) errors.push({ file, message });
  });
  finish(state, errors);
  return { state, bytes };
}
