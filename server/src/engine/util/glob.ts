// Globs as one regular expression, for the hot path (every rule's file selection, for every file).
// Same meaning as minimatch with { dot: true } for the syntax rules use: `**`, `*`, `?`, `{a,b}`,
// `[abc]`; a test compares the two on every built-in rule's globs.

import { ownString } from './ownString';

export function globsToRegExp(globs: string[]): RegExp {
  return new RegExp(`^(?:${globs.map((g) => convert(g)).join('|')})$`);
}

/** What a list of globs compiles to: a test of root-relative paths (normalised: no empty folder names). */
export interface PathMatcher {
  test(path: string): boolean;
}

/**
 * Globs as a matcher, the same in meaning as globsToRegExp. A glob that is a globstar and then one
 * folder level's pattern (most rules' files: all `.ts` files, any `wrangler.toml`) is tested on the
 * file name alone: a regex that starts with a folder loop backtracks through every folder of the
 * path, for every such glob.
 */
export function globsToMatcher(globs: string[]): PathMatcher {
  const names = globs.filter(isNameGlob);
  const paths = globs.filter((glob) => !isNameGlob(glob));
  const byName = names.length > 0 ? new RegExp(`^(?:${names.map((g) => convert(g.slice(3))).join('|')})$`) : undefined;
  const byPath = paths.length > 0 ? globsToRegExp(paths) : undefined;
  return { test: (path) => (byName?.test(path.slice(path.lastIndexOf('/') + 1)) ?? false) || (byPath?.test(path) ?? false) };
}

/** A globstar, a slash and one folder level's pattern (no `/`, no globstar: no brace alternative holds one). */
function isNameGlob(glob: string): boolean {
  const rest = glob.slice(3);
  return glob.startsWith('**/') && !rest.includes('/') && !rest.includes('**');
}

function convert(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/') && (i + 2 === glob.length || glob[i + 2] === '/')) {
      if (glob[i + 2] === '/') {
        out += '(?:[^/]+/)*'; // `**/`: any number of whole folders
        i += 2;
      } else {
        out = out.endsWith('/') ? `${out.slice(0, -1)}(?:/.*)?` : `${out}.*`; // trailing `/**`, or a lone `**`
        i += 1;
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${splitTopLevel(glob.slice(i + 1, close)).map(convert).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else {
      out += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return out;
}

/**
 * Text that every path matched by one of these globs contains, as one literal per glob (its
 * longest run of plain characters, without the slashes that `**` may stand in for), or undefined
 * when some glob has no run of at least three characters. A path holding none of them cannot
 * match, which `includes` tells far faster than the regular expression.
 */
export function requiredLiterals(globs: string[]): string[] | undefined {
  const literals: string[] = [];
  for (const glob of globs) {
    const longest = longestOf(plainRuns(glob).map((run) => run.replace(/^\/+|\/+$/g, '')));
    if (longest.length < 3) return undefined;
    literals.push(longest);
  }
  return literals;
}

/**
 * The longest text every match of a glob contains: `*SUPABASE_*` → `SUPABASE_`,
 * `{@,}firebase/auth{,/cordova}` → `firebase/auth` (brace alternatives are not guaranteed).
 */
export function longestLiteral(glob: string): string {
  return longestOf(plainRuns(glob));
}

/** A glob's runs of plain characters, between its wildcards, brace groups, classes and escapes. */
function plainRuns(glob: string): string[] {
  // A run left holding a bracket or brace is part of a nested or unclosed group: not plain text.
  return glob.split(/\*+|\?|\{[^}]*\}?|\[[^\]]*\]?|\\/).filter((run) => !/[{}[\]]/.test(run));
}

function longestOf(runs: string[]): string {
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,{b,c},d` → ['a', '{b,c}', 'd']. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** Anything with minimatch's `match` (kept structural so this file needs no import). */
interface GlobMatcher {
  match(value: string): boolean;
}

const answersByList = new WeakMap<readonly GlobMatcher[], Map<string, boolean>>();

/**
 * Does any glob of a rule's list match? Remembered per list: the same module and env names recur in
 * file after file, and minimatch re-walks its pattern on every call.
 */
export function anyGlobMatches(globs: readonly GlobMatcher[], value: string): boolean {
  let answers = answersByList.get(globs);
  if (!answers) answersByList.set(globs, (answers = new Map()));
  let yes = answers.get(value);
  if (yes === undefined) {
    if (answers.size >= 10_000) answers.clear();
    // A copy as the key: a module name cut from a file's text would keep the whole text alive.
    answers.set(ownString(value), (yes = globs.some((g) => g.match(value))));
  }
  return yes;
}
