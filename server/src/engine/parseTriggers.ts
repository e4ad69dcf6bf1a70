// Literal text without which no rule can match a JS file on its own (the parse triggers of
// RuleIndex.jsNeedsParse), taken from globs of module and env names.

import type { Literal } from './util/literalScan';

/**
 * The longest text every match of a glob contains: `*SUPABASE_*` → `SUPABASE_`,
 * `{@,}firebase/auth{,/cordova}` → `firebase/auth` (brace alternatives are not guaranteed).
 */
export function longestLiteral(glob: string): string {
  return glob
    .replace(/\{[^}]*\}/g, '*')
    .split(/[*?[\]]/)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}

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
