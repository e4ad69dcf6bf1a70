// The symbol that encloses a line ("DealDetail › handleSave", `match /users/{userId}`,
// `create policy "owners read"`), from the text alone: one pass over the lines with an indentation
// stack, so it costs the same for every file kind and never needs a parse. Baseline fingerprints use
// it so that an accepted finding keeps its identity when code above it moves, and two identical
// lines in different functions stay apart.

import { ownString } from '../util/ownString';

const MAX_DEPTH = 4;
const MAX_LENGTH = 120;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'with', 'else', 'do', 'try', 'await', 'typeof', 'new']);

const DECLARATIONS: RegExp[] = [
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/,
  /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/,
  /^\s*([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/,
  /^\s*(?:(?:public|private|protected|static|async|get|set|override)\s+)*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\([^)]*\)\s*(?::[^{]*)?\{\s*$/,
  /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/,
];
const RULES_MATCH = /^\s*match\s+(\S+)/;
const TOML_SECTION = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

interface Level {
  indent: number;
  name?: string;
  /** 1-based line that opened the level. */
  line: number;
  /** The level opens a class body: its methods, not the class, are the units of work. */
  isClass?: boolean;
  /** A JSON document's root brace: its top-level keys (`"dependencies": {`), not the file, are the units. */
  isRoot?: boolean;
}

/** The lines of the unit of code that holds a line: a function, a component, a method or a statement. */
export interface UnitSpan {
  line: number;
  endLine: number;
}

/**
 * Enclosing symbol per wanted 1-based line ('' at top level). With `units`, the same pass also
 * records each wanted line's unit of code (see unitOf), which the cost model bounds by a rewrite.
 */
export function enclosingSymbols(file: string, text: string, wanted: Iterable<number>, units?: Map<number, UnitSpan>): Map<number, string> {
  const out = new Map<number, string>();
  const sink: OutlineSink = {
    symbol: (line, symbol) => out.set(line, symbol),
    unit: (line, start, end) => units?.set(line, { line: start, endLine: end }),
  };
  walkLines(file, text, new Set(wanted), sink, units !== undefined);
  return out;
}

/** The walk of enclosingSymbols over the whole text, its answers put in `sink`. */
export function walkLines(file: string, text: string, want: ReadonlySet<number>, sink: OutlineSink, units: boolean): void {
  if (want.size === 0) return;
  let last = 0;
  for (const line of want) if (line > last) last = line; // (spreading 200,000 lines into Math.max throws)
  // Units need the end of their block, which lies past the last wanted line.
  const lines = units ? text.split('\n') : text.split('\n', last);
  const walk = new OutlineWalk(file, want, sink, units);
  for (let i = 0; i < lines.length; i++) {
    walk.line(i + 1, lines[i]);
    if (i + 1 >= last && !units) break;
  }
  walk.close();
}

/** Where a walk puts what it finds out about the wanted lines. */
export interface OutlineSink {
  symbol(line: number, symbol: string): void;
  /** The line's unit of code runs from line `start` to line `end`. */
  unit(line: number, start: number, end: number): void;
}

/** The lines' state as the walk goes: open levels, units waiting for their end, the answers so far. */
export class OutlineWalk {
  private readonly openUnits = new Map<number, number[]>(); // unit start line → wanted lines waiting for its end
  private readonly stack: Level[] = [];
  private lastCode = 0;
  private readonly sql: boolean;
  private readonly toml: boolean;
  private statement: string | undefined;
  private statementLine = 0;

  constructor(
    file: string,
    private readonly want: { has(line: number): boolean },
    private readonly out: OutlineSink,
    /** Record units (see UnitSpan) besides symbols. */
    private readonly units: boolean,
  ) {
    this.sql = /\.sql$/i.test(file);
    this.toml = /\.toml$/i.test(file);
  }

  /** Line `n` (1-based), without its line break. */
  line(n: number, text: string): void {
    const { want, units, openUnits, stack } = this;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    const trimmed = line.trim();
    if (this.sql) {
      if (trimmed && !trimmed.startsWith('--') && this.statement === undefined) {
        this.statement = sqlHeader(trimmed);
        this.statementLine = n;
      }
      if (want.has(n)) this.out.symbol(n, ownString(this.statement ?? ''));
      // A SQL finding's unit is its statement (a policy, a function), for the cost model's bound.
      const open = this.statement === undefined ? [] : [{ indent: 0, line: this.statementLine }];
      if (units && want.has(n)) waitForUnit(openUnits, open, n, this.out);
      if (/;\s*(--.*)?$/.test(trimmed)) {
        if (units && this.statement !== undefined) closeUnit(openUnits, this.statementLine, n, this.out);
        this.statement = undefined;
      }
      if (trimmed) this.lastCode = n;
      return;
    }
    const section = this.toml ? TOML_SECTION.exec(line) : null;
    if (section) {
      // A TOML section is a unit: the previous one ends at its last line of content.
      if (units) for (const level of stack) closeUnit(openUnits, level.line, this.lastCode, this.out);
      stack.length = 0;
      stack.push({ indent: -1, name: `[${section[1]}]`, line: n });
    }
    // A line that starts by closing a bracket (`) {`, `});`) continues or ends the block at its own
    // indentation: it must not replace that block's entry, or a multi-line signature loses its name.
    const closer = /^[)\]}]/.test(trimmed);
    if (trimmed && !section) {
      const indent = indentation(line);
      while (stack.length > 0 && (closer ? stack[stack.length - 1].indent > indent : stack[stack.length - 1].indent >= indent)) {
        const popped = stack.pop()!;
        if (units) closeUnit(openUnits, popped.line, this.lastCode, this.out);
      }
    }
    // A copy: a name sliced from the text would keep the whole text alive in the findings holding it.
    if (want.has(n)) this.out.symbol(n, ownString(pathOf(stack)));
    if (trimmed && !section && !closer) {
      const name = declaredName(line);
      const isRoot = stack.length === 0 && (trimmed === '{' || trimmed === '[');
      stack.push({ indent: indentation(line), name, line: n, isClass: name !== undefined && CLASS.test(line), isRoot });
    }
    // After the push: a top-level line that opens a block (`export const auth = defineAuth({`) is
    // in the unit that block makes.
    if (units && want.has(n)) waitForUnit(openUnits, stack, n, this.out);
    if (trimmed) this.lastCode = n;
  }

  /** The end of the text: what is still open ends at the last line of code. */
  close(): void {
    const { units, openUnits } = this;
    if (!units) return;
    for (const level of this.stack) closeUnit(openUnits, level.line, this.lastCode, this.out);
    if (this.statement !== undefined) closeUnit(openUnits, this.statementLine, this.lastCode, this.out);
  }
}

/**
 * Does the walk start afresh at this line? A line of code at the left margin that closes no bracket
 * ends every open level (outside SQL and TOML): what the walk says of the lines before it depends on
 * those lines alone, and of the lines from it on, on those lines alone.
 */
export function startsAfresh(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) return false; // indented
  const trimmed = line.trim();
  return trimmed !== '' && !/^[)\]}]/.test(trimmed);
}

const CLASS = /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s/;

/**
 * A wanted line's unit: the outermost level that is not a class body (so a method, not its class;
 * a component, not the callbacks inside it). A line outside any block is its own unit.
 */
function waitForUnit(open: Map<number, number[]>, stack: Level[], line: number, units: OutlineSink): void {
  const unit = stack.find((l) => !l.isClass && !l.isRoot);
  if (!unit) {
    units.unit(line, line, line);
    return;
  }
  const waiting = open.get(unit.line);
  if (waiting) waiting.push(line);
  else open.set(unit.line, [line]);
}

function closeUnit(open: Map<number, number[]>, start: number, end: number, units: OutlineSink): void {
  const waiting = open.get(start);
  if (!waiting) return;
  open.delete(start);
  for (const line of waiting) units.unit(line, start, Math.max(start, end));
}

function pathOf(stack: Level[]): string {
  const names = stack.filter((l) => l.name).map((l) => l.name!);
  return names.slice(-MAX_DEPTH).join(' › ').slice(0, MAX_LENGTH);
}

function declaredName(line: string): string | undefined {
  // Only a line that opens a block can name one; most lines are skipped before any pattern runs.
  if (!/(?:[{([]|=>)\s*(?:\/\/.*)?$/.test(line)) return undefined;
  const rules = RULES_MATCH.exec(line);
  if (rules) return `match ${rules[1]}`;
  for (const re of DECLARATIONS) {
    const m = re.exec(line);
    if (m && !NOT_NAMES.has(m[1])) return m[1];
  }
  return undefined;
}

/**
 * The first words of a SQL statement: `create policy "owners read" on public.notes`. Only
 * identifier-like words, up to the first literal, so a value in the statement never becomes a name.
 */
function sqlHeader(firstLine: string): string {
  const words: string[] = [];
  for (const raw of firstLine.split(/\s+/)) {
    const word = raw.replace(/[(;,]+$/, '');
    if (words.length === 8 || !/^[A-Za-z_"][\w."$-]{0,39}$/.test(word)) break;
    words.push(word.toLowerCase());
  }
  return words.join(' ');
}

function indentation(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** A snippet as fingerprints compare it: whitespace collapsed, quotes unified, trailing ; and , dropped. */
export function normaliseSnippet(snippet: string): string {
  return snippet
    .replace(/\s+/g, ' ')
    .replace(/["`]/g, "'")
    .replace(/[;,]\s*$/, '')
    .trim();
}
