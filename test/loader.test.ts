// dist/cli.js, the loader, runs the bundled program through V8's code cache: it writes a cache on
// a first run and uses it on the next, ignores a cache another user could have written, survives a
// damaged cache with the same report, and with LOCKIN_LENS_NO_CODE_CACHE=1 writes nothing. Every
// run here keeps its cache in a temporary folder (LOCKIN_LENS_CACHE_DIR); the debug variable makes
// the loader say on stderr what it did.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { seal } from '../server/src/cli/codeCache';
import { startServer } from './helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const APP = join(ROOT, 'examples', 'supabase-app');
const POSIX = process.getuid !== undefined;

interface Run {
  code: number | null;
  stdout: string;
  /** What the loader said it did: `missing`, `used`, `written`, `ignored`, `rejected`, `off`, … */
  said: string[];
  stderr: string;
}

function audit(folder: string, extraEnv: Record<string, string> = {}): Run {
  // The scan cache (test/engine/scanCache.test.ts) stays off: this folder is the code cache's alone.
  const env: NodeJS.ProcessEnv = { ...process.env, LOCKIN_LENS_CACHE_DIR: folder, LOCKIN_LENS_CODE_CACHE_DEBUG: '1', LOCKIN_LENS_NO_CACHE: '1', ...extraEnv };
  if (!extraEnv.LOCKIN_LENS_NO_CODE_CACHE) delete env.LOCKIN_LENS_NO_CODE_CACHE;
  const run = spawnSync(process.execPath, [CLI, 'audit', APP, '--format', 'json'], { encoding: 'utf8', env, maxBuffer: 32 * 2 ** 20 });
  const said = [...run.stderr.matchAll(/^lockin-lens code cache: (\S+)/gm)].map((m) => m[1]);
  return { code: run.status, stdout: run.stdout, said, stderr: run.stderr };
}

/** The report without its timing, which differs from run to run. */
function report(run: Run): unknown {
  assert.equal(run.code, 0, run.stderr);
  const parsed = JSON.parse(run.stdout) as { stats: Record<string, unknown> };
  return { ...parsed, stats: { ...parsed.stats, ms: 0 } };
}

const newFolder = () => join(mkdtempSync(join(tmpdir(), 'lockin-loader-')), 'code-cache');
const cacheFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.v8cache')) : []);

/** A folder holding the cache of one run, the cache file's path, and that run's report. */
function warmed(): { folder: string; file: string; expected: unknown } {
  const folder = newFolder();
  const first = audit(folder);
  const [name] = cacheFiles(folder);
  return { folder, file: join(folder, name), expected: report(first) };
}

describe('the loader with a code cache', { timeout: 120_000 }, () => {
  const folder = newFolder();
  const first = audit(folder);
  const second = audit(folder);

  it('writes the cache after the first run, in a folder and file private to the user', () => {
    assert.deepEqual(first.said, ['missing', 'written']);
    assert.equal(cacheFiles(folder).length, 1);
    if (POSIX) {
      assert.equal(statSync(folder).mode & 0o777, 0o700);
      assert.equal(statSync(join(folder, cacheFiles(folder)[0])).mode & 0o777, 0o600);
    }
  });

  it('uses it on the next run and does not write it again', () => {
    assert.deepEqual(second.said, ['used']);
    assert.deepEqual(report(second), report(first));
  });

  it('prints nothing about the cache without the debug variable', () => {
    const quiet = spawnSync(process.execPath, [CLI, 'audit', APP, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LOCKIN_LENS_CACHE_DIR: folder } });
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stderr, '');
    assert.deepEqual(JSON.parse(quiet.stdout).findings, JSON.parse(first.stdout).findings);
  });

  it('keeps the exports that scripts and tests require', () => {
    const keys = spawnSync(process.execPath, ['-e', `console.log(Object.keys(require(${JSON.stringify(CLI)})).sort().join())`], { encoding: 'utf8', env: { ...process.env, LOCKIN_LENS_CACHE_DIR: folder } });
    assert.equal(keys.stdout.trim(), 'main,parseArgs,render,runAudit,runCommandLine');
  });

  it('steps aside for --enable-source-maps, so that stack traces name the sources', () => {
    const script = `try { require(${JSON.stringify(CLI)}).parseArgs(['--format', 'nope']) } catch (e) { console.log(e.stack) }`;
    const run = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8', env: { ...process.env, LOCKIN_LENS_CACHE_DIR: folder, LOCKIN_LENS_CODE_CACHE_DEBUG: '1' } });
    assert.match(run.stderr, /code cache: not used: source maps are enabled/);
    assert.match(run.stdout, /server[\\/]src[\\/]cli[\\/]args\.ts:\d+/);
  });
});

describe('a code cache that must not be used', { timeout: 120_000 }, () => {
  it('is rejected when damaged, and the report is the same; the cache is then written anew', () => {
    const { folder, file, expected } = warmed();
    const damaged = readFileSync(file);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 64; i++) damaged[i] ^= 0xff;
    writeFileSync(file, damaged);
    const run = audit(folder);
    assert.deepEqual(run.said, ['rejected', 'written']);
    assert.match(run.stderr, /checksum mismatch/);
    assert.deepEqual(report(run), expected);
    assert.deepEqual(audit(folder).said, ['used']);
  });

  it('is rejected by V8 when it is no cache of this bundle, and the report is the same', () => {
    const { folder, file, expected } = warmed();
    writeFileSync(file, seal(Buffer.from('not bytecode at all')));
    const run = audit(folder);
    assert.deepEqual(run.said, ['rejected', 'written']);
    assert.match(run.stderr, /by V8/);
    assert.deepEqual(report(run), expected);
  });

  it('is ignored when others may write the file', { skip: !POSIX && 'no POSIX modes' }, () => {
    const { folder, file, expected } = warmed();
    chmodSync(file, 0o666);
    const run = audit(folder);
    assert.deepEqual(run.said, ['ignored', 'written'], run.stderr);
    assert.match(run.stderr, /writable by group or others/);
    assert.deepEqual(report(run), expected);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'replaced by a private file');
  });

  it('is ignored, and not written, in a folder that group or others may write', { skip: !POSIX && 'no POSIX modes' }, () => {
    const { folder, expected } = warmed();
    chmodSync(folder, 0o777);
    const run = audit(folder);
    assert.deepEqual(run.said, ['ignored', 'not']);
    assert.match(run.stderr, /folder writable by group or others/);
    assert.deepEqual(report(run), expected);
  });

  it('is ignored when another user owns it', { skip: process.getuid?.() !== 0 && 'needs root to give the file away' }, () => {
    const { folder, file, expected } = warmed();
    chownSync(file, 65534, 65534);
    const run = audit(folder);
    assert.deepEqual(run.said, ['ignored', 'written']);
    assert.match(run.stderr, /owned by uid 65534/);
    assert.deepEqual(report(run), expected);
  });
});

describe('a run too short to be worth caching', () => {
  it('writes no cache after --help', () => {
    const folder = newFolder();
    const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env: { ...process.env, LOCKIN_LENS_CACHE_DIR: folder, LOCKIN_LENS_CODE_CACHE_DEBUG: '1' } });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage:/);
    assert.match(run.stderr, /missing .*\n.*not written: the run was too short/);
    assert.deepEqual(cacheFiles(folder), []);
  });
});

describe('LOCKIN_LENS_NO_CODE_CACHE=1', () => {
  it('turns the cache off: nothing is read or written', () => {
    const folder = newFolder();
    const run = audit(folder, { LOCKIN_LENS_NO_CODE_CACHE: '1' });
    assert.deepEqual(run.said, ['off']);
    assert.equal(existsSync(folder), false);
    report(run);
  });
});

describe('the language server', { timeout: 60_000 }, () => {
  it('writes its cache while it runs, not only at exit', async () => {
    const folder = newFolder();
    process.env.LOCKIN_LENS_CACHE_DIR = folder; // the server inherits this process's environment
    const server = await startServer(APP);
    try {
      const end = Date.now() + 30_000;
      while (cacheFiles(folder).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      assert.equal(cacheFiles(folder).length, 1);
    } finally {
      delete process.env.LOCKIN_LENS_CACHE_DIR;
      await server.stop();
    }
  });
});
