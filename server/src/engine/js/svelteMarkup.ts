// Svelte markup holds code too: `{client.getFileUrl(record, record.avatar)}` in an attribute or a
// text node runs in the component's scope. Such an expression is kept in place, braces and all, as a
// block statement after the script's code, so it is read with the script's bindings and its
// findings land on the markup's own line. Control tags (`{#if}`, `{:else}`, `{/each}`, `{@html}`),
// spreads and anything that does not parse as one expression stay blanked.

import ts from 'typescript';

const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
/** A `{…}` with no braces inside that is no control tag. */
const MUSTACHE = /\{(?![#/:@]|\.\.\.)([^{}]+)\}/g;
/** Starts that make a block statement differ from the expression (an object literal, a declaration). */
const NOT_A_STATEMENT = /^\s*(?:\{|function\b|class\b|let\b|const\b|var\b)/;

/** Where the markup's expressions are, as [start, end) of the `{…}`, outside the given code ranges. */
export function markupExpressions(text: string, code: readonly [number, number][]): [number, number][] {
  const skipped = [...code];
  STYLE_BLOCK.lastIndex = 0;
  for (let m = STYLE_BLOCK.exec(text); m; m = STYLE_BLOCK.exec(text)) skipped.push([m.index, m.index + m[0].length]);
  const found: [number, number][] = [];
  MUSTACHE.lastIndex = 0;
  for (let m = MUSTACHE.exec(text); m; m = MUSTACHE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skipped.some(([from, to]) => start < to && end > from)) continue;
    if (!NOT_A_STATEMENT.test(m[1]) && isOneExpression(m[1])) found.push([start, end]);
  }
  return found;
}

/** Does the text parse as a single expression (so a block of it adds no syntax error to the file)? */
function isOneExpression(source: string): boolean {
  const file = ts.createSourceFile('markup.ts', `(${source}\n)`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics;
  return file.statements.length === 1 && (diagnostics?.length ?? 0) === 0;
}
