// The paths git tracks, read from the index file (.git/index) without running git. A tracked file
// is committed whatever .gitignore says (ignore rules only keep untracked files out), so an env
// file listed in .gitignore but tracked still ships its secrets with every clone and must be read.
// Index versions 2, 3 and 4 are understood (4 compresses each path against the one before it); a
// file that is missing, truncated or of another version gives an empty set.

import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const HEADER = 12;
/** ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), object id (20). */
const FIXED = 8 + 8 + 6 * 4 + 20;
const EXTENDED_FLAG = 0x4000;

/** Root-relative paths (with `/`) that the repository at `root` tracks; empty when there is none. */
export function trackedPaths(root: string): Set<string> {
  return gitIndex(root) ?? new Set();
}

/**
 * The tracked paths when `root` is a repository's top folder (a `.git` folder or worktree pointer),
 * undefined when it is not: then nothing says which ignored files are tracked. A repository whose
 * index is missing (nothing staged yet) tracks nothing.
 */
export function gitIndex(root: string): Set<string> | undefined {
  const index = indexFile(root);
  if (!index) return undefined;
  try {
    return parseIndex(readFileSync(index));
  } catch {
    return new Set();
  }
}

/** `.git/index`, or the index of a worktree whose `.git` file points elsewhere (`gitdir: …`). */
function indexFile(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return join(dotGit, 'index');
    const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    return pointer ? join(resolve(root, pointer[1].trim()), 'index') : undefined;
  } catch {
    return undefined;
  }
}

export function parseIndex(data: Buffer): Set<string> {
  const paths = new Set<string>();
  if (data.length < HEADER || data.toString('latin1', 0, 4) !== 'DIRC') return paths;
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return paths;
  const count = data.readUInt32BE(8);
  let offset = HEADER;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const start = offset;
    if (offset + FIXED + 2 > data.length) break;
    const flags = data.readUInt16BE(offset + FIXED);
    offset += FIXED + 2 + (version >= 3 && flags & EXTENDED_FLAG ? 2 : 0);
    let path: string;
    if (version === 4) {
      const { value: strip, next } = readVarint(data, offset);
      const end = data.indexOf(0, next);
      if (end < 0) break;
      path = previous.slice(0, Math.max(0, previous.length - strip)) + data.toString('utf8', next, end);
      offset = end + 1;
    } else {
      const end = data.indexOf(0, offset);
      if (end < 0) break;
      path = data.toString('utf8', offset, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    paths.add(path);
    previous = path;
  }
  return paths;
}

/** Git's offset varint: 7 bits a byte, each continuation adding one before the shift. */
function readVarint(data: Buffer, offset: number): { value: number; next: number } {
  let byte = data[offset++];
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = data[offset++];
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: offset };
}
