// Which rules apply to a file, by their `files` globs. Asked for every file of a workspace, so the
// answers are shared: each distinct selection is decided once per path, and the files that get the
// same answers share one rule list.

import { CompiledRule, ruleAppliesTo } from './rules/model';
import { isBuiltIn, stopOf } from './rules/trust';
import type { ScanError } from './types';
import { requiredLiterals } from './util/glob';
import { Literal, LiteralScan } from './util/literalScan';

interface Selection {
  rule: CompiledRule;
  /** Some of these is in every path the selection includes (undefined: no such text known). */
  hints?: Literal[];
}

export class RuleSelection {
  private readonly rulesByFile = new Map<string, CompiledRule[]>();
  private readonly rulesByAnswers = new Map<string, CompiledRule[]>();
  private readonly reportedStops = new WeakSet<CompiledRule>();
  private readonly filesKeys = new Map<CompiledRule, string>();
  /**
   * One rule for each distinct `files` selection, in the order they first occur, with text every
   * path it includes holds (most selections name a file or folder: `wrangler.toml`, `supabase/functions`).
   */
  private readonly selections: Selection[];
  /** Finds the selections' hints in a path, in one pass. */
  private readonly pathScan: LiteralScan;

  /** Custom rules stopped on their glob budget are reported in `errors` (the rule index's). */
  constructor(private readonly rules: CompiledRule[], private readonly errors: ScanError[]) {
    const byKey = new Map<string, CompiledRule>();
    for (const rule of rules) if (rule.files && !byKey.has(this.filesKey(rule))) byKey.set(this.filesKey(rule), rule);
    this.selections = [...byKey.values()].map((rule) => {
      const hints = rule.files?.include && requiredLiterals(rule.files.include);
      return { rule, hints: hints?.map((text) => ({ text })) };
    });
    this.pathScan = new LiteralScan(this.selections.flatMap((s) => s.hints ?? []));
  }

  /** The rules whose file globs accept this root-relative path (cached: globs are slow). */
  rulesFor(file: string): CompiledRule[] {
    let rules = this.rulesByFile.get(file);
    if (!rules) {
      // Many rules share one `files` selection (all secrets rules do): decide each selection once,
      // and share one list among the files that get the same answers (most get the same few).
      const named = this.pathScan.find(file); // (most paths name none of the selections' folders and files)
      const answers = this.selections
        .map(({ rule, hints }) => (hints && !hints.some((h) => named.has(h)) ? '0' : this.appliesTo(rule, file) ? '1' : '0'))
        .join('');
      rules = this.rulesByAnswers.get(answers);
      if (!rules) {
        const accepted = new Set(this.selections.filter((_, i) => answers[i] === '1').map(({ rule }) => this.filesKey(rule)));
        rules = this.rules.filter((rule) => !rule.files || accepted.has(this.filesKey(rule)));
        this.rulesByAnswers.set(answers, rules);
      }
      if (this.rulesByFile.size > 100_000) this.rulesByFile.clear();
      this.rulesByFile.set(file, rules);
    }
    return rules;
  }

  /** Custom rules whose globs overran their budget (see ruleAppliesTo) are reported once here. */
  private appliesTo(rule: CompiledRule, file: string): boolean {
    const yes = ruleAppliesTo(rule, file);
    const stop = yes || isBuiltIn(rule) ? undefined : stopOf(rule);
    if (stop?.cause === 'files' && !this.reportedStops.has(rule)) {
      this.reportedStops.add(rule);
      this.errors.push({ file: rule.source, message: stop.message });
    }
    return yes;
  }

  private filesKey(rule: CompiledRule): string {
    let key = this.filesKeys.get(rule);
    // A custom rule decides for itself: it may be stopped while a rule with the same files is not.
    if (key === undefined) this.filesKeys.set(rule, (key = (isBuiltIn(rule) ? '' : `${rule.id}|`) + JSON.stringify(rule.files)));
    return key;
  }
}
