// Where an estimate's width comes from. Every term has a most-likely value and swings, each tied
// to a named uncertainty: how fast the team works (pace), how much of the call-site work sits in UI
// code (spread), password-hash compatibility (hashes), replacing realtime listeners (realtime) and
// the amount of data to move (data volume). Within one name the swings add up (they move together);
// across names they are independent, so they combine as the root of the sum of squares. The range
// a team plans with is therefore narrower than the sum of every term's worst case, and each name's
// share of the width is shown.

import { round1 } from './structure';
import type { Range, Swing, UncertaintyName, UncertaintyShare } from './types';

export const UNCERTAINTY_NAMES: readonly UncertaintyName[] = ['pace', 'spread', 'hashes', 'realtime', 'data volume'];

/** What a term or a sum of terms carries: its most likely hours and its named swings. */
export interface Uncertain {
  likely: number;
  swings: Swing[];
}

/** The swings of several terms, added name by name. */
export function addSwings(parts: readonly Uncertain[]): Swing[] {
  const byName = new Map<UncertaintyName, Swing>();
  for (const part of parts) {
    for (const s of part.swings) {
      const sum = byName.get(s.name) ?? { name: s.name, down: 0, up: 0 };
      sum.down += s.down;
      sum.up += s.up;
      byName.set(s.name, sum);
    }
  }
  return UNCERTAINTY_NAMES.flatMap((name) => {
    const s = byName.get(name);
    return s && (s.down > 0 || s.up > 0) ? [s] : [];
  });
}

/** likely − √Σ down² … likely + √Σ up², never below zero. */
export function rangeOf(likely: number, swings: readonly Swing[]): Range {
  const down = Math.sqrt(swings.reduce((s, x) => s + x.down * x.down, 0));
  const up = Math.sqrt(swings.reduce((s, x) => s + x.up * x.up, 0));
  return { low: round1(Math.max(0, likely - down)), high: round1(likely + up) };
}

/** The range of a set of terms: their summed likely hours with their swings. */
export function rangeOfTerms(terms: readonly Uncertain[]): Range {
  return rangeOf(terms.reduce((s, t) => s + t.likely, 0), addSwings(terms));
}

/** Each name's share of the squared width, largest first: what makes the range as wide as it is. */
export function shares(swings: readonly Swing[]): UncertaintyShare[] {
  const total = swings.reduce((s, x) => s + x.down * x.down + x.up * x.up, 0);
  if (total === 0) return [];
  return swings
    .map((s) => ({ name: s.name, down: round1(s.down), up: round1(s.up), share: Math.round(((s.down * s.down + s.up * s.up) / total) * 100) / 100 }))
    .sort((a, b) => b.share - a.share);
}

/** Swings of a value whose calibrated low and high bound it: the whole width under one name. */
export function widthSwing(name: UncertaintyName, likely: number, low: number, high: number): Swing {
  return { name, down: Math.max(0, likely - low), up: Math.max(0, high - likely) };
}

/** Swings scaled with their term (when the rewrite bound shrinks the term). */
export function scaleSwings(swings: readonly Swing[], factor: number): Swing[] {
  return swings.map((s) => ({ name: s.name, down: s.down * factor, up: s.up * factor }));
}

