// The code cache's rules, without running the program: which folder it uses, what a cache file is
// called (a new build or another runtime never shares a name), and which folders and files are
// trusted with bytecode. loader.test.ts runs the program through the cache.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, statSync, Stats, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cacheFileName, cacheFolder, codeCacheDisabled, distrust, readCache, runtimeFlags, seal, writeCache } from '../server/src/cli/codeCache';

describe('the code cache folder', () => {
  const home = '/home/ada';

  it('is the per-user cache folder of each platform', () => {
    assert.equal(cacheFolder({}, 'linux', home), '/home/ada/.cache/lockin-lens');
    assert.equal(cacheFolder({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home), '/var/cache/ada/lockin-lens');
    assert.equal(cacheFolder({}, 'darwin', home), '/home/ada/Library/Caches/lockin-lens');
    assert.equal(cacheFolder({}, 'win32', home), join(home, 'AppData', 'Local', 'lockin-lens'));
  });

  it('is LOCKIN_LENS_CACHE_DIR when that is set', () => {
    assert.equal(cacheFolder({ LOCKIN_LENS_CACHE_DIR: '/tmp/vscode/code-cache', XDG_CACHE_HOME: '/x' }, 'linux', home), '/tmp/vscode/code-cache');
  });

  it('is never a relative path, which would depend on the workspace the server runs in', () => {
    assert.equal(cacheFolder({ LOCKIN_LENS_CACHE_DIR: 'cache' }, 'linux', home), undefined);
    assert.equal(cacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', home), '/home/ada/.cache/lockin-lens', 'a relative XDG_CACHE_HOME is ignored, as its spec says');
    assert.equal(cacheFolder({}, 'linux', ''), undefined, 'no home folder');
  });

  it('is off with LOCKIN_LENS_NO_CODE_CACHE', () => {
    assert.equal(codeCacheDisabled({ LOCKIN_LENS_NO_CODE_CACHE: '1' }), true);
    assert.equal(codeCacheDisabled({ LOCKIN_LENS_NO_CODE_CACHE: '0' }), false);
    assert.equal(codeCacheDisabled({}), false);
  });
});

describe('the code cache file name', () => {
  const bundle = Buffer.from('console.log(1)\n');

  it('changes with the bundle and with the runtime', () => {
    const name = cacheFileName(bundle, 'node v20');
    assert.match(name, /^cli-[0-9a-f]{32}\.v8cache$/);
    assert.equal(cacheFileName(Buffer.from('console.log(1)\n'), 'node v20'), name);
    assert.notEqual(cacheFileName(Buffer.from('console.log(2)\n'), 'node v20'), name);
    assert.notEqual(cacheFileName(bundle, 'node v22'), name);
  });

  it('keys on runtime flags but not on a script given with -e or -p', () => {
    assert.deepEqual(runtimeFlags(['--max-old-space-size=100', '-e', 'require("x")', '--nolazy']), ['--max-old-space-size=100', '--nolazy']);
    assert.deepEqual(runtimeFlags(['--eval=1', '-p', '2', '--print=3', '--inspect=6019']), ['--inspect=6019']);
  });
});

describe('which cache folders and files are trusted', { skip: process.getuid === undefined && 'no POSIX owners here' }, () => {
  const stats = (uid: number, mode: number) => ({ uid, mode }) as Stats;

  it('trusts only what the current user owns and no one else may write', () => {
    assert.equal(distrust(stats(1000, 0o100600), 1000), undefined);
    assert.equal(distrust(stats(1000, 0o40755), 1000), undefined);
    assert.match(distrust(stats(0, 0o100600), 1000)!, /owned by uid 0/);
    assert.match(distrust(stats(1000, 0o100620), 1000)!, /writable by group or others \(mode 620\)/);
    assert.match(distrust(stats(1000, 0o40777), 1000)!, /writable by group or others/);
  });

  it('writes a private folder and file, and reads back what it wrote', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'lockin-cache-')), 'nested', 'code-cache');
    writeCache(folder, 'cli-a.v8cache', () => Buffer.from('bytecode'));
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.equal(statSync(join(folder, 'cli-a.v8cache')).mode & 0o777, 0o600);
    assert.deepEqual(readCache(folder, 'cli-a.v8cache'), { status: 'found', data: Buffer.from('bytecode') });
    assert.deepEqual(readCache(folder, 'cli-b.v8cache'), { status: 'missing' });
  });

  it('refuses a folder others may write before making the cache', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lockin-cache-'));
    chmodSync(folder, 0o777);
    let made = false;
    const make = () => ((made = true), Buffer.from('bytecode'));
    assert.throws(() => writeCache(folder, 'cli-a.v8cache', make), /folder writable by group or others/);
    assert.equal(made, false);
  });

  it('finds a damaged file by its checksum', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lockin-cache-'));
    writeCache(folder, 'cli-a.v8cache', () => Buffer.from('bytecode'));
    const file = join(folder, 'cli-a.v8cache');
    const damaged = readFileSync(file);
    damaged[damaged.length - 1] ^= 1;
    writeFileSync(file, damaged);
    assert.deepEqual(readCache(folder, 'cli-a.v8cache'), { status: 'corrupt' });
    writeFileSync(file, seal(Buffer.alloc(0)).subarray(0, 10));
    assert.deepEqual(readCache(folder, 'cli-a.v8cache'), { status: 'corrupt' }, 'shorter than a checksum');
  });

  it('keeps the newest four caches in a folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lockin-cache-'));
    for (let i = 0; i < 6; i++) writeCache(folder, `cli-${i}.v8cache`, () => Buffer.from([i]));
    const kept = [0, 1, 2, 3, 4, 5].filter((i) => readCache(folder, `cli-${i}.v8cache`).status === 'found');
    assert.equal(kept.length, 4);
    assert.ok(kept.includes(5), 'the one just written');
  });
});
