// Literal text without which no rule can match a JS file on its own (the parse triggers of
// RuleIndex.jsNeedsParse), taken from globs of module and env names.

import { longestLiteral } from './util/glob';
import type { Literal } from './util/literalScan';

export type Bounds = Pick<Literal, 'start' | 'end'>;

/** Where a glob's longest literal must sit on identifier boundaries: `SUPABASE_*` starts a name. */
export function identifierBounds(glob: string): Bounds {
  const literal = longestLiteral(glob);
  return { start: glob.startsWith(literal), end: glob.endsWith(literal) };
}

/**
 * Drops triggers that match only where another already does: a bare `firebase` covers
 * `firebase-admin/auth`; a bounded `Deno` covers nothing longer (`Denote` is not `Deno`).
 */
export function withoutCovered(triggers: Literal[]): Literal[] {
  const covers = (a: Literal, b: Literal) =>
    a.text === b.text ? (!a.start || !!b.start) && (!a.end || !!b.end) : !a.start && !a.end && b.text.includes(a.text);
  const out: Literal[] = [];
  for (const t of [...triggers].sort((a, b) => a.text.length - b.text.length || Number(!!a.start) + Number(!!a.end) - Number(!!b.start) - Number(!!b.end))) {
    if (!out.some((kept) => covers(kept, t))) out.push(t);
  }
  return out;
}

/**
 * Plain text that every match of a regular expression contains (its longest run of literal
 * characters outside groups, classes and optional parts), or undefined when there is none of three
 * characters or more, or the pattern has an alternation at its top level. `https?:\/\/www\.gstatic`
 * → `://www.gstatic`.
 */
export function requiredText(source: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (/\w/.test(next)) end(); // \d, \w, \b, \1 …: not one literal character
      else run += next;
    } else if (c === '(' || c === '[') {
      end();
      i = c === '(' ? groupEnd(source, i) : classEnd(source, i);
      if (i < 0) return undefined;
    } else if (c === '?' || c === '*' || c === '{') {
      run = run.slice(0, -1); // the character before may be absent
      end();
      if (c === '{') i = source.indexOf('}', i);
      if (i < 0) return undefined;
    } else if (c === '|') return undefined;
    else if ('+.^$'.includes(c)) end();
    else run += c;
  }
  end();
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 3 ? longest : undefined;
}

/** Where the group opening at `open` closes (classes and escapes inside it skipped), or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    if (i < 0) return -1;
  }
  return -1;
}

/** Where the class opening at `open` closes (a `]` first inside it is a member), or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 2; i < source.length; i++) {
    if (source[i - 1] !== '\\' && source[i] === ']') return i;
  }
  return -1;
}
