// V8's code cache for the bundled program (see loader.ts): which folder holds it, what a cache file
// is called, whether a file there may be trusted, and how one is written. A code cache is bytecode
// that V8 runs without checking it against the source, so a file is only used from a folder and a
// file that no other user can write; anything else is ignored as if there were no cache.
// Each file starts with a SHA-256 of the rest: V8 checks a cache's header but not its body (a
// flipped byte in the body aborted Node 20 with "Fatal error … unreachable code"), so a damaged
// file must be caught here, not by V8.

import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type Env = Record<string, string | undefined>;

const PREFIX = 'cli-';
const SUFFIX = '.v8cache';
/** Cache files kept per folder: a few builds or runtimes (VS Code's Electron, a shell's Node) side by side. */
const KEEP = 4;
/** A temporary file older than this was left by a process that died while writing it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const DIGEST_BYTES = 32;

/** What a look in the cache folder found: `corrupt` is a trusted file whose checksum fails. */
export type CacheRead =
  | { status: 'found'; data: Buffer }
  | { status: 'missing' }
  | { status: 'corrupt' }
  | { status: 'ignored'; reason: string };

/** `LOCKIN_LENS_NO_CODE_CACHE=1` (any value but `0` or empty) turns the cache off entirely. */
export function codeCacheDisabled(env: Env = process.env): boolean {
  const value = env.LOCKIN_LENS_NO_CODE_CACHE;
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * `LOCKIN_LENS_CACHE_DIR`, else the user's own cache folder. Only absolute paths count: the language
 * server runs in the workspace folder, which must never choose where bytecode comes from.
 */
export function cacheFolder(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string | undefined {
  const folder = env.LOCKIN_LENS_CACHE_DIR || join(userCacheBase(env, platform, home), 'lockin-lens');
  return isAbsolute(folder) ? folder : undefined;
}

function userCacheBase(env: Env, platform: NodeJS.Platform, home: string): string {
  const absolute = (value: string | undefined) => (value && isAbsolute(value) ? value : undefined);
  if (platform === 'win32') return absolute(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local');
  if (platform === 'darwin') return join(home, 'Library', 'Caches');
  return absolute(env.XDG_CACHE_HOME) ?? join(home, '.cache');
}

/** The runtime a cache was made by: V8 refuses caches from another version or other flags anyway. */
export function runtimeKey(): string {
  const { version, versions, arch, execArgv, env } = process;
  return JSON.stringify([
    version,
    versions.v8,
    versions.electron ?? '',
    arch,
    runtimeFlags(execArgv),
    env.NODE_OPTIONS ?? '',
  ]);
}

/** Node's and V8's flags without a script given inline (`node -e SCRIPT` would key a cache per script). */
export function runtimeFlags(execArgv: string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    if (['-e', '--eval', '-p', '--print'].includes(execArgv[i])) i++;
    else if (!/^--(eval|print)=/.test(execArgv[i])) flags.push(execArgv[i]);
  }
  return flags;
}

/** The cache's file name: a new build or another runtime never even opens an old cache. */
export function cacheFileName(bundle: Buffer, runtime: string = runtimeKey()): string {
  const hash = createHash('sha256').update(bundle).update('\0').update(runtime);
  return PREFIX + hash.digest('hex').slice(0, 32) + SUFFIX;
}

/**
 * Why a folder or file must not be trusted with code (owned by another user, or writable by group
 * or others), or undefined when it may. Where there are no POSIX owners (Windows), the per-user
 * folder's own access rules are relied on.
 */
export function distrust(stats: Stats, uid: number | undefined = process.getuid?.()): string | undefined {
  if (uid === undefined) return undefined;
  if (stats.uid !== uid) return `owned by uid ${stats.uid}, not ${uid}`;
  if ((stats.mode & 0o022) !== 0) return `writable by group or others (mode ${(stats.mode & 0o777).toString(8)})`;
  return undefined;
}

/** Reads the cache file, checking the open file itself so it cannot be swapped after the check. */
export function readCache(folder: string, name: string): CacheRead {
  let fd: number;
  try {
    const folderProblem = distrust(statSync(folder));
    if (folderProblem) return { status: 'ignored', reason: `folder ${folderProblem}` };
    fd = openSync(join(folder, name), 'r');
  } catch {
    return { status: 'missing' };
  }
  try {
    const stats = fstatSync(fd);
    const problem = stats.isFile() ? distrust(stats) : 'not a file';
    return problem ? { status: 'ignored', reason: `file ${problem}` } : unseal(readFileSync(fd));
  } catch {
    return { status: 'missing' };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the cache whole or not at all (a temporary file renamed over the old one, so a reader never
 * sees half a file), in a folder made private to this user, then drops caches of older builds.
 * `make` runs only once the folder is known to be usable: making a cache costs ~20 ms. It gives the
 * data whole or in pieces (a scan pack of a large workspace: tens of MB that need not sit in memory
 * at once). Throws on any failure; the caller ignores it.
 */
export function writeCache(folder: string, name: string, make: () => Buffer | Iterable<Buffer>): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const problem = distrust(statSync(folder));
  if (problem) throw new Error(`folder ${problem}`);
  const temp = join(folder, `${name}.${process.pid}.tmp`);
  try {
    writeSealed(temp, make());
    renameSync(temp, join(folder, name));
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
  try {
    prune(folder, name);
  } catch {
    // housekeeping only: the cache itself is written
  }
}

/** Writes what seal() makes, piece by piece: room for the digest, the data, then the digest in front. */
function writeSealed(path: string, data: Buffer | Iterable<Buffer>): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    let position = DIGEST_BYTES;
    for (const piece of Buffer.isBuffer(data) ? [data] : data) {
      hash.update(piece);
      writeWhole(fd, piece, position);
      position += piece.length;
    }
    writeWhole(fd, hash.digest(), 0);
  } finally {
    closeSync(fd);
  }
}

function writeWhole(fd: number, data: Buffer, position: number): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done, position + done);
}

/** The file's content: the data's SHA-256, then the data. */
export function seal(data: Buffer): Buffer {
  return Buffer.concat([createHash('sha256').update(data).digest(), data]);
}

function unseal(file: Buffer): CacheRead {
  const data = file.subarray(DIGEST_BYTES);
  const intact =
    file.length > DIGEST_BYTES && createHash('sha256').update(data).digest().equals(file.subarray(0, DIGEST_BYTES));
  return intact ? { status: 'found', data } : { status: 'corrupt' };
}

/** Keeps the newest KEEP caches (always the one just written) and removes abandoned temporary files. */
function prune(folder: string, written: string): void {
  const now = Date.now();
  const caches: { path: string; mtime: number }[] = [];
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith(PREFIX) || entry === written) continue;
    const path = join(folder, entry);
    // Another process may be pruning the same folder: a file gone meanwhile is simply skipped.
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) continue;
    if (entry.endsWith(SUFFIX)) caches.push({ path, mtime });
    else if (entry.endsWith('.tmp') && now - mtime > STALE_TEMP_MS) removeQuietly(path);
  }
  caches.sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(KEEP - 1)) removeQuietly(old.path);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or not ours to remove: either way nothing to do
  }
}
