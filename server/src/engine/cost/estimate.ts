// estimateCost: lock-in findings → hours per platform → capability → file, every range the sum of
// named terms. Cheap enough to run after every edit (one pass over the findings, no I/O after the
// calibration is loaded once).

import type { Finding } from '../types';
import { applyOverrides, builtinCalibration, ResolvedCalibration } from './calibration';
import { capabilityCost, range, round1, sumRanges } from './capability';
import type { CalendarWindow, CapabilityCost, CostOptions, CostSummary, CostTerm, PlatformCost, Range } from './types';
import { dualRunWeight, platformWeight, seamWeight } from './weights';
import { groupBy } from '../util/groupBy';

/** The formula in one line, with the exponents of the calibration in use. */
export function costBasis(cal: ResolvedCalibration): string {
  const c = cal.values;
  return (
    `per platform and capability: a seam (adapter) cost, call sites of each rule × sites^${c.siteExponent} × a spread factor ` +
    `(up to ×${c.structure.uiMultiplier[0]}–${c.structure.uiMultiplier[1]} for calls inside UI code), files^${c.files.exponent}, per-item work, ` +
    `and data, account and stored-file migration terms; weights from rules/calibration.json`
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
  platforms.sort((a, b) => b.total.high - a.total.high || a.platform.localeCompare(b.platform));
  const total = sumRanges(platforms.map((p) => p.total));
  const summary: CostSummary = {
    unit: 'hours',
    provisional: false,
    model: 'lockin-lens/cost-v1',
    calibration: cal.overridden.size > 0 ? 'rules/calibration.json with overrides from settings' : 'rules/calibration.json',
    basis: costBasis(cal),
    total,
    assisted: sumRanges(platforms.map((p) => p.assisted)),
    calendar: { weeks: maxRange(platforms.map((p) => p.calendar.weeks)) },
    platforms,
    assumptions: [...cal.values.assumptions],
  };
  if (rate) summary.money = { rate, currency: options.currency ?? '', total: range([total.low * rate, total.high * rate]) };
  if (cal.errors.length > 0) summary.errors = [...cal.errors];
  return summary;
}

function platformCost(platform: string, findings: Finding[], cal: ResolvedCalibration, rate: number | undefined): PlatformCost {
  const categories = [...groupBy(findings, (f) => f.category).entries()].map(([category, items]) => capabilityCost(platform, category, items, cal));
  categories.sort((a, b) => b.total.high - a.total.high || a.category.localeCompare(b.category));
  const windows: CalendarWindow[] = [];
  for (const c of categories) {
    const w = dualRunWeight(cal, platform, c.category);
    if (w) windows.push({ category: c.category, weeks: range(w.weeks), reason: w.reason });
  }
  const total = sumRanges(categories.map((c) => c.total));
  const cost: PlatformCost = {
    platform,
    findings: findings.length,
    total,
    assisted: assistedRange(categories.flatMap((c) => c.terms), cal),
    calendar: { weeks: maxRange(windows.map((w) => w.weeks)), windows },
    categories,
    notes: migrationNotes(platform, categories, cal),
  };
  if (rate) cost.money = range([total.low * rate, total.high * rate]);
  return cost;
}

/** Code terms scaled by the assisted factor; data and account terms as they are. */
function assistedRange(terms: CostTerm[], cal: ResolvedCalibration): Range {
  const [f0, f1] = cal.values.assisted.factor;
  return range([
    terms.reduce((s, t) => s + (t.assistable ? t.hours.low * f0 : t.hours.low), 0),
    terms.reduce((s, t) => s + (t.assistable ? t.hours.high * f1 : t.hours.high), 0),
  ]);
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
 * What adopting a capability adds before its first call site is counted: the seam, plus for
 * database, auth and storage the migration term at one data object. A first call adds this plus
 * one site and one file; each further call in a used capability adds only its marginal site cost.
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

