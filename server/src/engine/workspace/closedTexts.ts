// Texts of files no editor holds, read again from disk instead of kept in memory. Once a folder is
// indexed, a file's scan keeps its facts and hits; its text is needed again only now and then (its
// findings re-made after an edit elsewhere, the rules changing, an exported report's byte count).
//
// A released scan's `text` reads the file back when asked. The content hash taken on release says
// whether the disk still has that text (hasText): a file changed meanwhile is read as it is now,
// and the watcher's notice of the change, compared by hash, brings its scan up to date.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CompiledRule, ruleAppliesTo } from '../rules/model';
import type { FileScan } from '../scan/scanFile';
import { isProjectConfig } from './aliases';
import { readForScan } from './readFile';

/** Texts read back lately, the most recent last: a catch-up may ask for the same few files again. */
const RECENT_CHARS = 2_000_000;
const recent = new Map<FileScan, string>();
let recentChars = 0;
const released = new WeakMap<FileScan, { hash: string; length: number }>();

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Lets go of the scan's text: reading `scan.text` then reads `abs` (an empty text if it is gone). */
export function releaseText(scan: FileScan, abs: string): void {
  if (released.has(scan)) return;
  released.set(scan, { hash: hashOf(scan.text), length: scan.text.length });
  Object.defineProperty(scan, 'text', { get: () => readBack(scan, abs), enumerable: true, configurable: true });
}

/**
 * Lets go of the texts of closed files that no check spanning files reads: data and config files
 * other than project configs (JSON, YAML, HTML; on the corpus 18 MB of its 89 MB of texts). JS
 * files' texts stay: the linked and workspace checks read them again after edits.
 */
export function releaseDataTexts(
  scans: Iterable<FileScan>,
  rules: CompiledRule[],
  root: string,
  isOpen: (rel: string) => boolean,
): void {
  const spanning = rules.filter((r) => r.matcher.type === 'check' && r.matcher.check.scope !== 'file');
  for (const scan of scans) {
    if (scan.kind !== 'other' || isOpen(scan.file) || isProjectConfig(scan.file)) continue;
    if (!spanning.some((r) => ruleAppliesTo(r, scan.file))) releaseText(scan, join(root, scan.file));
  }
}

/** Is this the text the scan was made from? For a released scan, without reading it back. */
export function hasText(scan: FileScan, text: string): boolean {
  const kept = released.get(scan);
  return kept === undefined ? scan.text === text : kept.length === text.length && kept.hash === hashOf(text);
}

/** The length of the text the scan was made from, without reading a released one back. */
export function textLength(scan: FileScan): number {
  return released.get(scan)?.length ?? scan.text.length;
}

function readBack(scan: FileScan, abs: string): string {
  let text = recent.get(scan);
  if (text !== undefined) {
    recent.delete(scan); // set again below: the most recent last
  } else {
    text = readNow(abs);
    recentChars += text.length;
  }
  recent.set(scan, text);
  while (recentChars > RECENT_CHARS && recent.size > 1) {
    const [oldest, dropped] = recent.entries().next().value!;
    recent.delete(oldest);
    recentChars -= dropped.length;
  }
  return text;
}

function readNow(abs: string): string {
  try {
    const read = readForScan(abs);
    return 'text' in read ? read.text : '';
  } catch {
    return ''; // gone, or unreadable now: the watcher's notice removes the scan
  }
}
