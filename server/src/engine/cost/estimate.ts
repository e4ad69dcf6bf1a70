// estimateCost: lock-in findings → hours per platform → capability → file. Each figure is a most
// likely value (the sum of named terms) with a range from named uncertainties (uncertainty.ts).
// Cheap enough to run after every edit (a few passes over the findings, no I/O after the
// calibration is loaded once).

import type { Finding } from '../types';
import { rewriteBound, touchedLines } from './bound';
import { applyPlatformBound, compareWithRewrite } from './platformBound';
import { applyOverrides, builtinCalibration, ResolvedCalibration } from './calibration';
import { draftCapability, finishCapability, range } from './capability';
import { round1 } from './structure';
import { provisionalReason } from './coverage';
import { absorbedFindings } from './operations';
import type { CalendarWindow, CapabilityCost, CostOptions, CostSummary, CostTerm, PlatformCost, Range } from './types';
import { addSwings, rangeOf, shares } from './uncertainty';
import { dualRunWeight, platformWeight, ruleWeight, seamWeight } from './weights';
import { groupBy } from '../util/groupBy';

/** The formula in one line, with the exponents of the calibration in use. */
export function costBasis(cal: ResolvedCalibration): string {
  const c = cal.values;
  return (
    `per platform and capability: a seam (adapter) cost, operations of each rule × sites^${c.siteExponent} × a spread factor ` +
    `(×${c.structure.uiMultiplier[0]}–${c.structure.uiMultiplier[1]} for calls inside UI code), files^${c.files.exponent}, per-item work, ` +
    `and data, account and stored-file migration terms; each file's call-site work, and each platform's work but those moves, ` +
    `capped by a rewrite of its touched code and configuration at ${c.rewrite.linesPerHour} lines/h; ` +
    'most likely at the middle of each weight, the range from named uncertainties; ' +
    'weights from rules/calibration.json'
  );
}

let lastOverrides: { key: string; resolved: ResolvedCalibration } | undefined;

/** The calibration an estimate uses: the given or built-in one, with overrides merged (cached). */
export function resolveCalibration(options: CostOptions = {}): ResolvedCalibration {
  const base = options.calibration ?? builtinCalibration();
  if (options.overrides === undefined || options.overrides === null) return base;
  const key = `${base.file}\0${JSON.stringify(options.overrides)}`;
  if (lastOverrides?.key !== key || options.calibration) lastOverrides = { key, resolved: applyOverrides(base, options.overrides) };
  return lastOverrides.resolved;
}

export function estimateCost(findings: readonly Finding[], options: CostOptions = {}): CostSummary {
  const cal = resolveCalibration(options);
  const lockin = findings.filter((f) => f.kind === 'lockin' && cal.values.capabilities[f.category]);
  const byPlatform = groupBy(lockin, (f) => f.platform);
  const rate = options.hourlyRate !== undefined && options.hourlyRate > 0 ? options.hourlyRate : undefined;
  const platforms = [...byPlatform.entries()].map(([platform, items]) => platformCost(platform, items, cal, rate));
  platforms.sort((a, b) => b.likely - a.likely || a.platform.localeCompare(b.platform));
  const likely = round1(platforms.reduce((s, p) => s + p.likely, 0));
  const swings = addSwings(platforms.flatMap((p) => p.categories.flatMap((c) => c.terms)));
  const total = rangeOf(likely, swings);
  const reasons = platforms.flatMap((p) => (p.provisional ? [p.provisional] : []));
  const factor = assistedFactor(cal);
  const summary: CostSummary = {
    unit: 'hours',
    provisional: reasons.length > 0,
    model: 'lockin-lens/cost-v2',
    calibration: cal.overridden.size > 0 ? 'rules/calibration.json with overrides from settings' : 'rules/calibration.json',
    basis: costBasis(cal),
    likely,
    total,
    uncertainties: shares(swings),
    assisted: assistedRange(total, likely, platforms.flatMap((p) => p.categories.flatMap((c) => c.terms)), factor),
    assistedFactor: factor,
    calendar: { weeks: maxRange(platforms.map((p) => p.calendar.weeks)) },
    platforms,
    assumptions: [...cal.values.assumptions],
  };
  if (reasons.length > 0) summary.provisionalReasons = reasons;
  if (rate) summary.money = { rate, currency: options.currency ?? '', total: range([total.low * rate, total.high * rate]) };
  if (cal.errors.length > 0) summary.errors = [...cal.errors];
  return summary;
}

function platformCost(platform: string, findings: Finding[], cal: ResolvedCalibration, rate: number | undefined): PlatformCost {
  const sites = findings.filter((f) => ruleWeight(cal, f.ruleId, f.effort ?? 'M').mode === 'site');
  const absorbed = absorbedFindings(sites, (f) => ruleWeight(cal, f.ruleId, f.effort ?? 'M').hours.value[1]);
  const drafts = [...groupBy(findings, (f) => f.category).entries()].map(([category, items]) => draftCapability(platform, category, items, absorbed, cal));
  const { factors, bounds } = rewriteBound(drafts, findings, cal);
  const provisional = provisionalReason(platform, findings, cal);
  const finished = drafts.map((d) => finishCapability(d, factors, bounds, cal));
  const lines = [...touchedLines(findings).values()].reduce((s, n) => s + n, 0);
  const { categories, bound } = applyPlatformBound(finished, lines, cal);
  categories.sort((a, b) => b.likely - a.likely || a.category.localeCompare(b.category));
  const windows: CalendarWindow[] = [];
  for (const c of categories) {
    const w = dualRunWeight(cal, platform, c.category);
    if (w) windows.push({ category: c.category, weeks: range(w.weeks), reason: w.reason });
  }
  const terms = categories.flatMap((c) => c.terms);
  const likely = round1(categories.reduce((s, c) => s + c.likely, 0));
  const swings = addSwings(terms);
  const total = rangeOf(likely, swings);
  const cost: PlatformCost = {
    platform,
    findings: findings.length,
    likely,
    total,
    uncertainties: shares(swings),
    assisted: assistedRange(total, likely, terms, assistedFactor(cal)),
    calendar: { weeks: maxRange(windows.map((w) => w.weeks)), windows },
    categories,
    notes: migrationNotes(platform, categories, cal),
  };
  if (provisional) cost.provisional = provisional;
  if (bound) cost.rewriteBound = bound;
  const rewrite = compareWithRewrite(platform, total, categories, lines, cal);
  if (rewrite) cost.rewrite = rewrite;
  if (rate) cost.money = range([total.low * rate, total.high * rate]);
  return cost;
}

/** The one stated assistance factor: the middle of the calibrated pair. */
function assistedFactor(cal: ResolvedCalibration): number {
  const [f0, f1] = cal.values.assisted.factor;
  return Math.round(((f0 + f1) / 2) * 1000) / 1000;
}

/** The range scaled by how much the factor on code terms lowers the most likely figure. */
function assistedRange(total: Range, likely: number, terms: CostTerm[], factor: number): Range {
  if (likely === 0) return { low: 0, high: 0 };
  const assisted = terms.reduce((s, t) => s + (t.assistable ? t.likely * factor : t.likely), 0);
  const scale = assisted / likely;
  return range([total.low * scale, total.high * scale]);
}

function migrationNotes(platform: string, categories: CapabilityCost[], cal: ResolvedCalibration): string[] {
  const present = new Set(categories.map((c) => c.category));
  const notes: string[] = [];
  if (present.has('database')) notes.push(platformWeight(cal, platform, 'data', 'note').value);
  if (present.has('auth')) notes.push(platformWeight(cal, platform, 'identity', 'note').value);
  if (present.has('storage')) notes.push(platformWeight(cal, platform, 'storedFiles', 'note').value);
  return notes;
}

/**
 * What adopting a capability adds before its first call site is counted, most likely: the seam,
 * plus for database, auth and storage the migration term at one data object. A first call adds
 * this plus one site and one file; each further call in a used capability adds only its marginal
 * site cost. As a range, the calibrated low and high of those weights.
 */
export function adoptionCost(platform: string, category: string, options: CostOptions = {}): Range {
  const cal = resolveCalibration(options);
  const seam = seamWeight(cal, platform, category).hours.value;
  let extra: [number, number] = [0, 0];
  if (category === 'database') extra = addPairs(platformWeight(cal, platform, 'data', 'fixed').value, platformWeight(cal, platform, 'data', 'perObject').value);
  if (category === 'auth') extra = platformWeight(cal, platform, 'identity', 'fixed').value;
  if (category === 'storage') extra = addPairs(platformWeight(cal, platform, 'storedFiles', 'fixed').value, platformWeight(cal, platform, 'storedFiles', 'perBucket').value);
  return range([seam[0] + extra[0], seam[1] + extra[1]]);
}

function addPairs(a: [number, number], b: [number, number]): [number, number] {
  return [a[0] + b[0], a[1] + b[1]];
}

function maxRange(ranges: Range[]): Range {
  return { low: round1(Math.max(0, ...ranges.map((r) => r.low))), high: round1(Math.max(0, ...ranges.map((r) => r.high))) };
}
