// The engine's cost estimate as the panel shows it: ranges per platform and capability with the
// terms that produced them, the first touch point of each row (clicking a row opens it), the files
// the model prices highest, calendar time and money when present. The only place in the server
// that knows the cost model's shape.

import { CostOptions, CostSummary, CostTerm, estimateCost, platformName, Range } from '../engine/cost';
import { capabilityTitle } from '../engine/report/common';
import type { Finding } from '../engine/types';
import type { CapabilityCost, CostView, FileCost, HoursRange, PlatformCost, WideTerm } from '../protocol';
import { firstOf, LocatedFinding } from './located';
import type { Session } from './session';
import { costOptionsOf } from './settings';

const TOP_FILES = 8;
/** Terms the headline's "why this wide" lists. */
const WIDEST_TERMS = 4;

export function estimate(findings: Finding[], options: CostOptions = {}): CostSummary {
  return estimateCost(findings, options);
}

/** One estimate for the workspace, under the first folder's cost settings (as the status bar's). */
export function workspaceCostOptions(session: Session): CostOptions {
  const first = session.folders.workspace()[0];
  return first ? costOptionsOf(session.folderSettingsOf(first)) : {};
}

export function costView(summary: CostSummary, lockin: LocatedFinding[]): CostView {
  const platforms = summary.platforms.map((p): PlatformCost => {
    const ofPlatform = lockin.filter((l) => l.finding.platform === p.platform);
    const capabilities = p.categories.map((c): CapabilityCost => {
      const ofCategory = ofPlatform.filter((l) => l.finding.category === c.category);
      return {
        category: c.category,
        name: capabilityTitle(c.category),
        range: hours(c.total),
        touchPoints: c.findings,
        files: c.files,
        structure: c.structure.pattern === 'none' ? undefined : c.structure.summary,
        terms: c.terms.map(termLine),
        at: firstOf(ofCategory),
      };
    });
    return { platform: p.platform, name: platformName(p.platform), range: hours(p.total), touchPoints: ofPlatform.length, capabilities, notes: p.notes, at: firstOf(ofPlatform) };
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
    widest: widestTerms(summary),
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
  // One rule: most touch points first (the hours beside them follow the model, and may rank otherwise).
  return out.sort((a, b) => b.touchPoints - a.touchPoints || a.label.localeCompare(b.label)).slice(0, TOP_FILES);
}

/** The terms of the model with the widest ranges: what makes the total as wide as it is. */
function widestTerms(summary: CostSummary): WideTerm[] {
  const terms = summary.platforms.flatMap((p) => p.categories.flatMap((c) => c.terms.map((t) => ({ platform: p.platform, category: c.category, label: t.label, range: t.hours }))));
  const spread = (t: { range: Range }) => t.range.high - t.range.low;
  return terms
    .filter((t) => spread(t) > 0)
    .sort((a, b) => spread(b) - spread(a) || a.label.localeCompare(b.label))
    .slice(0, WIDEST_TERMS)
    .map((t) => ({ ...t, range: hours(t.range) }));
}

/** Each file's share of the estimate per platform, from the model's own per-file costs. */
export function fileShares(summary: CostSummary): Map<string, Map<string, HoursRange>> {
  const out = new Map<string, Map<string, Range>>();
  for (const p of summary.platforms) {
    for (const c of p.categories) {
      for (const f of c.byFile) {
        const perPlatform = out.get(f.file) ?? new Map<string, Range>();
        const sum = perPlatform.get(p.platform) ?? { low: 0, high: 0 };
        perPlatform.set(p.platform, { low: sum.low + f.hours.low, high: sum.high + f.hours.high });
        out.set(f.file, perPlatform);
      }
    }
  }
  return new Map([...out].map(([file, m]) => [file, new Map([...m].map(([platform, r]) => [platform, hours(r)]))]));
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
  // `\u00d7` is ×, written so that the bundle stays ASCII (see scripts/bundle.mjs).
  const arithmetic = /[\u00d7+]/.test(term.formula)
    ? `${term.formula} = ${result.low}–${result.high} h`
    : term.formula;
  return `${term.label}: ${arithmetic} (${term.source})`;
}

/** Whole hours from 10 up, tenths below (the model keeps tenths so its terms add up). */
function hours(r: Range): HoursRange {
  const round = (n: number) => (Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
  return { low: round(r.low), high: round(r.high) };
}
