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
  for (const t of [...triggers].sort(
    (a, b) =>
      a.text.length - b.text.length || Number(!!a.start) + Number(!!a.end) - Number(!!b.start) - Number(!!b.end),
  )) {
    if (!out.some((kept) => covers(kept, t))) out.push(t);
  }
  return out;
}

/**
 * Plain text that every match of a regular expression contains, when one word says it (see
 * requiredLiterals): `https?:\/\/www\.gstatic` → `://www.gstatic`.
 */
export function requiredText(source: string): string | undefined {
  const words = requiredLiterals(source);
  return words?.length === 1 ? words[0] : undefined;
}

/**
 * Words one of which every match of a regular expression contains, or undefined when the pattern
 * does not say (an alternative with no literal run of three characters). Unlike requiredText it
 * looks into groups that must match (`(?<at>x|y)`, `(?:a|b)`) and across top-level alternatives:
 * `(?<at>(?:firestore|fcm)\.googleapis\.com)` → [`.googleapis.com`], `a(?:Xyz|Uvw)|Pqr` → three.
 * Lookarounds and optional parts are skipped; escapes that are not one literal character end a run.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let best: string[] | undefined;
  for (const alternative of splitAlternatives(source)) {
    const words = bestInSequence(alternative);
    if (!words) return undefined;
    best = [...(best ?? []), ...words];
  }
  return best && [...new Set(best)];
}

/** The pattern's top-level alternatives (bars inside groups, classes and escapes are not splits). */
function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
    if (i < 0) return [''];
  }
  out.push(source.slice(from));
  return out;
}

/** Escapes followed by more than one character of their own (`\u0041`, `\x41`, `\cJ`, `\p{L}`, `\k<n>`). */
const LONG_ESCAPE = /^(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>)/;

/** The best required set in one alternative: a literal run, or a required group's words. */
function bestInSequence(source: string): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const end = () => {
    if (run.length >= 3) candidates.push([run]);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[++i] ?? '';
      const long = LONG_ESCAPE.exec(source.slice(i));
      if (long) i += long[0].length - 1;
      if (long || /\w/.test(next))
        end(); // \d, \b, \1, \u0041 …: not kept as literal text
      else run += next;
    } else if (c === '(' || c === '[') {
      end();
      const close = c === '(' ? groupEnd(source, i) : classEnd(source, i);
      if (close < 0) return undefined;
      const optional = /^[?*{]/.test(source.slice(close + 1));
      if (c === '(' && !optional) {
        const inner = groupBody(source.slice(i + 1, close));
        const words = inner === undefined ? undefined : requiredLiterals(inner);
        if (words) candidates.push(words);
      }
      i = close;
    } else if (c === '?' || c === '*' || c === '{') {
      run = run.slice(0, -1); // the character before may be absent
      end();
      if (c === '{') i = source.indexOf('}', i);
      if (i < 0) return undefined;
    } else if ('+.^$|'.includes(c)) end();
    else run += c;
  }
  end();
  // The set whose shortest word is longest filters best (a long word is rare); then the smaller set.
  const score = (words: string[]) => Math.min(...words.map((w) => w.length)) * 100 - words.length;
  return candidates.filter((words) => words.every((w) => w.length >= 3)).sort((a, b) => score(b) - score(a))[0];
}

/** A group's pattern when every match of it must match its body: capturing or not, never a lookaround or modifier. */
function groupBody(body: string): string | undefined {
  if (!body.startsWith('?')) return body;
  if (body.startsWith('?:')) return body.slice(2);
  const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(body);
  return named ? body.slice(named[0].length) : undefined;
}

/** Where a class opening at `open` closes, as JavaScript reads it (`[]` and `[^]` close at once), or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
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

/**
 * A test that is false only for texts a text rule's regex cannot match: none of the words its every
 * match holds is there (requiredLiterals). `includes` skips through a text far faster than a regex
 * scans it. Undefined when the pattern gives no words (or uses the `v` flag's nested classes).
 */
export function textGate(regex: RegExp): ((text: string) => boolean) | undefined {
  const words = regex.flags.includes('v') ? undefined : requiredLiterals(regex.source);
  if (!words) return undefined;
  if (!regex.flags.includes('i')) return (text) => words.some((word) => text.includes(word));
  // Case-insensitive: the words in one regex that folds case as the rule's does (its `i` and `u` flags).
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const anyWord = new RegExp(escaped.join('|'), regex.flags.replace(/[^iu]/g, ''));
  return (text) => anyWord.test(text);
}
