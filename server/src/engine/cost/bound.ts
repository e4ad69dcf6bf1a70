// The rewrite bound. Moving a file's calls behind a seam never costs more than rewriting the code
// that holds them: the functions, components and statements around the file's touch points
// (Finding.unit), at the calibrated rewrite rate. Without the bound a small Firebase app with its
// calls spread through components was priced above a from-scratch rewrite of those components.
// Only call-site and files work is bounded: ported functions, data, accounts and stored files are
// work a rewrite does not remove.

import type { Finding } from '../types';
import type { CapabilityDraft } from './capability';
import type { ResolvedCalibration } from './calibration';
import { round1 } from './structure';
import type { RewriteBound } from './types';

export interface BoundResult {
  /** file → factor on its bounded shares (absent: 1). */
  factors: Map<string, number>;
  bounds: RewriteBound[];
}

export function rewriteBound(drafts: readonly CapabilityDraft[], findings: readonly Finding[], cal: ResolvedCalibration): BoundResult {
  const touched = touchedLines(findings);
  const work = new Map<string, number>();
  for (const d of drafts) {
    for (const { shares } of d.terms) {
      if (!shares) continue;
      for (const [file, hours] of shares) work.set(file, (work.get(file) ?? 0) + hours);
    }
  }
  const rate = cal.values.rewrite.linesPerHour;
  const factors = new Map<string, number>();
  const bounds: RewriteBound[] = [];
  for (const [file, before] of work) {
    const lines = touched.get(file);
    if (lines === undefined) continue;
    const cap = lines / rate;
    if (before <= cap) continue;
    factors.set(file, cap / before);
    bounds.push({ file, touchedLines: lines, cap: round1(cap), before: round1(before) });
  }
  bounds.sort((a, b) => b.before - b.cap - (a.before - a.cap) || a.file.localeCompare(b.file));
  return { factors, bounds };
}

/** Lines of the distinct units of code holding each file's touch points (overlaps counted once). */
export function touchedLines(findings: readonly Finding[]): Map<string, number> {
  const spans = new Map<string, [number, number][]>();
  for (const f of findings) {
    if (!f.unit) continue;
    const list = spans.get(f.file);
    if (list) list.push([f.unit.line, f.unit.endLine]);
    else spans.set(f.file, [[f.unit.line, f.unit.endLine]]);
  }
  const out = new Map<string, number>();
  for (const [file, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [start, end] = list[0];
    for (const [s, e] of list.slice(1)) {
      if (s <= end + 1) end = Math.max(end, e);
      else {
        total += end - start + 1;
        [start, end] = [s, e];
      }
    }
    out.set(file, total + end - start + 1);
  }
  return out;
}

