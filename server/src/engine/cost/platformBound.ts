// The rewrite bound on a whole platform. The per-file bound (bound.ts) caps call-site work; on a
// small app the seams and ported pieces can still add up to more than rewriting every line that
// touches the platform from scratch, which is what a team would do instead. So a platform's code
// work (code capabilities' seams, and the call sites, files and items that live in code files) is capped
// at its touched lines ÷ the rewrite rate. Data, accounts, stored files, configuration, SQL, Security
// Rules and hosting stay outside: a rewrite of the code does not remove them. Without evidence
// (no units of code) or with a provisional estimate (the audit saw too little), no cap applies.

import type { Finding } from '../types';
import type { ResolvedCalibration } from './calibration';
import { round1, round2 } from './structure';
import type { CapabilityCost, CostTerm, PlatformRewriteBound } from './types';
import { addSwings, rangeOf, scaleSwings, shares } from './uncertainty';

const NOT_CODE_CAPABILITIES = new Set(['hosting', 'config']);
const CODE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;

export function applyPlatformBound(
  categories: CapabilityCost[],
  findings: readonly Finding[],
  touched: Map<string, number>,
  cal: ResolvedCalibration,
): { categories: CapabilityCost[]; bound?: PlatformRewriteBound } {
  const lines = [...touched.values()].reduce((s, n) => s + n, 0);
  if (lines === 0) return { categories };
  const rulesInCode = rulesOnlyInCode(findings);
  const isCode = (c: CapabilityCost, t: CostTerm) =>
    t.kind === 'files' ||
    (t.kind === 'seam' && !NOT_CODE_CAPABILITIES.has(c.category)) ||
    ((t.kind === 'sites' || t.kind === 'items') && rulesInCode.has(t.ruleId ?? ''));
  const before = categories.reduce((s, c) => s + c.terms.filter((t) => isCode(c, t)).reduce((x, t) => x + t.likely, 0), 0);
  const cap = lines / cal.values.rewrite.linesPerHour;
  if (before <= cap || before === 0) return { categories };
  const factor = cap / before;
  const scaled = categories.map((c) => rescale(c, (t) => isCode(c, t), factor));
  return { categories: scaled, bound: { touchedLines: lines, cap: round1(cap), before: round1(before) } };
}

/** Rules whose every finding is in a code file (a ported function, not SQL, rules or config files). */
function rulesOnlyInCode(findings: readonly Finding[]): Set<string> {
  const inCode = new Map<string, boolean>();
  for (const f of findings) inCode.set(f.ruleId, (inCode.get(f.ruleId) ?? true) && CODE_FILE.test(f.file));
  return new Set([...inCode].filter(([, yes]) => yes).map(([id]) => id));
}

function rescale(c: CapabilityCost, eligible: (t: CostTerm) => boolean, factor: number): CapabilityCost {
  const terms = c.terms.map((t) => {
    if (!eligible(t) || t.likely === 0) return t;
    const likely = round1(t.likely * factor);
    const swings = scaleSwings(t.swings, factor).map((s) => ({ ...s, down: round2(s.down), up: round2(s.up) }));
    return { ...t, likely, swings, hours: rangeOf(likely, swings), formula: `${t.formula}, × ${round2(factor)} platform rewrite bound` };
  });
  const likely = round1(terms.reduce((s, t) => s + t.likely, 0));
  const swings = addSwings(terms);
  const byFile = c.byFile.map((f) => (f.role === 'config' ? f : { ...f, likely: round1(f.likely * factor), hours: { low: round1(f.hours.low * factor), high: round1(f.hours.high * factor) } }));
  return { ...c, terms, likely, total: rangeOf(likely, swings), uncertainties: shares(swings), byFile };
}


