// Runs a document's analysis (a generator of steps, see scanSteps) in slices: between slices the
// messages received meanwhile are handled, so a hover or a code action waits for one slice at most,
// not for the whole analysis; an analysis a newer text made worthless stops there.

import type { MessageActivity } from './updateQueue';

/** How long the analysis holds the server before it lets the messages received meanwhile through. */
export const ANALYSIS_SLICE_MS = 30;

export type Sliced<T> = { done: true; value: T } | { done: false; why: 'superseded' | 'failed'; error?: unknown };

/**
 * Steps through `steps` to its result. At each pause past the slice's budget the messages already
 * received are handled; if `superseded()` then says a newer text arrived, the steps are stopped
 * (their `finally` blocks run) and nothing of them is returned.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, activity: MessageActivity, superseded: () => boolean, sliceMs = ANALYSIS_SLICE_MS): Promise<Sliced<T>> {
  let sliceEnd = performance.now() + sliceMs;
  for (;;) {
    let step: IteratorResult<void, T>;
    try {
      step = steps.next();
    } catch (error) {
      return { done: false, why: 'failed', error };
    }
    if (step.done) return { done: true, value: step.value };
    if (performance.now() < sliceEnd) continue;
    await activity.quiet(sliceMs);
    if (superseded()) {
      steps.return(undefined as T);
      return { done: false, why: 'superseded' };
    }
    sliceEnd = performance.now() + sliceMs;
  }
}

/** The same steps with one more pause at their end: the safe point before a result is taken in. */
export function* withPauseAtEnd<T>(steps: Generator<void, T, void>): Generator<void, T, void> {
  const value = yield* steps;
  yield;
  return value;
}
