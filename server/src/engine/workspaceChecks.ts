// Workspace checks (SQL migrations read in order, Drizzle schemas, …): each reads every file its rule
// applies to at once. Their hits are kept per rule, and a changed file makes only the rules that
// apply to it run again: an edit of a TypeScript file re-reads no SQL migration.

import type { CheckFile, WorkspaceCheck } from './checks/registry';
import { CompiledRule, ruleAppliesTo } from './rules/model';
import type { FileScan } from './scan/scanFile';
import type { RawHit } from './types';

export class WorkspaceChecks {
  private readonly rules: CompiledRule[];
  /** Each rule's hits by file, while none of its files changed. */
  private readonly byRule = new Map<CompiledRule, Map<string, RawHit[]>>();
  /** Every rule's hits by file, in rule order (undefined: to be merged again). */
  private merged?: Map<string, RawHit[]>;
  /** A check threw since the hits were last all computed: they are not to be kept between runs. */
  failed = false;

  constructor(
    allRules: readonly CompiledRule[],
    private readonly onError: (ruleId: string, e: unknown) => void,
  ) {
    this.rules = allRules.filter((r) => r.matcher.type === 'check' && r.matcher.check.scope === 'workspace');
  }

  /**
   * A file changed, appeared or went away: the rules that apply to it run again when next asked.
   * Returns whether any did.
   */
  changed(file: string): boolean {
    let dropped = false;
    for (const rule of this.rules) {
      if (ruleAppliesTo(rule, file)) dropped = this.byRule.delete(rule) || dropped;
    }
    if (dropped) this.merged = undefined;
    return dropped;
  }

  /** Are all hits at hand (nothing to run)? */
  get current(): boolean {
    return this.merged !== undefined;
  }

  /** Hits an earlier run computed from the same files (the scan pack): taken as every rule's. */
  adopt(byFile: Iterable<[string, RawHit[]]>): void {
    const byId = new Map(this.rules.map((r): [string, Map<string, RawHit[]>] => [r.id, new Map()]));
    for (const [file, hits] of byFile) {
      for (const hit of hits) {
        const ofRule = byId.get(hit.ruleId);
        if (!ofRule) continue;
        const list = ofRule.get(file) ?? [];
        list.push(hit);
        ofRule.set(file, list);
      }
    }
    for (const rule of this.rules) this.byRule.set(rule, byId.get(rule.id)!);
    this.merged = undefined;
  }

  /** Every rule's hits by file, running the rules whose files changed since they last ran. */
  hits(scans: Iterable<FileScan>): Map<string, RawHit[]> {
    if (this.merged) return this.merged;
    const missing = this.rules.filter((r) => !this.byRule.has(r));
    if (missing.length > 0) this.run(missing, scans);
    const merged = new Map<string, RawHit[]>();
    for (const rule of this.rules) {
      for (const [file, hits] of this.byRule.get(rule)!) {
        const list = merged.get(file) ?? [];
        for (const hit of hits) list.push(hit);
        merged.set(file, list);
      }
    }
    return (this.merged = merged);
  }

  private run(rules: CompiledRule[], scans: Iterable<FileScan>): void {
    const sorted = [...scans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // One input per file for all the checks, so that a tree one of them parses serves the others
    // (the two Drizzle rules parsed each schema file once each).
    const inputOf = new Map<FileScan, CheckFile>();
    const input = (s: FileScan): CheckFile => {
      let made = inputOf.get(s);
      if (!made) inputOf.set(s, (made = { file: s.file, text: s.text, facts: s.facts }));
      return made;
    };
    const blankOf = new Map<FileScan, CheckFile>();
    const blank = (s: FileScan): CheckFile => {
      let made = blankOf.get(s);
      if (!made) blankOf.set(s, (made = { file: s.file, text: '', facts: s.facts }));
      return made;
    };
    for (const rule of rules) {
      const byFile = new Map<string, RawHit[]>();
      this.byRule.set(rule, byFile);
      const m = rule.matcher;
      if (m.type !== 'check' || m.check.scope !== 'workspace') continue;
      const check = m.check;
      const inputs = sorted
        .filter((s) => ruleAppliesTo(rule, s.file))
        .map((s) => (readsTextOf(check, s) ? input(s) : blank(s)));
      if (inputs.length === 0) continue;
      let hits: ReturnType<typeof m.check.run> = [];
      try {
        hits = m.check.run(inputs, m.options);
      } catch (e) {
        this.failed = true;
        this.onError(rule.id, e);
      }
      for (const hit of hits) {
        const list = byFile.get(hit.file) ?? [];
        list.push({ ruleId: rule.id, span: hit.span, vars: hit.vars });
        byFile.set(hit.file, list);
      }
    }
  }
}

/**
 * Does a workspace check read this file's text? Not a JS file's without any of the check's hints,
 * which it gets as an empty text: it cannot contribute through its text (it still counts by name,
 * like a `drizzle.config.ts`). The language server keeps no such text in memory (closedTexts.ts),
 * and re-running a Drizzle check after an edit reads no other file from disk.
 */
export function readsTextOf(check: WorkspaceCheck, scan: Pick<FileScan, 'kind' | 'literals'>): boolean {
  return scan.kind !== 'js' || !check.hints || check.hints.some((hint) => scan.literals.has(hint));
}
