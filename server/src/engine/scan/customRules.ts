// Custom rules on one file, on a time budget (see util/timeBudget.ts). All of a file's custom rules
// share one budgeted call, since a call costs a little; when the budget runs out, the rule running
// at that moment is stopped only if it had the whole budget to itself, otherwise it is given a
// fresh budget of its own. A stopped rule is reported once and stays off until the rules reload.

import type { CompiledRule } from '../rules/model';
import { isStopped, stopRule } from '../rules/trust';
import type { RawHit } from '../types';
import { describeFailure } from '../util/failure';
import { TimeBudgetExceeded, withinBudget } from '../util/timeBudget';

export function customRuleHits(rules: CompiledRule[], hitsOf: (rule: CompiledRule) => RawHit[], errors: string[]): RawHit[] {
  // One slot per rule, assigned whole: a rule interrupted half-way leaves nothing behind.
  const results: RawHit[][] = [];
  let next = 0;
  while (next < rules.length) {
    const first = next;
    try {
      withinBudget(() => {
        for (; next < rules.length; next++) {
          const rule = rules[next];
          if (isStopped(rule)) continue;
          try {
            results[next] = hitsOf(rule);
          } catch (e) {
            errors.push(`rule ${rule.id} failed on this file: ${describeFailure(e)}`);
          }
        }
      });
    } catch (e) {
      if (!(e instanceof TimeBudgetExceeded)) throw e;
      if (next === first) {
        const message = stoppedMessage(rules[next], e.budgetMs);
        stopRule(rules[next], 'match', message);
        errors.push(message);
        next++;
      }
    }
  }
  return results.flat();
}

export function stoppedMessage(rule: { id: string }, budgetMs: number): string {
  return `rule ${rule.id} was stopped: it ran longer than ${budgetMs} ms on this file (a pattern that backtracks, like (a+)+$, can take forever on some text); it is off until the rules are loaded again`;
}
