// Untrusted rule code runs on a time budget. A team's regular expression with nested quantifiers,
// such as `(a+)+$`, backtracks exponentially on a long run of `a`s and would hold the thread (the
// language server has one) for minutes. JavaScript cannot stop a running match, but V8 can: a `vm`
// script given a `timeout` is interrupted by a watchdog thread, inside a regex match too. So
// untrusted matching runs inside such a script (about 60 µs a call), and work that overruns is
// abandoned whole: nothing it produced is kept. Built-in rules are reviewed code and run directly.

import vm from 'node:vm';

/** How long one custom rule may take on one file, or one custom regular expression on one string. */
export const TIME_BUDGET_MS = 300;

export class TimeBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`ran longer than ${budgetMs} ms`);
  }
}

const sandbox = vm.createContext(Object.create(null) as object) as { work?: () => void };
const callWork = new vm.Script('work()', { filename: 'lockin-lens-time-budget' });
/** Work inside a budget that calls withinBudget again is already bounded by the outer budget. */
let depth = 0;

/** Runs `work` and returns its result, or throws TimeBudgetExceeded when it takes longer than the budget. */
export function withinBudget<T>(work: () => T, budgetMs = TIME_BUDGET_MS): T {
  if (depth > 0) return work();
  let result: T | undefined;
  sandbox.work = () => void (result = work());
  depth++;
  try {
    callWork.runInContext(sandbox, { timeout: budgetMs });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeBudgetExceeded(budgetMs);
    throw e;
  } finally {
    depth--;
    sandbox.work = undefined;
  }
  return result as T;
}

/**
 * A regular expression from an untrusted rule. Each match runs on the budget; one that overruns
 * stops the expression for good (it never matches again) and calls `onStop` once.
 */
export class BudgetedRegExp extends RegExp {
  private stopped = false;

  constructor(pattern: string | RegExp, flags?: string, private readonly onStop: (e: TimeBudgetExceeded) => void = () => undefined) {
    super(pattern, flags);
  }

  override exec(text: string): RegExpExecArray | null {
    if (this.stopped) return null;
    try {
      return withinBudget(() => super.exec(text));
    } catch (e) {
      if (!(e instanceof TimeBudgetExceeded)) throw e;
      this.stopped = true;
      this.onStop(e);
      return null;
    }
  }
}
