// Reading one file for scanning: as UTF-8 text, or why it is skipped (too large, binary, unreadable).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf16Text } from './textDecode';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Opening without blocking: opening a pipe (a link to one) for reading would wait for a writer
 * forever. Regular files ignore the flag. (Windows has no such flag, and no such files in folders.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one file for scanning, or says why it is skipped. One open file for the size check and the
 * read (a stat and a readFileSync took a fifth longer over the benchmark's 6,000 files).
 */
export function readForScan(abs: string, maxBytes = DEFAULT_MAX_FILE_BYTES): { text: string } | { skip: SkipReason } {
  const fd = openSync(abs, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    // A pipe or device would never end, or block the read: never read one.
    if (!stat.isFile()) throw new Error('not a regular file (a pipe, socket or device)');
    if (stat.size > maxBytes) return { skip: 'too-large' };
    const buffer = readToEnd(fd, stat.size, maxBytes);
    if (!buffer) return { skip: 'too-large' }; // grew after the size check
    if (!looksBinary(buffer)) return { text: buffer.toString('utf8') };
    const text = decodeUtf16Text(buffer); // UTF-16, or a UTF-16 tail appended to UTF-8
    return text === undefined ? { skip: 'binary' } : { text };
  } finally {
    closeSync(fd);
  }
}

export type SkipReason = 'too-large' | 'binary';

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
    const wanted = buffer.length - length;
    const read = readSync(fd, buffer, length, wanted, null);
    length += read;
    // Less than asked is the end of a regular file: no read more just to hear that (as readFileSync).
    if (read < wanted) return length > maxBytes ? undefined : buffer.subarray(0, length);
  }
}

/** A NUL byte in the first 8 KB, as git decides. */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}

/** One file of an audit, read or not, with the reason (as the report's skipped and errors say it). */
export type ReadResult = { file: string; text: string } | { file: string; skip: SkipReason | 'unreadable'; error?: string };

/** Reads a root-relative file; a file that cannot be read becomes a result too, never a throw. */
export function readOne(root: string, file: string, maxBytes: number): ReadResult {
  try {
    const read = readForScan(join(root, file), maxBytes);
    return 'skip' in read ? { file, skip: read.skip } : { file, text: read.text };
  } catch (e) {
    return { file, skip: 'unreadable', error: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}
