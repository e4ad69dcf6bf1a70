// What the lock-in panel shows (`lockin/costChanged`), built from the findings the server already
// holds: no file is re-read or re-scanned. Sent after the same debounce as the workspace summary,
// and only when something the panel shows changed.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Baseline, compareWithBaseline, readBaseline } from '../engine/baseline/baseline';
import type { CostSummary } from '../engine/cost';
import type { Finding } from '../engine/types';
import { BaselineDelta, CostChangedNotification, CostChangedParams } from '../protocol';
import { checklistAnswers } from './checklist';
import { FailureEvidence } from './failureEvidence';
import { costView, estimate, workspaceCostOptions } from './costView';
import { firstOf, locatedFindings } from './located';
import type { Session } from './session';

/** The panel's model; undefined while files wait for the checklist's failure-path inspection. */
export function panelParams(session: Session, evidence: FailureEvidence): CostChangedParams | undefined {
  const located = locatedFindings(session);
  const lockin = located.filter((l) => l.finding.kind === 'lockin');
  const security = located.filter((l) => l.finding.kind === 'security');
  const summary = estimate(located.map((l) => l.finding), workspaceCostOptions(session));
  const cost = costView(summary, lockin);
  const files = session.folders.workspace().reduce((n, folder) => n + folder.state.scans.size, 0);
  const checklist = checklistAnswers(located, summary, cost, evidence);
  if (!checklist) return undefined;
  return {
    files,
    lockin: lockin.length,
    cost,
    security: {
      total: security.length,
      errors: security.filter((l) => l.finding.severity === 'error').length,
      warnings: security.filter((l) => l.finding.severity === 'warning').length,
      at: firstOf(security.filter((l) => l.finding.severity === 'error')) ?? firstOf(security),
    },
    checklist,
    baseline: baselineDelta(session, located.map((l) => l.finding), summary),
    stale: !session.openDocuments.allCurrent(),
  };
}

/**
 * How this branch moved the estimate against the accepted baseline of the first folder
 * (`lockin-lens baseline` writes it). Read again only when the file changes on disk.
 */
function baselineDelta(session: Session, findings: Finding[], summary: CostSummary): BaselineDelta | undefined {
  const folder = session.folders.workspace()[0];
  if (!folder) return undefined;
  const file = join(folder.root, BASELINE_FILE);
  let stamp: number;
  try {
    stamp = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  if (baselineCache?.file !== file || baselineCache.stamp !== stamp) {
    const read = readBaseline(file);
    if ('error' in read) {
      session.log(`baseline ${file}: ${read.error}`);
      return undefined;
    }
    baselineCache = { file, stamp, baseline: read.baseline };
  }
  const comparison = compareWithBaseline(findings, summary, baselineCache.baseline, workspaceCostOptions(session));
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    newFindings: comparison.newFindings.length,
    accepted: comparison.accepted,
    gone: comparison.gone,
    total: { low: round(comparison.delta.total.low), high: round(comparison.delta.total.high) },
    summary: comparison.delta.summary,
  };
}

const BASELINE_FILE = join('.lockin-lens', 'baseline.json');
let baselineCache: { file: string; stamp: number; baseline: Baseline } | undefined;

/** How long edits may stay unchecked before the panel says its figures are from an earlier version. */
const STALE_MARK_MS = 300;

/** Sends `lockin/costChanged` when what the panel shows differs from what was sent last. */
export class PanelPublisher {
  private lastSent = '';
  private last?: CostChangedParams;
  private staleTimer?: NodeJS.Timeout;

  /** Files whose failure paths are still to be inspected hold the model back until they are (then it goes out). */
  private readonly evidence: FailureEvidence;

  constructor(private readonly session: Session) {
    this.evidence = new FailureEvidence(
      (step) => session.inBackground('failure-path evidence', step),
      () => session.scheduleSummary(),
    );
  }

  publish(): void {
    try {
      const params = panelParams(this.session, this.evidence);
      if (params) this.send(params);
    } catch (e) {
      this.session.log(`panel update failed: ${(e as Error).stack ?? e}`);
    }
  }

  /**
   * An open document was edited. If its edits are still unchecked a moment later (a long analysis,
   * a busy machine), the model last sent goes out again marked stale, without being recomputed;
   * the next publish() after the analysis clears the mark. Quick analyses never show it.
   */
  edited(): void {
    if (this.staleTimer) return;
    this.staleTimer = setTimeout(() => {
      this.staleTimer = undefined;
      if (this.last && !this.last.stale && !this.session.openDocuments.allCurrent()) this.send({ ...this.last, stale: true });
    }, STALE_MARK_MS);
  }

  private send(params: CostChangedParams): void {
    const json = JSON.stringify(params);
    if (json === this.lastSent) return;
    this.lastSent = json;
    this.last = params;
    this.session.connection.sendNotification(CostChangedNotification, params);
  }
}
