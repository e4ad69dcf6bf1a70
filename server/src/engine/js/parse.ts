// Parsing JS/TS with the TypeScript compiler's parser (never its type checker): a full parse, and
// an incremental re-parse for an edited document.

import ts from 'typescript';
import { codeOf, isComponentFile } from './components';

export function scriptKindFor(file: string): ts.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.(ts|mts|cts)$/i.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  if (isComponentFile(file)) return ts.ScriptKind.TS; // `<script lang="ts">` is common, JSX in them is not
  return ts.ScriptKind.JSX; // .js files often hold JSX in React apps; the JSX grammar is a superset here.
}

/**
 * JSDoc comments are not parsed: no rule reads them, and in JavaScript files TypeScript would
 * otherwise parse every one for its type annotations. (An incremental re-parse keeps the mode.)
 */
const OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, codeOf(file, text), OPTIONS, true, scriptKindFor(file));
}

/**
 * A tree whose nodes have no parents yet: for a caller that walks every node next and sets them
 * on the way (the scope walk, see ScopeTable). TypeScript's own pass for parents walks the whole
 * tree again, and allocated about 25 MB in the benchmark's audit.
 */
export function parseWithoutParents(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, codeOf(file, text), OPTIONS, false, scriptKindFor(file));
}

/**
 * Re-parses an edited file from its previous tree: TypeScript reuses the nodes outside the changed
 * region, so a keystroke in a long file costs a fraction of a full parse. The previous tree must
 * not be used afterwards.
 */
export function reparseSource(previous: ts.SourceFile, oldFileText: string, fileText: string): ts.SourceFile {
  const oldText = codeOf(previous.fileName, oldFileText);
  const text = codeOf(previous.fileName, fileText);
  let start = 0;
  const max = Math.min(oldText.length, text.length);
  while (start < max && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // Edits spread over most of the file (a formatter's pass, a burst of edits analysed at once) leave
  // little to reuse, and TypeScript's incremental parser then costs more than a full parse.
  if (oldEnd - start > oldText.length / 2) return parseSource(previous.fileName, text);
  const change = ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
  try {
    return ts.updateSourceFile(previous, text, change);
  } catch {
    // TypeScript's incremental parser trips over some edits ("Debug Failure", found by the random
    // edits of test/engine/reuse.test.ts); a full parse of the new text is always possible.
    return parseSource(previous.fileName, fileText);
  }
}
