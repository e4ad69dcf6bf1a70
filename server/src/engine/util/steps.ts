// Work written as a generator of steps (`yield` between them) runs to its end at once in the CLI and
// a slice at a time in the language server, which answers requests between slices (lsp/slices.ts).

/** Runs the steps to their end and returns their result. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
