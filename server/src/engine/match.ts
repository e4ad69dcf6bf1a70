// Member rules: each recorded site, resolved across files and put in its client form, is compared
// with the member patterns whose root fits. A site yields at most one hit per rule.

import type { RuleIndex } from './context';
import type { JsFacts, Site } from './js/facts';
import { matchSegments, Ref } from './refs';
import { CompiledRule, ruleAppliesTo } from './rules/model';
import type { RawHit } from './types';
import type { Resolver } from './workspace/resolve';

export function memberHits(file: string, facts: JsFacts, index: RuleIndex, resolver: Resolver): RawHit[] {
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
    const seen = new Set<string>();
    for (const ref of candidateForms(resolved, index)) {
      for (const { rule, pattern } of index.memberCandidates(ref)) {
        if (seen.has(rule.id) || !appliesHere(rule)) continue;
        const captures = matchSegments(pattern.segments, ref.path);
        if (!captures) continue;
        seen.add(rule.id);
        hits.push({ ruleId: rule.id, span: { start: site.start, end: site.end }, vars: siteVars(site, captures) });
      }
    }
  }
  return hits;
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
