// Workspace checks (SQL migrations read in order, Drizzle schemas, …): each reads every file its rule
// applies to at once. The workspace state runs them again only when one of those files changes.

import type { CheckFile } from './checks/registry';
import { CompiledRule, ruleAppliesTo } from './rules/model';
import type { FileScan } from './scan/scanFile';
import type { RawHit } from './types';

export interface WorkspaceCheckResult {
  byFile: Map<string, RawHit[]>;
  /** A check threw (reported through onError): the result is not to be kept between runs. */
  failed: boolean;
}

/** Runs every workspace check of `rules` over the scans; a check that throws loses only its own hits. */
export function runWorkspaceChecks(
  rules: readonly CompiledRule[],
  scans: Iterable<FileScan>,
  onError: (ruleId: string, e: unknown) => void,
): WorkspaceCheckResult {
  const byFile = new Map<string, RawHit[]>();
  let failed = false;
  const sorted = [...scans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // One input per file for all the checks, so that a tree one of them parses serves the others
  // (the two Drizzle rules parsed each schema file once each).
  const inputOf = new Map<FileScan, CheckFile>();
  const input = (s: FileScan): CheckFile => {
    let made = inputOf.get(s);
    if (!made) inputOf.set(s, (made = { file: s.file, text: s.text, facts: s.facts }));
    return made;
  };
  for (const rule of rules) {
    const m = rule.matcher;
    if (m.type !== 'check' || m.check.scope !== 'workspace') continue;
    const inputs = sorted.filter((s) => ruleAppliesTo(rule, s.file)).map(input);
    if (inputs.length === 0) continue;
    let hits: ReturnType<typeof m.check.run> = [];
    try {
      hits = m.check.run(inputs, m.options);
    } catch (e) {
      failed = true;
      onError(rule.id, e);
    }
    for (const hit of hits) {
      const list = byFile.get(hit.file) ?? [];
      list.push({ ruleId: rule.id, span: hit.span, vars: hit.vars });
      byFile.set(hit.file, list);
    }
  }
  return { byFile, failed };
}
