// The audit's progress on stderr: files scanned of the total and the time so far. On a terminal it
// is one line rewritten in place, shown only once the audit has run about a second (a quick audit
// prints nothing) and wiped before the report. Never on a pipe or in CI logs, unless `--progress`
// asks for it: then from the start, and on a pipe as a plain line every few seconds.

/** Where progress goes: process.stderr, or a recorder in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Whether to show progress at all: asked for, or a terminal outside CI; never with --quiet. */
export function progressWanted(flags: { quiet: boolean; progress: boolean }, stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  if (flags.quiet) return false;
  return flags.progress || (stream.isTTY === true && !inCI(env));
}

/** CI services set CI=true (GitHub Actions, GitLab, CircleCI, Travis, Buildkite); Azure Pipelines sets TF_BUILD. */
export function inCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.toLowerCase();
  return (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') || env.TF_BUILD === 'True';
}

/** A terminal's line is redrawn at most this often; a pipe gets a line at most this often. */
const REDRAW_MS = 100;
const LINE_EVERY_MS = 2000;
/** On a terminal, audits shorter than this show no progress (unless asked for). */
export const SHOW_AFTER_MS = 1000;

export class ProgressLine {
  private readonly started: number;
  private lastShown = -Infinity;
  private shownWidth = 0;

  /**
   * `eager`: show from the first file (asked for with --progress) rather than after SHOW_AFTER_MS.
   * `now` is the clock, in milliseconds (tests pass their own).
   */
  constructor(private readonly stream: ProgressStream, private readonly eager: boolean, private readonly now: () => number = () => performance.now()) {
    this.started = now();
  }

  private get live(): boolean {
    return this.stream.isTTY === true;
  }

  /** The engine's onProgress hook: `done` of `total` files scanned. */
  update(done: number, total: number): void {
    const now = this.now();
    const elapsed = now - this.started;
    if (!this.eager && elapsed < SHOW_AFTER_MS) return;
    if (done < total && now - this.lastShown < (this.live ? REDRAW_MS : LINE_EVERY_MS)) return;
    this.lastShown = now;
    const text = `lockin-lens: scanned ${done} of ${total} files, ${(elapsed / 1000).toFixed(1)} s`;
    if (!this.live) {
      this.stream.write(text + '\n');
      return;
    }
    // Padding over the previous text rather than an erase sequence: works on any terminal.
    this.stream.write('\r' + text.padEnd(this.shownWidth));
    this.shownWidth = text.length;
  }

  /** Wipes a terminal's line, so the report (or the shell prompt) starts on a clean one. */
  end(): void {
    if (this.live && this.shownWidth > 0) this.stream.write('\r' + ' '.repeat(this.shownWidth) + '\r');
    this.shownWidth = 0;
  }
}
