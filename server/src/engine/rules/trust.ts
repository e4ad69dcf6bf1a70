// Which rules and platform descriptors ship with Lock-in Lens. Everything else (rule folders from
// settings, `.lockin-lens/rules`, `--rules`) is untrusted data: validated when it loads (load.ts),
// and its patterns and globs run on a time budget (util/timeBudget.ts). Anything not marked,
// including a copy of a built-in rule, counts as untrusted: the safe default.

const builtIn = new WeakSet<object>();

export function markBuiltIn(ruleOrPlatform: object): void {
  builtIn.add(ruleOrPlatform);
}

export function isBuiltIn(ruleOrPlatform: object): boolean {
  return builtIn.has(ruleOrPlatform);
}

/** Where a custom rule overran its budget: its file globs, or its matcher on a file's text. */
export type StopCause = 'files' | 'match';

/** Custom rules stopped for overrunning their time budget: off until the rules are loaded again. */
const stopped = new WeakMap<object, { cause: StopCause; message: string }>();

export function stopRule(rule: object, cause: StopCause, message: string): void {
  if (!stopped.has(rule)) stopped.set(rule, { cause, message });
}

export function isStopped(rule: object): boolean {
  return stopped.has(rule);
}

export function stopOf(rule: object): { cause: StopCause; message: string } | undefined {
  return stopped.get(rule);
}
