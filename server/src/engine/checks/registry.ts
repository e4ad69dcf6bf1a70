// Built-in structured checks, for what a declarative pattern cannot express. A rule names one with
// `"match": { "check": { "name": "…" } }`; the rule file still carries the id, message and docs.
//
// A file check sees one file at a time (its text and, for JS/TS, the parsed tree and facts).
// A linked check sees one file at a time but may read other files through a view (a helper or a
// client imported from a shared module); the engine records which files it read, and re-runs it
// only when one of those changes. A workspace check sees every file it applies to at once, in path
// order, for analyses of a whole set (SQL migrations read in order as one schema).

import type ts from 'typescript';
import type { JsFacts } from '../js/facts';
import type { Literal } from '../util/literalScan';
import type { Span } from '../types';
import type { Resolver } from '../workspace/resolve';

export interface CheckFile {
  /** Root-relative path with `/` separators. */
  file: string;
  text: string;
  /** Present for JS/TS files. */
  sourceFile?: ts.SourceFile;
  facts?: JsFacts;
  /**
   * A JS file the prefilter left unparsed: it names no platform module, global or env var. Reading
   * `facts` (linked checks) parses it on demand.
   */
  prefilterSkipped?: boolean;
  /** The rule set's words in `text` (parse triggers, secret and check hints), when the engine has looked (RuleIndex.literalsIn). */
  literals?: ReadonlySet<Literal>;
}

export interface CheckHit {
  span: Span;
  /** Message template values; must never hold a secret in clear (use redact()). */
  vars?: Record<string, string>;
}

export interface FileCheck {
  name: string;
  scope: 'file';
  /**
   * Text the check cannot fire without. Files that lack it skip the check, and a JS file need not be
   * parsed on its behalf. Without a prefilter the check runs on every file it applies to.
   */
  prefilter?: RegExp;
  /**
   * Words one of which every text the prefilter accepts holds. The engine finds them all in one
   * pass over each file (RuleIndex.literalsIn), so the prefilter runs only where one is found.
   */
  hints?: readonly Literal[];
  /** The check reads only `text`, never the tree or facts, so it also runs on unparsed JS files. */
  textOnly?: boolean;
  run(file: CheckFile, options: Record<string, unknown>): CheckHit[];
}

export interface WorkspaceCheck {
  name: string;
  scope: 'workspace';
  /** As for FileCheck: text without which a file cannot contribute to this check. */
  prefilter?: RegExp;
  hints?: readonly Literal[];
  run(files: CheckFile[], options: Record<string, unknown>): (CheckHit & { file: string })[];
}

/** Other files of the workspace, as a linked check may read them. */
export interface LinkedView {
  /** A file's text and facts (JS/TS); the check's result now depends on that file. */
  file(path: string): CheckFile | undefined;
  /** Every file the rule applies to; the result now depends on all of them. */
  files(): CheckFile[];
  /** Resolves workspace imports (reading the imported files, which become dependencies). */
  resolver: Resolver;
  /**
   * Kept for every run until any file changes. Only for checks that list every file (their result
   * depends on all files anyway): work on one file that does not depend on the file being checked.
   */
  shared: Map<string, unknown>;
  /**
   * Made afresh for each file and shared by the linked checks that run on it (the caller checks'
   * models of the files they read): what is kept here was read for this file's result.
   */
  run: Map<string, unknown>;
}

export interface LinkedCheck {
  name: string;
  scope: 'linked';
  /** As for FileCheck: text without which the check cannot fire on a file. */
  prefilter?: RegExp;
  hints?: readonly Literal[];
  /**
   * Whether the check may read this file's tree though its prefilter rejects the file's text (a
   * check that looks through other files: requiresAuth reads every file's entity writes). A batch
   * scan keeps such trees for a while rather than parse them again (see scanFile's mayBeModelled).
   */
  readsTreeOf?(facts: JsFacts): boolean;
  run(file: CheckFile, view: LinkedView, options: Record<string, unknown>): CheckHit[];
}

export type Check = FileCheck | LinkedCheck | WorkspaceCheck;

/**
 * A test of whether any of these checks could fire on a text. A check with hints asks the words the
 * engine's pass found first, and runs its prefilter only when one is there; the prefilters of the
 * others are joined into one regex per set of flags, so the text is read once rather than once per
 * check. A check with neither makes it always true; one with a backreference (which joining would
 * renumber) keeps a regex of its own.
 */
export function anyPrefilterTest(checks: Check[]): (text: string, found: ReadonlySet<Literal>) => boolean {
  const hinted = checks.filter((check) => check.hints);
  const rest = joinedPrefilters(checks.filter((check) => !check.hints));
  return (text, found) => hinted.some((check) => mayFire(check, text, found)) || rest(text);
}

/** Can a check fire on this text, whose words from the engine's pass are `found`? */
export function mayFire(check: Check, text: string, found: ReadonlySet<Literal>): boolean {
  if (check.hints && !check.hints.some((hint) => found.has(hint))) return false;
  return !check.prefilter || check.prefilter.test(text);
}

/** The checks' prefilters joined into one regex per set of flags (one pass over a text, not one each). */
function joinedPrefilters(checks: Check[]): (text: string) => boolean {
  const joined = new Map<string, string[]>();
  for (const check of checks) {
    const filter = check.prefilter;
    if (!filter) return () => true;
    const flags = filter.flags.replace(/[gy]/g, '');
    const key = /\\[1-9]|\\k</.test(filter.source) ? `${flags}#${check.name}` : flags;
    joined.set(key, [...(joined.get(key) ?? []), `(?:${filter.source})`]);
  }
  const regexes = [...joined].map(([key, sources]) => new RegExp(sources.join('|'), key.split('#')[0]));
  return (text) => regexes.some((r) => r.test(text));
}

const checks = new Map<string, Check>();

export function registerCheck(check: Check): void {
  checks.set(check.name, check);
}

export function findCheck(name: string): Check | undefined {
  return checks.get(name);
}
