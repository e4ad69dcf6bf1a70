// dist/cli.js, the program's entry point (bin/lockin-lens.js, the VS Code client, scripts and tests
// all load it): runs the bundled program, dist/cli.bundle.js, compiled with V8's code cache when a
// valid one exists. Compiling the bundle from source (mostly TypeScript's compiler) took ~100 ms of
// every start; from the cache ~20 ms, and the functions the caching run compiled lazily come
// ready-made too. Where the cache lives and when a file there is trusted: codeCache.ts.
//
// This module's exports are the bundle's, and when this file is the program it runs the CLI, as the
// bundle does when started itself. Compiled here, the bundle's __filename is this file, so the
// worker threads it starts from __filename load through the cache too.

import { readFileSync } from 'node:fs';
import Module, { wrap } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { cacheFileName, cacheFolder, codeCacheDisabled, readCache, writeCache } from './codeCache';

const BUNDLE = join(__dirname, 'cli.bundle.js');
/**
 * A long-running process (the language server) writes its cache this long after loading, or at
 * exit if that comes first: a server that is killed never reaches its exit handler.
 */
const WRITE_AFTER_MS = 10_000;
/**
 * A run that ends sooner than this after the bundle has loaded (`--help`, a usage error) writes no
 * cache: it would hold little beyond the top-level code, and a cache once written is kept until the
 * next build. Measured: a cache an audit wrote made the next audit ~45 ms faster than one from
 * `--help` (and an audit of an empty folder takes ~140 ms).
 */
const MIN_RUN_MS = 100;

/**
 * How much V8 lets the old generation grow past what survived its last full collection before it
 * collects again (its own default, about 100 % on a heap this size, lets garbage pile up). An audit
 * builds a large heap of short-lived trees; at 20 % the whole-corpus audit peaked at 488 MB instead
 * of 972 MB, its CPU time within the noise (one app alone: ~10 % more, from more full collections).
 * Set before the bundle is compiled, so that the code cache is made and checked under the same flags.
 */
const HEAP_GROWING_PERCENT = 20;

type ModuleWrapper = (this: unknown, exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/**
 * `LOCKIN_LENS_CODE_CACHE_DEBUG=1` says on stderr what became of the cache. Nothing else is ever
 * printed: stdout carries the JSON report and the language server's messages.
 */
function tell(message: string): void {
  if (process.env.LOCKIN_LENS_CODE_CACHE_DEBUG === '1') process.stderr.write(`lockin-lens code cache: ${message}\n`);
}

/** The bundle's exports. */
function load(): unknown {
  const folder = codeCacheDisabled() ? undefined : cacheFolder();
  if (!folder || sourceMapsEnabled()) {
    tell(folder ? 'not used: source maps are enabled' : 'off');
    return require(BUNDLE);
  }
  const bytes = readFileSync(BUNDLE);
  const name = cacheFileName(bytes);
  const file = join(folder, name);
  const found = readCache(folder, name);
  const cachedData = found.status === 'found' ? found.data : undefined;
  const script = new Script(wrap(bytes.toString('utf8')), { filename: BUNDLE, cachedData });
  const used = cachedData !== undefined && script.cachedDataRejected === false;
  tell(used ? `used ${file}` : describeMiss(found, script, file));
  const exports = run(script);
  // Only the main thread writes: workers read the same cache and end with the process anyway.
  if (!used && isMainThread) writeLater(script, folder, name);
  return exports;
}

/**
 * Runs the compiled bundle as a module of its own, so that it does not take itself for the program
 * (`require.main === module`): this file starts the CLI, after it has begun timing the run.
 */
function run(script: Script): unknown {
  const bundle = new Module(BUNDLE, module as unknown as Module);
  bundle.filename = BUNDLE;
  bundle.paths = module.paths;
  (script.runInThisContext() as ModuleWrapper).call(bundle.exports, bundle.exports, require, bundle, __filename, __dirname);
  bundle.loaded = true;
  return bundle.exports;
}

function describeMiss(found: ReturnType<typeof readCache>, script: Script, file: string): string {
  if (found.status === 'ignored') return `ignored ${file}: ${found.reason}`;
  if (found.status === 'corrupt') return `rejected ${file}: checksum mismatch`;
  return script.cachedDataRejected ? `rejected ${file} by V8` : `missing ${file}`;
}

/**
 * Stack traces through source maps (`--enable-source-maps`) need the bundle loaded by `require`,
 * which registers its map; a script compiled through `vm` gets no mapping in Node 20.
 */
function sourceMapsEnabled(): boolean {
  const enabled = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled;
  if (enabled !== undefined) return enabled;
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps');
}

/**
 * Writes the cache once, after the program has done real work, so that it holds the bytecode of
 * the functions V8 compiled lazily along the way: at exit, or WRITE_AFTER_MS after loading,
 * whichever comes first. Every failure is ignored (a read-only home must not break the program).
 */
function writeLater(script: Script, folder: string, name: string): void {
  const loadedAt = performance.now();
  const write = () => {
    process.off('exit', write);
    clearTimeout(timer);
    if (performance.now() - loadedAt < MIN_RUN_MS) return tell('not written: the run was too short');
    try {
      writeCache(folder, name, () => script.createCachedData());
      tell(`written ${join(folder, name)}`);
    } catch (e) {
      tell(`not written: ${(e as Error).message}`);
    }
  };
  process.on('exit', write);
  const timer = setTimeout(write, WRITE_AFTER_MS).unref();
}

/** Unless the command line sets it (node --heap-growing-percent=N dist/cli.js …); once, by the main thread. */
function limitHeapGrowth(): void {
  if (!isMainThread || process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

limitHeapGrowth();
module.exports = load();
if (require.main === module && isMainThread) {
  (module.exports as { runCommandLine(): void }).runCommandLine();
}
