// Adding app scores up: per app, in total, grouped by platform, framework, label family and
// finding category, and lock-in recall on a platform × framework grid. Pure, like the scorer.

import type { AppScore, FindingStatus, JudgedFinding, Label } from './score';

export interface Tally {
  lockin: { labels: number; found: number };
  security: { labels: number; found: number };
  quiet: { labels: number; violated: number };
  precision: Record<FindingStatus, number>;
}

export function emptyTally(): Tally {
  return { lockin: { labels: 0, found: 0 }, security: { labels: 0, found: 0 }, quiet: { labels: 0, violated: 0 }, precision: { right: 0, wrong: 0, untriaged: 0 } };
}

function addLabel(tally: Tally, label: Label, ok: boolean): void {
  if (label.expect === 'quiet') {
    tally.quiet.labels++;
    if (!ok) tally.quiet.violated++;
  } else {
    tally[label.expect].labels++;
    if (ok) tally[label.expect].found++;
  }
}

/** What a group key is taken from; returning undefined leaves the item out of that grouping. */
export interface Grouping {
  label(label: Label, app: string): string | undefined;
  finding(judged: JudgedFinding, app: string): string | undefined;
}

/** Tallies keyed by the grouping, in key order. */
export function tallyBy(scores: AppScore[], grouping: Grouping): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  const of = (key: string) => groups.get(key) ?? groups.set(key, emptyTally()).get(key)!;
  for (const score of scores) {
    for (const { label, found } of score.expected) {
      const key = grouping.label(label, score.app);
      if (key !== undefined) addLabel(of(key), label, found);
    }
    for (const { label, violatedBy } of score.quiet) {
      const key = grouping.label(label, score.app);
      if (key !== undefined) addLabel(of(key), label, violatedBy.length === 0);
    }
    for (const judged of score.judged) {
      const key = grouping.finding(judged, score.app);
      if (key !== undefined) of(key).precision[judged.status]++;
    }
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export function total(scores: AppScore[]): Tally {
  return tallyBy(scores, { label: () => '', finding: () => '' }).get('') ?? emptyTally();
}

/** One tally per app key (an app may count under several, e.g. its frameworks). */
export function byAppKeys(scores: AppScore[], keysOf: (app: string) => string[]): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const score of scores) {
    const one = total([score]);
    for (const key of keysOf(score.app)) groups.set(key, add(groups.get(key) ?? emptyTally(), one));
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function add(a: Tally, b: Tally): Tally {
  return {
    lockin: { labels: a.lockin.labels + b.lockin.labels, found: a.lockin.found + b.lockin.found },
    security: { labels: a.security.labels + b.security.labels, found: a.security.found + b.security.found },
    quiet: { labels: a.quiet.labels + b.quiet.labels, violated: a.quiet.violated + b.quiet.violated },
    precision: { right: a.precision.right + b.precision.right, wrong: a.precision.wrong + b.precision.wrong, untriaged: a.precision.untriaged + b.precision.untriaged },
  };
}

/** Recall of lock-in or security labels, 0..1, or undefined without labels. */
export function recall(part: { labels: number; found: number }): number | undefined {
  return part.labels === 0 ? undefined : part.found / part.labels;
}

/** Right over judged (untriaged findings count neither way), or undefined when none was judged. */
export function precision(tally: Tally): number | undefined {
  const judged = tally.precision.right + tally.precision.wrong;
  return judged === 0 ? undefined : tally.precision.right / judged;
}

/** The standard groupings of the report. */
export const byPlatform: Grouping = { label: (l) => l.platform, finding: (j) => j.finding.platform };
export const byFamily: Grouping = { label: (l) => l.family, finding: () => undefined };
export const byCategory: Grouping = { label: () => undefined, finding: (j) => j.finding.category };

/** Lock-in labels found, keyed platform → framework (an app's labels count under each of its frameworks). */
export type LockinGrid = Map<string, Map<string, { labels: number; found: number }>>;

/** The platform × framework grid of lock-in recall; only cells with labels, keys in order. */
export function lockinGrid(scores: AppScore[], frameworksOf: (app: string) => string[]): LockinGrid {
  const grid: LockinGrid = new Map();
  for (const score of scores) {
    for (const { label, found } of score.expected) {
      if (label.expect !== 'lockin') continue;
      const row = grid.get(label.platform) ?? grid.set(label.platform, new Map()).get(label.platform)!;
      for (const framework of frameworksOf(score.app)) {
        const cell = row.get(framework) ?? row.set(framework, { labels: 0, found: 0 }).get(framework)!;
        cell.labels++;
        if (found) cell.found++;
      }
    }
  }
  const sorted = <V>(map: Map<string, V>) => new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
  return sorted(new Map([...grid].map(([platform, row]) => [platform, sorted(row)])));
}
