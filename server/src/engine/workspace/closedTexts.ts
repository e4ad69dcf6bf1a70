// Texts of files no editor holds, read again from disk instead of kept in memory. Once a folder is
// indexed, a file's scan keeps its facts and hits; its text is needed again only now and then (its
// findings re-made after an edit elsewhere, the rules changing, an exported report's byte count).
//
// A released scan's `text` reads the file back when asked. The content hash taken on release says
// whether the disk still has that text (hasText). A file changed meanwhile is read as it is now and
// reported to `onChanged` (its scan no longer matches it): the language server scans it again
// before its findings are shown, as the watcher's notice of the change would.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CompiledRule, ruleAppliesTo } from '../rules/model';
import type { FileScan } from '../scan/scanFile';
import { readsTextOf } from '../workspaceChecks';
import { isProjectConfig } from './aliases';
import { readForScan } from './readFile';

/** Texts read back lately, the most recent last: a catch-up may ask for the same few files again. */
const RECENT_CHARS = 2_000_000;
const recent = new Map<FileScan, string>();
let recentChars = 0;
const released = new WeakMap<FileScan, { hash: string; length: number }>();
/** Scans found to hold a text a workspace check reads: kept, not judged again. */
const kept = new WeakSet<FileScan>();

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * Lets go of the scan's text: reading `scan.text` then reads `abs` (an empty text if it is gone),
 * and calls `onChanged` when that is not the text the scan was made from.
 */
export function releaseText(scan: FileScan, abs: string, onChanged?: (file: string) => void): void {
  if (released.has(scan)) return;
  const was = { hash: hashOf(scan.text), length: scan.text.length };
  released.set(scan, was);
  // Compared when read from disk (a text kept among the recent ones was compared then).
  const fromDisk = (text: string) => {
    if (onChanged && (text.length !== was.length || hashOf(text) !== was.hash)) onChanged(scan.file);
  };
  const get = () => readBack(scan, abs, fromDisk);
  Object.defineProperty(scan, 'text', { get, enumerable: true, configurable: true });
}

/**
 * Lets go of the texts of closed files but project configs and those a workspace check reads after
 * any edit of a file it applies to (workspaceChecks.ts gives it an empty text for the others). The
 * others are read back when asked, a few at a time: a file's findings made again, a linked check
 * reading the files an edit touched.
 */
export function releaseClosedTexts(
  scans: Iterable<FileScan>,
  rules: CompiledRule[],
  root: string,
  isOpen: (rel: string) => boolean,
  onChanged?: (file: string) => void,
): void {
  const spanning = rules.filter((r) => r.matcher.type === 'check' && r.matcher.check.scope !== 'file');
  for (const scan of scans) {
    if (released.has(scan) || kept.has(scan) || isOpen(scan.file)) continue;
    if (isProjectConfig(scan.file) || spanning.some((r) => ruleAppliesTo(r, scan.file) && readsText(r, scan))) {
      kept.add(scan);
    } else {
      releaseText(scan, join(root, scan.file), onChanged);
    }
  }
}

/** Will this spanning rule's check read the scan's text (whose literals are known)? */
function readsText(rule: CompiledRule, scan: FileScan): boolean {
  const m = rule.matcher;
  return m.type === 'check' && m.check.scope === 'workspace' && readsTextOf(m.check, scan);
}

/** Has the scan's text been let go (see releaseText)? */
export function isReleased(scan: FileScan): boolean {
  return released.has(scan);
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

function readBack(scan: FileScan, abs: string, fromDisk: (text: string) => void): string {
  let text = recent.get(scan);
  if (text !== undefined) {
    recent.delete(scan); // set again below: the most recent last
  } else {
    text = readNow(abs);
    recentChars += text.length;
    fromDisk(text);
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
