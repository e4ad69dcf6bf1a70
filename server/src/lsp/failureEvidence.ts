// The checklist's failure-path evidence per file (engine/failurePaths*.ts), which reads the file's
// tree. A file whose tree is at hand (an open document, a file just scanned) is inspected at once;
// the others are parsed in background slices that let requests through. Publishing the panel once
// parsed every platform file in one go: 1.5 s after indexing the bench's workspace, with a hover
// waiting behind it.

import type ts from 'typescript';
import { hasResultErrorCalls, ResultCheck, uncheckedResults } from '../engine/failurePaths';
import { hasRejectingCalls, REJECTING_PLATFORMS, unhandledRejections } from '../engine/failurePathsThrown';
import { parseSource } from '../engine/js/facts';
import { recallTree } from '../engine/js/treeCache';
import type { FileScan } from '../engine/scan/scanFile';
import type { Finding } from '../engine/types';
import type { BackgroundStep } from './updateQueue';

export interface PlatformResultCheck {
  platform: string;
  check: ResultCheck;
}

export class FailureEvidence {
  /** A file's scan object is replaced when its text changes, so these follow edits by themselves. */
  private readonly inspected = new WeakMap<FileScan, { key: string; checks: PlatformResultCheck[] }>();
  private readonly pending = new Map<FileScan, { findings: Finding[]; current: () => boolean }>();

  /**
   * @param inBackground runs a step in background slices (the server's update queue)
   * @param ready called when the files waiting for a parse have all been inspected
   */
  constructor(
    private readonly inBackground: (step: BackgroundStep) => void,
    private readonly ready: () => void,
  ) {}

  /**
   * The file's checks; undefined while it waits for its parse in the background. `current` says
   * whether the scan is still the file's when its turn comes (a file edited meanwhile is skipped).
   */
  checksOf(scan: FileScan, findings: Finding[], current: () => boolean): PlatformResultCheck[] | undefined {
    const key = keyOf(findings);
    const known = this.inspected.get(scan);
    if (known?.key === key) return known.checks;
    const tree = recallTree(scan.file, scan.text)?.sourceFile;
    if (tree || !needsTree(findings)) return this.inspect(scan, findings, key, tree);
    this.pending.set(scan, { findings, current });
    this.inBackground(this.step);
    return undefined;
  }

  /** Inspects waiting files until the deadline (at least one); says whether some are left. */
  private readonly step = (deadline: number): boolean => {
    for (const [scan, { findings, current }] of this.pending) {
      this.pending.delete(scan);
      const key = keyOf(findings);
      if (!current() || this.inspected.get(scan)?.key === key) continue;
      this.inspect(scan, findings, key, undefined);
      if (performance.now() >= deadline) break;
    }
    if (this.pending.size > 0) return true;
    this.ready(); // (schedules the panel's publication: this step must stay short)
    return false;
  };

  private inspect(
    scan: FileScan,
    findings: Finding[],
    key: string,
    tree: ts.SourceFile | undefined,
  ): PlatformResultCheck[] {
    const checks: PlatformResultCheck[] = [];
    if (needsTree(findings)) {
      const sourceFile = tree ?? parseSource(scan.file, scan.text); // parsed once for both kinds of check
      if (hasResultErrorCalls(findings))
        checks.push({ platform: 'supabase', check: uncheckedResults(sourceFile, findings) });
      const rejecting = findings.filter((f) => f.kind === 'lockin' && REJECTING_PLATFORMS.has(f.platform));
      for (const platform of new Set(rejecting.map((f) => f.platform)))
        checks.push({ platform, check: unhandledRejections(sourceFile, findings, platform) });
    }
    this.inspected.set(scan, { key, checks });
    return checks;
  }
}

function needsTree(findings: Finding[]): boolean {
  return hasResultErrorCalls(findings) || hasRejectingCalls(findings);
}

/** The findings' rules and places: the checks are redone when they move. */
function keyOf(findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId}:${f.line}:${f.column}`).join('|');
}
