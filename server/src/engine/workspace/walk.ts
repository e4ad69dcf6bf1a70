// Lists the files an audit reads. Prunes dependency and build folders, honours .gitignore (except for
// files that git's index says are tracked: ignore rules keep only untracked files out of a commit),
// does not follow symbolic links to folders (no loops), and records everything it leaves out with a
// reason.

import { Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanError, SkippedEntry } from '../types';
import { gitIndex } from './gitIndex';
import { IgnoreRules } from './gitignore';

/** Folders that never hold a project's own backend code. */
export const PRUNED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', '.output',
  'coverage', '.turbo', '.cache', '.parcel-cache', '.vercel', '.netlify', '.wrangler', '.firebase', 'bower_components',
  '.vscode-test', '.expo', '.angular', 'vendor', '__pycache__', '.venv', 'target',
]);

/**
 * Without a repository to ask: files a pattern matching them by name (`*.json`) cannot have kept out
 * of git, since a package's manifest is tracked or the package would not install. (A folder the
 * .gitignore names is still left out as a whole.) With a `.git` folder its index alone decides.
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

export function walkWorkspace(root: string, options: WalkOptions): WalkResult {
  const result: WalkResult = { files: [], skipped: [], errors: [] };
  const tracked = gitIndex(root);
  let trackedDirs: Set<string> | undefined;
  /** Does a gitignored folder hold tracked files (an env file committed by mistake)? */
  const holdsTracked = (relDir: string) => !!tracked && (trackedDirs ??= foldersOf(tracked)).has(relDir);
  visit('', new IgnoreRules());
  result.files.sort();
  return result;

  /** `onlyTracked`: a gitignored folder entered only for the tracked files it holds. */
  function visit(relDir: string, inherited: IgnoreRules, onlyTracked = false): void {
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
        else if (onlyTracked || ignore.ignores(rel, true)) {
          if (holdsTracked(rel)) visit(rel, ignore, true);
          else result.skipped.push({ file: rel, reason: 'gitignored' });
        } else visit(rel, ignore);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!options.wanted(rel)) continue;
        // .gitignore only keeps untracked files out: a file git tracks is committed and is read.
        const ignored = onlyTracked || ignore.ignores(rel, false);
        if (ignored && !keptDespiteIgnore(tracked, rel, !onlyTracked)) result.skipped.push({ file: rel, reason: 'gitignored' });
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

/**
 * Is a gitignored file read all the same? With a repository, when git tracks it; without one, when
 * it is a manifest that a pattern by name (`*.json`) matched, not a folder it sits in (`byName`).
 */
function keptDespiteIgnore(tracked: Set<string> | undefined, rel: string, byName: boolean): boolean {
  if (tracked) return tracked.has(rel);
  return byName && ALWAYS_TRACKED.has(rel.slice(rel.lastIndexOf('/') + 1));
}

/** Every folder that holds a tracked path, root-relative ('' not included). */
function foldersOf(paths: Set<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
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
  let folderIgnored = false;
  for (let depth = 0; depth < parts.length && !folderIgnored; depth++) {
    const relDir = parts.slice(0, depth).join('/');
    if (depth > 0 && rules.ignores(relDir, true)) folderIgnored = true;
    else {
      try {
        const text = readFileSync(join(root, relDir, '.gitignore'), 'utf8');
        rules = rules.clone();
        rules.add(relDir, text);
      } catch {
        // no .gitignore in this folder
      }
    }
  }
  if (!folderIgnored && !rules.ignores(rel, false)) return false;
  return !keptDespiteIgnore(gitIndex(root), rel, !folderIgnored);
}
