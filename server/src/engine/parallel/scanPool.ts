// Parallel scanning for whole-workspace audits: worker threads parse and scan batches of files
// while the main thread reads the disk; results come back as plain data and are merged in path
// order, so the report is the same with or without workers.

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { RuleIndex } from '../context';
import { loadRules } from '../rules/load';
import type { FileScan } from '../scan/scanFile';
import { fileKindOf } from '../scan/fileKinds';
import { WorkspaceState } from '../workspaceState';

/** Below this many files a pool costs more (each worker loads TypeScript) than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;
const BATCH_SIZE = 48;
/**
 * The main thread's stack (V8's default, about 1 MB), not a worker's default 4 MB: input nested too
 * deeply fails the same way with or without workers, and fails fast. With the deeper stack, a file
 * of thousands of nested callbacks got through the parser into analyses that are slow at that depth.
 */
const WORKER_STACK_MB = 1;

export interface PoolSetup {
  folders: string[];
  schemaDir: string;
  /** tsconfig/jsconfig texts: aliases decide what a workspace import is. */
  configs: [string, string][];
  prefilter: boolean;
}

/** A scan without its text (the main thread has it already). */
export type ScanResult = Omit<FileScan, 'text'>;

interface WorkerInit extends PoolSetup {
  lockinScanWorker: true;
}

/**
 * One worker per core beyond the first, up to 8. On two cores (measured: two vCPUs sharing one
 * physical core) workers slowed audits down, so below three cores the audit stays on one thread.
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores < 3 ? 0 : Math.min(cores - 1, 8);
}

/** Scans the files with `count` workers; resolves with one result per file, in input order. */
export async function scanInWorkers(setup: PoolSetup, files: [string, string][], count: number, onDone?: (done: number) => void): Promise<ScanResult[]> {
  const results: ScanResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.max(1, count) }, () => new Worker(__filename, { workerData: { ...setup, lockinScanWorker: true } satisfies WorkerInit, resourceLimits: { stackSizeMb: WORKER_STACK_MB } }));
  try {
    await Promise.all(workers.map((worker) => feed(worker)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;

  function feed(worker: Worker): Promise<void> {
    return new Promise((resolve, reject) => {
      const sendBatch = () => {
        if (next >= files.length) return resolve();
        const start = next;
        next = Math.min(files.length, next + BATCH_SIZE);
        worker.postMessage({ start, files: files.slice(start, next) });
      };
      worker.on('message', (message: { start: number; scans: ScanResult[] }) => {
        message.scans.forEach((scan, i) => (results[message.start + i] = scan));
        done += message.scans.length;
        onDone?.(done);
        sendBatch();
      });
      worker.on('error', reject);
      sendBatch();
    });
  }
}

/** The worker side: the same rules and aliases as the main thread, one WorkspaceState for scanning. */
function runWorker(init: WorkerInit): void {
  const state = new WorkspaceState(new RuleIndex(loadRules(init.folders, init.schemaDir)), init.prefilter);
  for (const [file, text] of init.configs) state.addConfig(file, text);
  parentPort!.on('message', (message: { start: number; files: [string, string][] }) => {
    const scans = message.files.map(([file, text]): ScanResult => {
      try {
        const { text: _text, ...scan } = state.setFile(file, text).scan;
        state.removeFile(file); // the worker keeps nothing between batches
        return scan;
      } catch (e) {
        return { file, kind: fileKindOf(file), parsed: false, hits: [], errors: [`scan failed: ${(e as Error).message}`] };
      }
    });
    parentPort!.postMessage({ start: message.start, scans });
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.lockinScanWorker) runWorker(workerData as WorkerInit);
