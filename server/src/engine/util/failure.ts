// Failures in words, for `errors` entries and logs.

/** A stack overflow means input nested deeper than the code walking it can follow. */
export function describeFailure(e: unknown): string {
  return e instanceof RangeError && /call stack/i.test(e.message) ? 'nested too deeply' : e instanceof Error ? e.message : String(e);
}
