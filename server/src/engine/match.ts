// Member rules: each recorded site, resolved across files and put in its client form, is compared
// with the member patterns whose root fits. A site yields at most one hit per rule.

import type { RuleIndex } from './context';
import type { JsFacts, Site } from './js/facts';
import { CALL, isSdkInstance, matchSegments, Ref, RETURNS, rootKey } from './refs';
import { CompiledRule, ruleAppliesTo } from './rules/model';
import type { RawHit } from './types';
import type { Resolver } from './workspace/resolve';

export function memberHits(file: string, facts: JsFacts, index: RuleIndex, resolver: Resolver): RawHit[] {
  if (facts.sites.length === 0) return [];
  const hits: RawHit[] = [];
  const applies = new Map<string, boolean>();
  const appliesHere = (rule: CompiledRule) => {
    let yes = applies.get(rule.id);
    if (yes === undefined) applies.set(rule.id, (yes = ruleAppliesTo(rule, file)));
    return yes;
  };
  const deep = new Map<string, DeepHit>();
  for (const site of facts.sites) {
    const resolved = resolver.resolve(file, site.ref);
    if (!resolved || resolved.root.kind === 'ws') continue;
    const matches = matchesOf(resolved, index);
    if (matches.length > 0 && isFactoryCall(file, site, resolver) && isConstruction(resolved, index)) continue;
    for (const { rule, captures, viaAnyRun } of matches) {
      if (site.chained && rule.matcher.type === 'member' && rule.matcher.valueOnly) continue;
      if (!appliesHere(rule)) continue;
      const hit = { ruleId: rule.id, span: { start: site.start, end: site.end }, vars: siteVars(site, captures) };
      if (!viaAnyRun) hits.push(hit);
      else keepShortest(deep, hit, resolved.path.length);
    }
  }
  return deep.size === 0 ? hits : withDeepHits(hits, deep);
}

/** A hit through a `**` pattern, with the length of the path it matched. */
interface DeepHit {
  hit: RawHit;
  length: number;
}

/**
 * Calls of one chain start where the chain starts: `db.collection('x').doc(id).get()` gives a site per
 * call. Of a rule's `**` matches there, the shortest names the chain best (`collection()`, not `get()`).
 */
function keepShortest(deep: Map<string, DeepHit>, hit: RawHit, length: number): void {
  const key = `${hit.ruleId}:${hit.span.start}`;
  const known = deep.get(key);
  if (!known || length < known.length) deep.set(key, { hit, length });
}

/**
 * A `**` pattern reaches calls on a reference held in a variable (`ref.set(…)`, `q = q.startAfter(s)`);
 * where a pattern without `**` already matched the same chain, that finding stands alone.
 */
function withDeepHits(hits: RawHit[], deep: Map<string, DeepHit>): RawHit[] {
  const direct = new Set(hits.map((h) => `${h.ruleId}:${h.span.start}`));
  for (const [key, { hit }] of deep) if (!direct.has(key)) hits.push(hit);
  return hits;
}

/**
 * A call of a factory (`createClient()` of utils/supabase/server.ts, or a function of this file) that
 * returns a client: the client is made in the factory, where it is counted once, not at every call.
 */
function isFactoryCall(file: string, site: Site, resolver: Resolver): boolean {
  if (site.factory) return true;
  const { root, path } = site.ref;
  if (root.kind !== 'ws' || path.at(-1) !== CALL) return false;
  // `makeClient()`, `new Manager().getDb()`, `this.deps.manager.getDb()`: the callee resolves to a factory.
  return resolver.resolve(file, { root, path: path.slice(0, -1) })?.path.at(-1) === RETURNS;
}

function isConstruction(ref: Ref, index: RuleIndex): boolean {
  const canonical = index.canonical(ref);
  return (canonical.root.kind === 'client' && canonical.path.length === 0) || isSdkInstance(ref);
}

interface RuleMatch {
  rule: CompiledRule;
  captures: string[];
  /** Matched through a pattern with `**` (see withDeepHits). */
  viaAnyRun: boolean;
}

/**
 * The member rules a resolved reference matches, at most one match per rule. The same few paths
 * recur across a file (every `supabase.from(…)`), so answers are kept per reference.
 */
const matchCache = new WeakMap<RuleIndex, Map<string, RuleMatch[]>>();
/**
 * The same answers by reference object: an open document's unchanged statements keep their sites'
 * references from edit to edit, and building the key above for each of 5,000 sites per keystroke
 * cost more than the rest of the matching.
 */
const matchesByRef = new WeakMap<RuleIndex, WeakMap<Ref, RuleMatch[]>>();

/** How many references were matched by key (not found by object): for tests. */
export const matchCounts = { byKey: 0 };

/**
 * Matches the sites of a scan's facts ahead of need. An open document opened as indexed keeps the
 * index's facts, but its next edit builds its facts from the open's own scan (its tree and memo),
 * whose references are other objects: unmatched, the first edit matched all 5,000 of the
 * 5,000-finding file by key again.
 */
export function matchSitesAhead(facts: JsFacts, index: RuleIndex): void {
  for (const site of facts.sites) if (site.ref.root.kind !== 'ws') matchesOf(site.ref, index);
}

function matchesOf(ref: Ref, index: RuleIndex): RuleMatch[] {
  let byRef = matchesByRef.get(index);
  if (!byRef) matchesByRef.set(index, (byRef = new WeakMap()));
  let known = byRef.get(ref);
  if (!known) byRef.set(ref, (known = matchesByKey(ref, index)));
  return known;
}

function matchesByKey(ref: Ref, index: RuleIndex): RuleMatch[] {
  matchCounts.byKey++;
  let cache = matchCache.get(index);
  if (!cache) matchCache.set(index, (cache = new Map()));
  const key = `${rootKey(ref.root)}|${ref.path.join('.')}`;
  let found = cache.get(key);
  if (!found) {
    found = [];
    const seen = new Set<string>();
    for (const form of candidateForms(ref, index)) {
      for (const { rule, pattern } of index.memberCandidates(form)) {
        if (seen.has(rule.id)) continue;
        const captures = matchSegments(pattern.segments, form.path);
        if (!captures) continue;
        seen.add(rule.id);
        found.push({ rule, captures, viaAnyRun: pattern.segments.some((s) => s.startsWith('**')) });
      }
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** The reference as written (module form) and, when it hangs off a client, its client form. */
function candidateForms(ref: Ref, index: RuleIndex): Ref[] {
  const canonical = index.canonical(ref);
  return canonical === ref ? [ref] : [ref, canonical];
}

function siteVars(site: Site, captures: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  site.args?.forEach((arg, i) => {
    if (arg !== null) vars[`arg${i}`] = arg;
  });
  captures.forEach((c, i) => (vars[`$${i + 1}`] = c));
  return vars;
}

/** Does this file depend on another file's exports (so an edit there can change its findings)? */
export function workspaceImports(facts: JsFacts): string[] {
  const specs = new Set<string>(facts.starExports);
  for (const site of facts.sites) if (site.ref.root.kind === 'ws') specs.add(site.ref.root.spec);
  for (const ref of Object.values(facts.exports)) if (ref.root.kind === 'ws') specs.add(ref.root.spec);
  return [...specs];
}
