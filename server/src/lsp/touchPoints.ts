// `lockin/touchPoints`: one document's lock-in touch points for the client's CodeLens summary
// ("Base44 · 31 touch points · 24–95 h") and its on-demand highlights. Lock-in findings are not
// diagnostics by default, so the client asks for them here. The per-file hours are the file's share
// of the workspace estimate, computed once per change of the findings.

import { CancellationToken } from 'vscode-languageserver';
import { platformName } from '../engine/cost';
import type { CostSummary } from '../engine/cost';
import type { HoursRange, TouchPoints } from '../protocol';
import { estimate, fileShares, workspaceCostOptions } from './costView';
import { visibleFindings } from './diagnostics';
import { locatedFindings } from './located';
import type { Session } from './session';
import { pathSelected } from './settings';

export async function touchPoints(session: Session, uri: string, token: CancellationToken = CancellationToken.None): Promise<TouchPoints> {
  await session.settled();
  // An open document is analysed at its latest text first (edits are only noted as they come).
  if (!(await session.openDocuments.current(uri, token))) return { points: [], platforms: [] };
  // A file outside the workspace counts only while it is open (no folder is made for the rest).
  const located = session.folders.inWorkspace(uri) ?? (session.documents.get(uri) ? session.locate(uri) : undefined);
  if (!located) return { points: [], platforms: [] };
  const settings = await session.settings.get(uri);
  if (!pathSelected(settings, located.rel)) return { points: [], platforms: [] };
  located.folder.freshen(located.rel);
  const lockin = visibleFindings(located.folder.findings.get(located.rel) ?? [], settings).filter((f) => f.kind === 'lockin');
  const points = lockin.map((f) => ({
    ruleId: f.ruleId,
    platform: f.platform,
    category: f.category,
    message: f.message,
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
  }));
  const shares = sharesOf(session).get(located.rel);
  const counts = new Map<string, number>();
  for (const f of lockin) counts.set(f.platform, (counts.get(f.platform) ?? 0) + 1);
  const platforms = [...counts]
    .map(([platform, count]) => withRange({ platform, name: platformName(platform), count }, shares?.get(platform)))
    .sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform));
  return { points, platforms };
}

function withRange<T extends object>(entry: T, range: HoursRange | undefined): T & { range?: HoursRange } {
  return range ? { ...entry, range } : entry;
}

/** The workspace estimate's per-file shares, kept until the findings or settings change. */
let cached: { session: Session; generation: number; shares: Map<string, Map<string, HoursRange>> } | undefined;

function sharesOf(session: Session): Map<string, Map<string, HoursRange>> {
  const generation = session.versions.current();
  if (cached?.session !== session || cached.generation !== generation) {
    const summary: CostSummary = estimate(locatedFindings(session).map((l) => l.finding), workspaceCostOptions(session));
    cached = { session, generation, shares: fileShares(summary) };
  }
  return cached.shares;
}
