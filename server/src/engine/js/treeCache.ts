// The most recently parsed trees, by file and text. A file is parsed once for its facts; analyses
// that need the tree again soon after (the caller checks, on the file just edited, the helpers it
// imports and the files that use the same client) take it from here instead of parsing again.
// Bounded by the source text the trees hold (a tree takes about 40 bytes per character), so a few
// large files cannot pin hundreds of megabytes, while a workspace's many small backend files fit.

import type ts from 'typescript';
import type { FactMemo } from './reuse';
import type { ScopeTable } from './scopes';

export interface ParsedTree {
  sourceFile: ts.SourceFile;
  scopes: ScopeTable;
  /** An open document's per-statement facts, for the next edit (see reuse.ts). */
  memo?: FactMemo;
}

/** About 40 MB of trees. The most recent tree is kept whatever its size (an open document). */
const BUDGET_CHARS = 1_000_000;
const trees = new Map<string, { text: string; tree: ParsedTree }>();
let heldChars = 0;

export function rememberTree(file: string, text: string, tree: ParsedTree): void {
  forgetTree(file); // re-insert, so the map's order is least recently used first
  trees.set(file, { text, tree });
  heldChars += text.length;
  while (heldChars > BUDGET_CHARS && trees.size > 1) forgetTree(trees.keys().next().value!);
}

/**
 * Keeps a tree only if there is room without evicting another: for trees an analysis may want
 * later (a batch scan keeps backend files for the caller checks), which must never push out the
 * trees of files in use, nor each other when there are more than fit.
 */
export function offerTree(file: string, text: string, tree: ParsedTree): void {
  if (trees.has(file) || heldChars + text.length > BUDGET_CHARS) return;
  trees.set(file, { text, tree });
  heldChars += text.length;
}

/** Drops a file's tree (a parse that failed half-way may have left it unusable). */
export function forgetTree(file: string): void {
  const entry = trees.get(file);
  if (!entry) return;
  heldChars -= entry.text.length;
  trees.delete(file);
}

/**
 * Drops every tree but open documents' (those kept with their per-statement memo for the next
 * edit): after a batch scan, the trees of closed files it parsed would otherwise stay held, up to
 * the whole budget, until edits happen to push them out.
 */
export function forgetClosedTrees(): void {
  for (const [file, entry] of trees) if (!entry.tree.memo) forgetTree(file);
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
