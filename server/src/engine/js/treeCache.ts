// The most recently parsed trees, by file and text. A file is parsed once for its facts; analyses
// that need the tree again soon after (the caller checks, on the file just edited or the helpers it
// imports) take it from here instead of parsing a second time. Bounded: trees are large.

import type ts from 'typescript';
import type { ScopeTable } from './scopes';

export interface ParsedTree {
  sourceFile: ts.SourceFile;
  scopes: ScopeTable;
}

const RECENT = 16;
const trees = new Map<string, { text: string; tree: ParsedTree }>();

export function rememberTree(file: string, text: string, tree: ParsedTree): void {
  trees.delete(file); // re-insert, so the map's order is least recently used first
  trees.set(file, { text, tree });
  if (trees.size > RECENT) trees.delete(trees.keys().next().value!);
}

/** Drops a file's tree (a parse that failed half-way may have left it unusable). */
export function forgetTree(file: string): void {
  trees.delete(file);
}

/** The file's most recent tree whatever its text (the starting point of an incremental re-parse). */
export function recallLatest(file: string): { text: string; tree: ParsedTree } | undefined {
  return trees.get(file);
}

export function recallTree(file: string, text: string): ParsedTree | undefined {
  const entry = trees.get(file);
  if (!entry || entry.text !== text) return undefined;
  rememberTree(file, text, entry.tree);
  return entry.tree;
}
