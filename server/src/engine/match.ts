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
  for (const site of facts.sites) {
    const resolved = resolver.resolve(file, site.ref);
    if (!resolved || resolved.root.kind === 'ws') continue;
    const matches = matchesOf(resolved, index);
    if (matches.length > 0 && isFactoryCall(file, site, resolver) && isConstruction(resolved, index)) continue;
    for (const { rule, captures } of matches) {
      if (site.chained && rule.matcher.type === 'member' && rule.matcher.valueOnly) continue;
      if (appliesHere(rule)) hits.push({ ruleId: rule.id, span: { start: site.start, end: site.end }, vars: siteVars(site, captures) });
    }
  }
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
}

/**
 * The member rules a resolved reference matches, at most one match per rule. The same few paths
 * recur across a file (every `supabase.from(…)`), so answers are kept per reference.
 */
const matchCache = new WeakMap<RuleIndex, Map<string, RuleMatch[]>>();

function matchesOf(ref: Ref, index: RuleIndex): RuleMatch[] {
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
        found.push({ rule, captures });
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
