// Workspace totals for the status bar and the audit command, from the findings already computed
// per file (no rescan).

import { CostOptions, estimateCost } from '../engine/cost';
import type { Finding } from '../engine/types';
import type { WorkspaceSummary } from '../protocol';
import type { FolderIndex } from './folderIndex';

export function summarize(folders: FolderIndex[], filter: (folder: FolderIndex, findings: Finding[]) => Finding[], ms = 0, costOptions: CostOptions = {}): WorkspaceSummary {
  const all: Finding[] = [];
  let files = 0;
  let errors = 0;
  let skipped = 0;
  for (const folder of folders) {
    files += folder.state.scans.size;
    errors += folder.errors.length;
    skipped += folder.skipped;
    for (const findings of folder.findings.values()) all.push(...filter(folder, findings));
  }
  const cost = estimateCost(all, costOptions);
  const counts = new Map<string, number>();
  for (const f of all) if (f.kind === 'lockin') counts.set(f.platform, (counts.get(f.platform) ?? 0) + 1);
  return {
    files,
    security: all.filter((f) => f.kind === 'security').length,
    securityErrors: all.filter((f) => f.kind === 'security' && f.severity === 'error').length,
    lockin: all.filter((f) => f.kind === 'lockin').length,
    errors,
    skipped,
    ms,
    cost: whole(cost.total),
    platforms: cost.platforms
      .map((p) => ({ platform: p.platform, findings: counts.get(p.platform) ?? 0, ...whole(p.total) }))
      .sort((a, b) => b.high - a.high || a.platform.localeCompare(b.platform)),
  };
}

/** Whole hours for the status bar (the model keeps tenths so its terms add up). */
function whole(r: { low: number; high: number }): { low: number; high: number } {
  return { low: Math.round(r.low), high: Math.round(r.high) };
}
