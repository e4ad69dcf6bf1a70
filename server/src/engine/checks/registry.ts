// Built-in structured checks, for what a declarative pattern cannot express. A rule names one with
// `"match": { "check": { "name": "…" } }`; the rule file still carries the id, message and docs.
//
// A file check sees one file at a time (its text and, for JS/TS, the parsed tree and facts).
// A workspace check sees every file it applies to at once, in path order, for analyses that span
// files (SQL migrations read in order as one schema).

import type ts from 'typescript';
import type { JsFacts } from '../js/facts';
import type { Span } from '../types';

export interface CheckFile {
  /** Root-relative path with `/` separators. */
  file: string;
  text: string;
  /** Present for JS/TS files. */
  sourceFile?: ts.SourceFile;
  facts?: JsFacts;
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
  /** The check reads only `text`, never the tree or facts, so it also runs on unparsed JS files. */
  textOnly?: boolean;
  run(file: CheckFile, options: Record<string, unknown>): CheckHit[];
}

export interface WorkspaceCheck {
  name: string;
  scope: 'workspace';
  /** As for FileCheck: text without which a file cannot contribute to this check. */
  prefilter?: RegExp;
  run(files: CheckFile[], options: Record<string, unknown>): (CheckHit & { file: string })[];
}

export type Check = FileCheck | WorkspaceCheck;

const checks = new Map<string, Check>();

export function registerCheck(check: Check): void {
  checks.set(check.name, check);
}

export function findCheck(name: string): Check | undefined {
  return checks.get(name);
}
