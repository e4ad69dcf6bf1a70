// A provisional, clearly labelled cost summary until the calibrated cost model lands.
// It follows the catalog's suggestion (platforms.md §0.1): each touch-point type (rule) weighs
// S=1, M=3, L=8, XL=20 points times (1 + log2(call sites)), so one adapter absorbs many calls.
// Points become hours with a deliberately wide 2–4 h per point; nothing here is calibrated.

import type { EffortGrade, Finding } from './types';

const POINTS: Record<EffortGrade, number> = { S: 1, M: 3, L: 8, XL: 20 };
const HOURS_PER_POINT = { low: 2, high: 4 };

export interface Range {
  low: number;
  high: number;
}

export interface CostSummary {
  unit: 'hours';
  provisional: true;
  basis: string;
  total: Range;
  platforms: { platform: string; total: Range; categories: { category: string; sites: number; files: number; total: Range }[] }[];
}

export function provisionalCost(findings: Finding[]): CostSummary {
  const lockin = findings.filter((f) => f.kind === 'lockin' && f.effort);
  const byPlatform = groupBy(lockin, (f) => f.platform);
  const platforms = [...byPlatform.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([platform, items]) => {
    const categories = [...groupBy(items, (f) => f.category).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, sites]) => ({
      category,
      sites: sites.length,
      files: new Set(sites.map((s) => s.file)).size,
      total: hours(pointsFor(sites)),
    }));
    return { platform, total: sum(categories.map((c) => c.total)), categories };
  });
  return {
    unit: 'hours',
    provisional: true,
    basis: 'provisional: catalog grade weights (S=1, M=3, L=8, XL=20 points) × (1 + log2(sites)) per rule, 2–4 h per point; not calibrated',
    total: sum(platforms.map((p) => p.total)),
    platforms,
  };
}

function pointsFor(findings: Finding[]): number {
  let points = 0;
  for (const [, sites] of groupBy(findings, (f) => f.ruleId)) {
    points += POINTS[sites[0].effort!] * (1 + Math.log2(sites.length));
  }
  return points;
}

function hours(points: number): Range {
  return { low: Math.round(points * HOURS_PER_POINT.low), high: Math.round(points * HOURS_PER_POINT.high) };
}

function sum(ranges: Range[]): Range {
  return ranges.reduce((a, r) => ({ low: a.low + r.low, high: a.high + r.high }), { low: 0, high: 0 });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
