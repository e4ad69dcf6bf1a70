// The engine's cost estimate as the panel shows it: ranges per platform and capability with the
// terms that produced them, the first touch point of each row (clicking a row opens it), the files
// the model prices highest, calendar time and money when present. The only place in the server
// that knows the cost model's shape.

import { CostOptions, CostSummary, CostTerm, estimateCost, Range } from '../engine/cost';
import type { Finding } from '../engine/types';
import type { CapabilityCost, CostView, FileCost, HoursRange, PlatformCost } from '../protocol';
import { firstOf, LocatedFinding } from './located';
import type { Session } from './session';
import { costOptionsOf } from './settings';

const TOP_FILES = 8;

export function estimate(findings: Finding[], options: CostOptions = {}): CostSummary {
  return estimateCost(findings, options);
}

/** One estimate for the workspace, under the first folder's cost settings (as the status bar's). */
export function workspaceCostOptions(session: Session): CostOptions {
  const first = session.folders.all()[0];
  return first ? costOptionsOf(session.folderSettingsOf(first)) : {};
}

export function costView(summary: CostSummary, lockin: LocatedFinding[]): CostView {
  const platforms = summary.platforms.map((p): PlatformCost => {
    const ofPlatform = lockin.filter((l) => l.finding.platform === p.platform);
    const capabilities = p.categories.map((c): CapabilityCost => {
      const ofCategory = ofPlatform.filter((l) => l.finding.category === c.category);
      return {
        category: c.category,
        range: hours(c.total),
        touchPoints: c.findings,
        files: c.files,
        structure: c.structure.pattern === 'none' ? undefined : c.structure.summary,
        terms: c.terms.map(termLine),
        at: firstOf(ofCategory),
      };
    });
    return { platform: p.platform, range: hours(p.total), touchPoints: ofPlatform.length, capabilities, notes: p.notes, at: firstOf(ofPlatform) };
  });
  const view: CostView = {
    provisional: summary.provisional,
    basis: summary.basis,
    likely: Math.round(summary.likely),
    total: hours(summary.total),
    width: summary.uncertainties.map((u) => ({ name: u.name, share: u.share })),
    assisted: hours(summary.assisted),
    platforms,
    topFiles: topFiles(summary, lockin),
    assumptions: summary.assumptions,
  };
  const calendar = longestWindow(summary);
  if (calendar) view.calendar = calendar;
  if (summary.provisionalReasons) view.provisionalReasons = summary.provisionalReasons;
  if (summary.money) view.money = { range: hours(summary.money.total), currency: summary.money.currency || `at ${summary.money.rate}/h` };
  return view;
}

/**
 * The most coupled files: by touch points, then by the model's hours (one rule: a UI file with 3
 * calls must not outrank a backend function with 12 because UI calls are priced higher).
 */
function topFiles(summary: CostSummary, lockin: LocatedFinding[]): FileCost[] {
  const byFile = new Map<string, { range: Range; findings: number; platforms: Set<string> }>();
  for (const p of summary.platforms) {
    for (const c of p.categories) {
      for (const f of c.byFile) {
        const entry = byFile.get(f.file) ?? { range: { low: 0, high: 0 }, findings: 0, platforms: new Set<string>() };
        entry.range = { low: entry.range.low + f.hours.low, high: entry.range.high + f.hours.high };
        entry.findings += f.findings;
        entry.platforms.add(p.platform);
        byFile.set(f.file, entry);
      }
    }
  }
  const firstByFile = new Map<string, LocatedFinding>();
  for (const l of lockin) if (!firstByFile.has(l.finding.file)) firstByFile.set(l.finding.file, l);
  const out: FileCost[] = [];
  for (const [file, entry] of byFile) {
    const first = firstByFile.get(file);
    if (!first) continue;
    out.push({ uri: first.uri, label: first.label, platforms: [...entry.platforms].sort(), touchPoints: entry.findings, range: hours(entry.range), at: firstOf([first])! });
  }
  return out.sort((a, b) => b.touchPoints - a.touchPoints || b.range!.high - a.range!.high || a.label.localeCompare(b.label)).slice(0, TOP_FILES);
}

/** The longest dual-run window, with its reason (windows overlap, so the longest is the calendar). */
function longestWindow(summary: CostSummary): CostView['calendar'] {
  const windows = summary.platforms.flatMap((p) => p.calendar.windows.map((w) => ({ ...w, platform: p.platform })));
  if (windows.length === 0 || summary.calendar.weeks.high <= 0) return undefined;
  const longest = windows.reduce((a, b) => (b.weeks.high > a.weeks.high ? b : a));
  return { range: summary.calendar.weeks, unit: 'weeks', note: `${longest.platform} ${longest.category}: ${longest.reason}` };
}

/** "Call sites of supabase/query-builder: 0.25–0.5 h × 2^0.8 = 0.4–0.9 h (calibration: grades.M.site)". */
function termLine(term: CostTerm): string {
  const result = hours(term.hours);
  const arithmetic = /[×+]/.test(term.formula) ? `${term.formula} = ${result.low}–${result.high} h` : term.formula;
  return `${term.label}: ${arithmetic} (${term.source})`;
}

/** Whole hours from 10 up, tenths below (the model keeps tenths so its terms add up). */
function hours(r: Range): HoursRange {
  const round = (n: number) => (Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
  return { low: round(r.low), high: round(r.high) };
}
