// Workspace totals for the status bar and the audit command, from the findings already computed
// per file (no rescan).

import { provisionalCost } from '../engine/cost';
import type { Finding } from '../engine/types';
import type { WorkspaceSummary } from '../protocol';
import type { FolderIndex } from './folderIndex';

export function summarize(folders: FolderIndex[], filter: (folder: FolderIndex, findings: Finding[]) => Finding[], ms = 0): WorkspaceSummary {
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
  const cost = provisionalCost(all);
  const counts = new Map<string, number>();
  for (const f of all) if (f.kind === 'lockin') counts.set(f.platform, (counts.get(f.platform) ?? 0) + 1);
  return {
    files,
    security: all.filter((f) => f.kind === 'security').length,
    lockin: all.filter((f) => f.kind === 'lockin').length,
    errors,
    skipped,
    ms,
    cost: cost.total,
    platforms: cost.platforms
      .map((p) => ({ platform: p.platform, findings: counts.get(p.platform) ?? 0, low: p.total.low, high: p.total.high }))
      .sort((a, b) => b.high - a.high || a.platform.localeCompare(b.platform)),
  };
}
