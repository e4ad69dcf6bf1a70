// The outline (enclosing symbols and units, outline.ts) of an edited text from the previous text's:
// the walk restarts at the last line before the edit that starts afresh (code at the left margin),
// and stops at the first such line past it in the text the edit left alone; what it said of the
// lines outside that stretch is taken over (lines after it move by the lines the edit added). An
// edit of a 5,000-line file then walks the statement it touched, not the 5,000 lines again. Answers
// are kept in arrays by line, not maps: copying 5,000 of them costs microseconds.

import { OutlineSink, OutlineWalk, startsAfresh, UnitSpan, walkLines } from './outline';

/** The outline of one text's wanted lines (symbol and unit by line number), kept for the next edit. */
export class OutlineLines implements OutlineSink {
  symbols: (string | undefined)[] = [];
  /** Units: first and last line by line number (0: none). */
  readonly unitStart: Int32Array;
  readonly unitEnd: Int32Array;

  constructor(
    /** Lines of the text counted as `split('\n')` does (a trailing newline adds an empty one). */
    readonly lineCount: number,
    /** Units were wanted too. */
    readonly withUnits: boolean,
  ) {
    this.unitStart = new Int32Array(lineCount + 1);
    this.unitEnd = new Int32Array(lineCount + 1);
  }

  symbol(line: number, symbol: string): void {
    this.symbols[line] = symbol;
  }

  unit(line: number, start: number, end: number): void {
    this.unitStart[line] = start;
    this.unitEnd[line] = end;
  }

  unitOf(line: number): UnitSpan | undefined {
    const start = this.unitStart[line];
    return start ? { line: start, endLine: this.unitEnd[line] } : undefined;
  }
}

/** The text's lines, read one at a time. */
export interface LinesOf {
  lineText(line: number): string;
  /** As OutlineLines.lineCount. */
  readonly splitCount: number;
}

/** Where the edit lies, in the new text's lines. */
export interface EditedLines {
  /** Lines before this one are the old text's lines of the same numbers. */
  firstChanged: number;
  /** This line and every one after it are the old text's, (new count − old count) lines earlier. */
  sameFrom: number;
}

/** The outline of a text's wanted lines, walking all of it. */
export function outlineLines(file: string, text: string, lines: LinesOf, wanted: number[], units: boolean): OutlineLines {
  const out = new OutlineLines(lines.splitCount, units);
  walkLines(file, text, new Set(wanted), out, units);
  return out;
}

/**
 * The outline of `wanted` after an edit, or undefined when the previous one cannot answer for a
 * wanted line outside the stretch walked again (the caller then walks the whole text).
 */
export function outlineAfterEdit(
  file: string,
  lines: LinesOf,
  wanted: readonly number[],
  previous: OutlineLines,
  edit: EditedLines,
): OutlineLines | undefined {
  if (!previous.withUnits || /\.(sql|toml)$/i.test(file)) return undefined; // SQL and TOML do not restart at the margin
  const count = lines.splitCount;
  let from = Math.min(edit.firstChanged, count);
  while (from > 1 && !(from < edit.firstChanged && startsAfresh(lines.lineText(from)))) from--;
  const want = new Uint8Array(count + 1);
  for (const line of wanted) if (line <= count) want[line] = 1;
  const next = new OutlineLines(count, true);
  const walk = new OutlineWalk(file, { has: (line) => want[line] === 1 }, next, true);
  let stop = count + 1;
  for (let n = from; n <= count; n++) {
    const text = lines.lineText(n);
    if (n > from && n >= edit.sameFrom && startsAfresh(text)) {
      stop = n;
      break;
    }
    walk.line(n, text);
  }
  walk.close(); // as line `stop` would have: it ends every open level
  takeOver(previous, next, from, stop);
  for (const line of wanted) if (next.symbols[line] === undefined || next.unitStart[line] === 0) return undefined;
  return next;
}

/** The previous outline's answers for lines before `from` and from `stop` on (moved by the lines added). */
function takeOver(previous: OutlineLines, next: OutlineLines, from: number, stop: number): void {
  const walked = next.symbols;
  next.symbols = previous.symbols.slice(0, from);
  for (let line = from; line < stop; line++) next.symbols[line] = walked[line];
  next.unitStart.set(previous.unitStart.subarray(0, from));
  next.unitEnd.set(previous.unitEnd.subarray(0, from));
  const shift = next.lineCount - previous.lineCount;
  for (let line = stop; line <= next.lineCount; line++) {
    const old = line - shift;
    next.symbols[line] = previous.symbols[old];
    const start = previous.unitStart[old];
    if (start === 0) continue;
    next.unitStart[line] = start + shift;
    next.unitEnd[line] = previous.unitEnd[old] + shift;
  }
}
