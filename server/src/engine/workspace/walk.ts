// Lists the files an audit reads. Prunes dependency and build folders, honours .gitignore (except for
// env files that git's index says are tracked), does not follow symbolic links to folders (no loops),
// and records everything it leaves out with a reason.

import { Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanError, SkippedEntry } from '../types';
import { trackedPaths } from './gitIndex';
import { IgnoreRules } from './gitignore';

/** Folders that never hold a project's own backend code. */
export const PRUNED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', '.output',
  'coverage', '.turbo', '.cache', '.parcel-cache', '.vercel', '.netlify', '.wrangler', '.firebase', 'bower_components',
  '.vscode-test', '.expo', '.angular', 'vendor', '__pycache__', '.venv', 'target',
]);

/**
 * Files a pattern matching them by name (`*.json`) cannot have kept out of git: a .gitignore hides
 * only untracked files, and a package's manifest is tracked or the package would not install.
 * (A folder the .gitignore names is still left out as a whole.)
 */
const ALWAYS_TRACKED = new Set(['package.json']);

export interface WalkResult {
  /** Root-relative paths with `/` separators, sorted. */
  files: string[];
  skipped: SkippedEntry[];
  errors: ScanError[];
}

export interface WalkOptions {
  /** Should this root-relative file be read at all (by extension or rule globs)? */
  wanted(rel: string): boolean;
  /** Reads a folder; replaceable so tests can simulate folders that cannot be read. */
  readdir?: (abs: string) => Dirent[];
}

/** Env files: committed by mistake they leak keys, so git tracking them outweighs .gitignore. */
const ENV_FILE = /(^|\/)(\.env(\.[\w.-]+)?|\.dev\.vars)$/;

export function walkWorkspace(root: string, options: WalkOptions): WalkResult {
  const result: WalkResult = { files: [], skipped: [], errors: [] };
  const trackedEnv = [...trackedPaths(root)].filter((path) => ENV_FILE.test(path));
  const holdsTrackedEnv = (relDir: string) => trackedEnv.some((path) => path.startsWith(`${relDir}/`));
  visit('', new IgnoreRules());
  result.files.sort();
  return result;

  /** `onlyTrackedEnv`: a gitignored folder entered only for the tracked env files it holds. */
  function visit(relDir: string, inherited: IgnoreRules, onlyTrackedEnv = false): void {
    const abs = relDir ? join(root, relDir) : root;
    let entries: Dirent[];
    try {
      entries = (options.readdir ?? ((dir: string) => readdirSync(dir, { withFileTypes: true })))(abs);
    } catch (e) {
      result.errors.push({ file: relDir || '.', message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      result.skipped.push({ file: relDir || '.', reason: 'unreadable' });
      return;
    }
    // Only folders that list a .gitignore are asked for one (a failed read per folder is not free).
    const ignore = entries.some((e) => e.name === '.gitignore') ? withLocalGitignore(abs, relDir, inherited) : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink() && isDirectoryTarget(join(abs, entry.name))) {
        result.skipped.push({ file: rel, reason: 'symlink' }); // never follow folder links: no loops, no escapes
      } else if (entry.isDirectory()) {
        if (PRUNED_DIRS.has(entry.name)) result.skipped.push({ file: rel, reason: 'ignored-dir' });
        else if (onlyTrackedEnv || ignore.ignores(rel, true)) {
          if (holdsTrackedEnv(rel)) visit(rel, ignore, true);
          else result.skipped.push({ file: rel, reason: 'gitignored' });
        } else visit(rel, ignore);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!options.wanted(rel)) continue;
        // .gitignore only keeps untracked files out: an env file git tracks is committed and is read,
        // and a manifest such as package.json is read even under a broad pattern like `*.json`.
        const ignored = onlyTrackedEnv || (ignore.ignores(rel, false) && !ALWAYS_TRACKED.has(entry.name));
        if (ignored && !trackedEnv.includes(rel)) result.skipped.push({ file: rel, reason: 'gitignored' });
        else result.files.push(rel);
      }
    }
  }

  function withLocalGitignore(abs: string, relDir: string, inherited: IgnoreRules): IgnoreRules {
    let text: string;
    try {
      text = readFileSync(join(abs, '.gitignore'), 'utf8');
    } catch {
      return inherited;
    }
    const rules = inherited.clone();
    rules.add(relDir, text);
    return rules;
  }
}

function isDirectoryTarget(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Would walkWorkspace leave this root-relative file out, whatever its name: under a pruned folder,
 * or ignored by a .gitignore on its way? For files reported one at a time (an editor's watcher).
 */
export function walkSkips(root: string, rel: string): boolean {
  const parts = rel.split('/');
  if (parts.slice(0, -1).some((dir) => PRUNED_DIRS.has(dir))) return true;
  let rules = new IgnoreRules();
  for (let depth = 0; depth < parts.length; depth++) {
    const relDir = parts.slice(0, depth).join('/');
    if (depth > 0 && rules.ignores(relDir, true)) return true;
    try {
      const text = readFileSync(join(root, relDir, '.gitignore'), 'utf8');
      rules = rules.clone();
      rules.add(relDir, text);
    } catch {
      // no .gitignore in this folder
    }
  }
  if (!rules.ignores(rel, false) || ALWAYS_TRACKED.has(parts[parts.length - 1])) return false;
  return !(ENV_FILE.test(rel) && trackedPaths(root).has(rel));
}
