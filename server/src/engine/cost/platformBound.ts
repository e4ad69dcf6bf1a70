// The rewrite bound on a whole platform. Every line that touches the platform is code a rewrite
// would replace: the functions and components holding calls, and the configuration, Security Rules,
// SQL and hosting files beside them (Finding.unit: a TOML section, a JSON key, a rules file, a SQL
// statement). So all the work of leaving (seams, call sites, files, items, configuration and
// hosting) is capped: its most likely figure at the touched lines ÷ the rewrite rate, and its high
// end at that rewrite done at the slow pace. A 40-line rules file cannot cost more to port than
// rewriting it. Only moves stay outside: data, accounts and stored files exist whether the code is
// ported or rewritten. compareWithRewrite then says how the estimate stands against the rewrite
// and which terms take it past.

import type { ResolvedCalibration } from './calibration';
import { platformName } from './delta';
import { round1, round2 } from './structure';
import type { CapabilityCost, CostTerm, PlatformRewriteBound, Range, RewriteComparison, TermKind } from './types';
import { addSwings, rangeOf, rangeOfTerms, scaleSwings, shares } from './uncertainty';

/** Terms a rewrite of the code does not remove. */
const MOVES = new Set<TermKind>(['data', 'identity', 'stored-files']);

export function isMove(t: CostTerm): boolean {
  return MOVES.has(t.kind);
}

export function applyPlatformBound(
  categories: CapabilityCost[],
  lines: number,
  cal: ResolvedCalibration,
): { categories: CapabilityCost[]; bound?: PlatformRewriteBound } {
  if (lines === 0) return { categories };
  const work = categories.flatMap((c) => c.terms.filter((t) => !isMove(t)));
  const before = work.reduce((s, t) => s + t.likely, 0);
  const up = rangeOfTerms(work).high - before;
  const cap = lines / cal.values.rewrite.linesPerHour;
  const slowCap = cap * cal.values.likely.pace[1];
  // The most likely work scales to the cap (so a new line never lowers it); the swings scale with
  // it, and further where the high end would still pass the rewrite at the slow pace.
  const factor = before > cap ? cap / before : 1;
  const swingFactor = Math.min(factor, up > 0 ? Math.max(0, slowCap - before * factor) / up : 1);
  if (factor >= 1 && swingFactor >= 1) return { categories };
  const tenths = roundedTenths(work.map((t) => t.likely * factor));
  const likelyOf = new Map(work.map((t, i) => [t, tenths[i] / 10]));
  const scaled = categories.map((c) => rescale(c, likelyOf, factor, swingFactor));
  const bound = { touchedLines: lines, cap: round1(cap), before: round1(before), factor: round2(factor) };
  return { categories: scaled, bound };
}

/**
 * Scaled hours in tenths whose sum is the rounded sum (largest remainders get the spare tenths):
 * rounding thirty small terms one by one would lose hours, and an added line could lower the total.
 */
function roundedTenths(values: number[]): number[] {
  const exact = values.map((v) => v * 10);
  const out = exact.map(Math.floor);
  let spare = Math.round(exact.reduce((s, v) => s + v, 0)) - out.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => i).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b);
  for (const i of order) {
    if (spare <= 0) break;
    out[i] += 1;
    spare -= 1;
  }
  return out;
}

function rescale(c: CapabilityCost, likelyOf: Map<CostTerm, number>, factor: number, swingFactor: number): CapabilityCost {
  const note = factor < 1 ? `× ${round2(factor)} platform rewrite bound` : 'high end within the platform rewrite bound';
  const terms = c.terms.map((t) => {
    const likely = likelyOf.get(t);
    if (likely === undefined || t.likely === 0) return t;
    const swings = scaleSwings(t.swings, swingFactor).map((s) => ({ ...s, down: round2(s.down), up: round2(s.up) }));
    return { ...t, likely, swings, hours: rangeOf(likely, swings), formula: `${t.formula}, ${note}` };
  });
  const likely = round1(terms.reduce((s, t) => s + t.likely, 0));
  const swings = addSwings(terms);
  const byFile = c.byFile.map((f) => {
    const hours = { low: round1(f.hours.low * factor), high: round1(f.hours.high * factor) };
    return { ...f, likely: round1(f.likely * factor), hours };
  });
  return { ...c, terms, likely, total: rangeOf(likely, swings), uncertainties: shares(swings), byFile };
}

/** How a platform's estimate compares with a rewrite of its touched lines, and what takes it past. */
export function compareWithRewrite(
  platform: string,
  total: Range,
  categories: CapabilityCost[],
  lines: number,
  cal: ResolvedCalibration,
): RewriteComparison | undefined {
  if (lines === 0) return undefined;
  const rate = cal.values.rewrite.linesPerHour;
  const hours = round1(lines / rate);
  const outside = categories
    .flatMap((c) => c.terms.filter(isMove).map((t) => (moveOf(c.category, t))))
    .sort((a, b) => b.high - a.high || a.label.localeCompare(b.label));
  const highRatio = hours > 0 ? round2(total.high / hours) : 0;
  const rewriteText = `a rewrite of the ${lines} lines that touch ${platformName(platform)} (${hours} h at ${rate} lines/h)`;
  let summary = `The high end (${round1(total.high)} h) is ${highRatio}× ${rewriteText}`;
  const past = total.high > (lines / rate) * cal.values.likely.pace[1] && outside.length > 0;
  if (past) {
    const named = outside.map((o) => `${o.label.split(':')[0].toLowerCase()} (${o.category}, up to ${o.high} h)`).join(', ');
    summary += `; past it by what a rewrite does not remove: ${named}. Records, accounts and stored files move either way`;
  } else {
    summary += `; the code and configuration work is within it`;
  }
  return { touchedLines: lines, hours, highRatio, past, outside, summary };
}

function moveOf(category: string, t: CostTerm): RewriteComparison['outside'][number] {
  return { kind: t.kind, category, label: t.label, likely: t.likely, high: t.hours.high };
}
