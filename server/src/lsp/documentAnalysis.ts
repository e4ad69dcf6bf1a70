// The analysis of an open document's text (opened, edited, or saved in on-save mode), run in slices
// between which requests are answered; its result is taken in only if no newer text overtook it.

import { matchSitesAhead } from '../engine/match';
import { runInSlices, withPauseAtEnd } from './slices';
import type { ChangeReason } from './openDocuments';
import type { Session } from './session';
import type { MessageActivity } from './updateQueue';

/** LOCKIN_LENS_TIMING=1 logs how long each document update took (the benchmark reads it). */
const TIMING = process.env.LOCKIN_LENS_TIMING === '1';

export class DocumentAnalysis {
  constructor(
    private readonly session: Session,
    private readonly activity: MessageActivity,
  ) {}

  /**
   * Analyses an open document's text (opened, edited, or saved in on-save mode): re-scans it and
   * notes what depends on it. The scan is taken in only if no newer text arrived while it ran.
   */
  async apply(
    uri: string,
    text: string,
    reason: ChangeReason,
    superseded: () => boolean,
  ): Promise<boolean> {
    const located = this.session.locate(uri);
    if (!located) return true;
    if (reason === 'change' && !located.folder.isOpen(located.rel)) reason = 'open';
    const settings = await this.session.settings.get(uri);
    if (reason === 'change' && settings.run === 'onSave' && located.folder.state.scans.has(located.rel)) return true;
    if (!located.folder.isWanted(located.rel) && reason !== 'open') return true;
    const started = performance.now();
    // Requests are answered between slices of the scan; one a newer text overtook stops at the next.
    const scanned = await runInSlices(
      withPauseAtEnd(located.folder.scanOpenSteps(located.rel, text)),
      this.activity,
      superseded,
    );
    if (!scanned.done && scanned.why === 'failed') {
      this.session.logFailure(uri, scanned.error);
      return true; // the server never crashes on a file: it is skipped
    }
    if (!scanned.done) {
      if (TIMING)
        this.session.log(
          `timing: ${reason} ${located.rel} dropped after ${(performance.now() - started).toFixed(1)} ms (newer text)`,
        );
      return false;
    }
    const scan = scanned.value;
    const taking = performance.now();
    this.session.guard(uri, () => {
      const changed = located.folder.takeOpenScan(located.rel, text, scan);
      this.logProblemsOnce(located.rel, located.folder.problemsOf(located.rel, text));
      if (reason === 'open') located.folder.ensureImports(located.rel);
      // The first edit takes over the open's facts: their references are matched now, not then.
      if (reason === 'open' && scan?.facts) matchSitesAhead(scan.facts, located.folder.state.index);
      this.session.afterChange(located.folder, changed, located.rel);
      if (TIMING)
        this.session.log(
          `timing: ${reason} ${located.rel} re-checked in ${(performance.now() - started).toFixed(1)} ms (then ` +
            `${(performance.now() - taking).toFixed(1)} ms to take it in)`,
        );
    });
    return true;
  }

  private readonly loggedProblems = new Set<string>();

  /**
   * Problems scanning an open document (a custom rule stopped on its time budget, a file too large
   * to parse), each logged once. Syntax errors come and go as the user types and are not logged.
   */
  private logProblemsOnce(rel: string, problems: string[] = []): void {
    for (const problem of problems) {
      const key = `${rel}\0${problem}`;
      if (problem.startsWith('syntax error') || this.loggedProblems.has(key)) continue;
      this.loggedProblems.add(key);
      this.session.log(`${rel}: ${problem}`);
    }
  }
}
