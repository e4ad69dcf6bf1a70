// Parallel scanning for whole-workspace audits. Worker threads start while the main thread walks
// and reads the disk; then the main thread and the workers take batches of files from one queue,
// so every core scans. Results come back as plain data and are merged in path order, so the report
// is the same with or without workers.

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { RuleIndex } from '../context';
import { loadRules } from '../rules/load';
import type { FileScan } from '../scan/scanFile';
import { fileKindOf } from '../scan/fileKinds';
import { WorkspaceState } from '../workspaceState';

/** Below this many files a pool costs more (each worker loads TypeScript) than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;
/** Files per message to a worker: enough to amortise the message, few enough to share the tail. */
const WORKER_BATCH = 32;
/** Files the main thread scans before it looks at its messages again (workers wait meanwhile). */
const MAIN_BATCH = 8;
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

/**
 * A scan without its text (the main thread has it already), its words as numbers: the rule set's
 * words are objects, and each thread builds the same list of them in the same order.
 */
export type ScanResult = Omit<FileScan, 'text' | 'literals'> & { literalIds: number[] };

export function scanResultOf(scan: FileScan, index: RuleIndex): ScanResult {
  const { text: _text, literals, ...rest } = scan;
  return { ...rest, literalIds: index.literalIds(literals) };
}

interface WorkerInit {
  folders: string[];
  schemaDir: string;
  lockinScanWorker: true;
}

type ToWorker = { setup: PoolSetup } | { start: number; files: [string, string][] };

/**
 * Workers besides the main thread, which scans too. One thread parsing already keeps about 1.6
 * cores busy (V8 collects garbage and compiles on helper threads: measured, 3.2 s of CPU in 2.0 s),
 * so on two cores a worker only competes with them (the same wall time, 100 MB more memory).
 * From four cores on, one worker per core beyond the first two, up to 6.
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores < 4 ? 0 : Math.min(cores - 2, 6);
}

export class ScanPool {
  private readonly workers: Worker[];

  /** Starts the workers; each loads TypeScript and the rules while the caller reads the files. */
  constructor(rules: { folders: string[]; schemaDir: string }, count: number) {
    const init: WorkerInit = { ...rules, lockinScanWorker: true };
    this.workers = Array.from({ length: count }, () => new Worker(__filename, { workerData: init, resourceLimits: { stackSizeMb: WORKER_STACK_MB } }));
  }

  /**
   * Scans every file, on the workers and on this thread (`scanHere`), and resolves with one result
   * per file in input order; files left when `isCancelled` turns true have none.
   */
  async scan(setup: PoolSetup, files: [string, string][], scanHere: (file: string, text: string) => ScanResult, progress: { onDone?(done: number): void; isCancelled?(): boolean } = {}): Promise<(ScanResult | undefined)[]> {
    const results: (ScanResult | undefined)[] = new Array(files.length);
    let next = 0;
    let done = 0;
    const take = (size: number): [number, number] | undefined => {
      if (next >= files.length || progress.isCancelled?.()) return undefined;
      const start = next;
      next = Math.min(files.length, next + size);
      return [start, next];
    };
    const finished = (count: number) => progress.onDone?.((done += count));
    const feeding = this.workers.map((worker) => feed(worker, setup, files, take, (start, scans) => {
      scans.forEach((scan, i) => (results[start + i] = scan));
      finished(scans.length);
    }));
    for (let range = take(MAIN_BATCH); range; range = take(MAIN_BATCH)) {
      for (let i = range[0]; i < range[1]; i++) results[i] = scanHere(files[i][0], files[i][1]);
      finished(range[1] - range[0]);
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' results in
    }
    await Promise.all(feeding);
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Keeps one worker busy: two batches in flight, so it never waits for the main thread. */
function feed(worker: Worker, setup: PoolSetup, files: [string, string][], take: (size: number) => [number, number] | undefined, onResult: (start: number, scans: ScanResult[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const send = () => {
      const range = take(WORKER_BATCH);
      if (!range) return;
      inFlight++;
      worker.postMessage({ start: range[0], files: files.slice(range[0], range[1]) } satisfies ToWorker);
    };
    worker.on('message', (message: { start: number; scans: ScanResult[] }) => {
      inFlight--;
      onResult(message.start, message.scans);
      send();
      if (inFlight === 0) resolve();
    });
    worker.on('error', reject);
    worker.postMessage({ setup } satisfies ToWorker);
    send();
    send();
    if (inFlight === 0) resolve();
  });
}

/** The worker side: the same rules and aliases as the main thread, one WorkspaceState for scanning. */
function runWorker(init: WorkerInit): void {
  const index = new RuleIndex(loadRules(init.folders, init.schemaDir)); // while the main thread reads
  let state: WorkspaceState | undefined;
  parentPort!.on('message', (message: ToWorker) => {
    if ('setup' in message) {
      state = new WorkspaceState(index, message.setup.prefilter);
      for (const [file, text] of message.setup.configs) state.addConfig(file, text);
      return;
    }
    const scans = message.files.map(([file, text]): ScanResult => {
      try {
        return scanResultOf(state!.scanOnly(file, text), index);
      } catch (e) {
        return { file, kind: fileKindOf(file), parsed: false, literalIds: [], hits: [], errors: [`scan failed: ${(e as Error).message}`] };
      }
    });
    parentPort!.postMessage({ start: message.start, scans });
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.lockinScanWorker) runWorker(workerData as WorkerInit);
