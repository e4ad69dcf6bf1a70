// Where scan packs live and what they are named: a pack is named by a hash of everything its scans
// depend on besides the files' texts (the root, this engine build, the rules, the project configs,
// the prefilter), so a pack made by other code or rules is never read; old packs are pruned.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleSet } from '../rules/load';

export const PACK_SUFFIX = '.scans';
/** Packs kept in the folder (roots × rule sets × builds); older ones are removed on writing. */
const KEEP_PACKS = 24;

/** The pack's name: the root, this build of the engine, the rules, the configs, the prefilter. */
export function packKey(
  format: number,
  root: string,
  ruleSet: RuleSet,
  configs: [string, string][],
  prefilter: boolean,
): string | undefined {
  try {
    const hash = createHash('sha256');
    hash.update(JSON.stringify([format, root, prefilter, engineBuild()]));
    hash.update(JSON.stringify([ruleSet.rules, ruleSet.platforms], ruleReplacer));
    for (const [file, text] of [...configs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(`\0${file}\0${text}`);
    return hash.digest('hex').slice(0, 40);
  } catch {
    return undefined; // a rule that does not serialise: no cache rather than a wrong one
  }
}

/** Compiled rules as data: patterns as their text, compiled globs as their pattern, no functions. */
function ruleReplacer(key: string, value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (value instanceof RegExp) return String(value);
  if (value && typeof value === 'object' && 'pattern' in value && 'set' in value)
    return (value as { pattern: string }).pattern;
  if (key === 'source') return undefined; // where a rule file lies does not change what it finds
  return value;
}

let buildHash: string | undefined;

/**
 * This build of the engine: the bundle that holds this code (dist/cli.bundle.js). Any change to the
 * engine's code makes a new bundle, so old packs are never read by new code. Compiled through the
 * code-cache loader, this code's __filename is the loader (dist/cli.js), which does not change with
 * the engine: the bundle beside it is what is hashed.
 */
function engineBuild(): string {
  const bundle = join(dirname(__filename), 'cli.bundle.js');
  buildHash ??= createHash('sha256')
    .update(readFileSync(existsSync(bundle) ? bundle : __filename))
    .digest('hex');
  return buildHash;
}

/** Keeps the newest KEEP_PACKS packs (always the one just written). */
export function prunePacks(folder: string, written: string): void {
  const packs: { path: string; mtime: number }[] = [];
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith(PACK_SUFFIX) || entry === written) continue;
    const path = join(folder, entry);
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime !== undefined) packs.push({ path, mtime });
  }
  packs.sort((a, b) => b.mtime - a.mtime);
  for (const old of packs.slice(KEEP_PACKS - 1)) {
    try {
      unlinkSync(old.path);
    } catch {
      // another process removed it first
    }
  }
}
