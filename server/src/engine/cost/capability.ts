// One capability of one platform (say Supabase database): its terms, structure signal and per-file
// shares. The formulas are written out in docs/cost-model.md; the weights come from the
// calibration through weights.ts. A capability is built in two steps: draftCapability prices its
// terms and shares call-site work out to files; finishCapability applies the platform's rewrite
// bound to those shares (bound.ts) and adds up.

import type { Finding } from '../types';
import type { Pair, ResolvedCalibration } from './calibration';
import { objectsOf } from './objects';
import { fileRole, structureSignal, round1, round2 } from './structure';
import type { CapabilityCost, CostTerm, FileCost, FileRole, PhaseId, Range, RewriteBound, Swing } from './types';
import { addSwings, rangeOf, scaleSwings, shares, widthSwing } from './uncertainty';
import { platformWeight, ruleWeight, RuleCostWeight, seamWeight } from './weights';
import { groupBy } from '../util/groupBy';

/** Capabilities whose per-item work (packages, env and config files) is clean-up at cut-over. */
const CLEANUP = new Set(['sdk', 'config']);

/** A term before the capability assigns its exit phase. */
type PhaselessTerm = Omit<CostTerm, 'phase' | 'hours'>;

export interface RuleGroup {
  ruleId: string;
  weight: RuleCostWeight;
  findings: Finding[];
  /** Distinct (file, line) pairs of the operations this rule stands for: one edit each. */
  sites: { file: string; line: number; role: FileRole }[];
}

/** A term with its most likely hours shared out to files (call-site and files terms only). */
export interface DraftTerm {
  term: CostTerm;
  /** file → most likely hours; the rewrite bound scales these. */
  shares?: Map<string, number>;
}

export interface CapabilityDraft {
  platform: string;
  category: string;
  findings: Finding[];
  groups: RuleGroup[];
  terms: DraftTerm[];
  /** file → most likely hours of items (outside the bound). */
  itemShares: Map<string, number>;
  objects: string[];
}

export function draftCapability(
  platform: string,
  category: string,
  findings: Finding[],
  absorbed: Set<Finding>,
  cal: ResolvedCalibration,
): CapabilityDraft {
  const groups = groupRules(findings, absorbed, cal);
  const siteGroups = groups.filter((g) => g.weight.mode === 'site' && g.sites.length > 0);
  const paced = category === 'realtime' ? 'realtime' : 'pace';
  const terms: DraftTerm[] = [];
  const itemShares = new Map<string, number>();

  const seam = seamWeight(cal, platform, category);
  const codePhase: PhaseId = category === 'hosting' ? 'cutover' : 'seams';
  const seamLikely = mid(seam.hours.value);
  terms.push(
    done(
      {
        kind: 'seam',
        label: `Seam: ${seam.label}`,
        formula: pairText(seam.hours.value),
        likely: seamLikely,
        swings: codeSwings(paced, seamLikely, seam.hours.value, cal),
        source: seam.hours.source,
        assistable: true,
      },
      codePhase,
    ),
  );
  for (const g of siteGroups) terms.push(sitesTerm(g, paced, cal, codePhase));
  const itemPhase = (g: RuleGroup): PhaseId =>
    category === 'hosting' ? 'cutover' : (g.weight.phase ?? (CLEANUP.has(category) ? 'cutover' : 'rebuild'));
  for (const g of groups.filter((x) => x.weight.mode === 'item'))
    terms.push(done(itemsTerm(g, paced, cal, itemShares), itemPhase(g)));
  const filesTerm = filesTermOf(siteGroups, paced, cal, codePhase);
  if (filesTerm) terms.push(filesTerm);
  const objects = objectsOf(groups);
  for (const t of dataTerms(platform, category, objects, cal)) terms.push({ term: t });
  return { platform, category, findings, groups, terms, itemShares, objects: objects.names };
}

/** Applies the per-file bound factors (1 where no bound applied) and adds everything up. */
export function finishCapability(
  d: CapabilityDraft,
  factors: Map<string, number>,
  bounds: RewriteBound[],
  cal: ResolvedCalibration,
): CapabilityCost {
  const fileLikely = new Map<string, number>(d.itemShares);
  const terms = d.terms.map(({ term, shares: termShares }) => {
    if (!termShares) return term;
    let likely = 0;
    for (const [file, share] of termShares) {
      const bounded = share * (factors.get(file) ?? 1);
      likely += bounded;
      fileLikely.set(file, (fileLikely.get(file) ?? 0) + bounded);
    }
    if (Math.abs(likely - term.likely) < 1e-9) return term;
    const swings = scaleSwings(term.swings, term.likely > 0 ? likely / term.likely : 0);
    const formula = `${term.formula}, capped by the rewrite bound`;
    return withHours({ ...term, formula, likely: round1(likely), swings: roundSwings(swings) });
  });
  const siteSignal = d.groups.filter((g) => g.weight.mode === 'site' && g.weight.spread).flatMap((g) => g.sites);
  const likely = round1(terms.reduce((s, t) => s + t.likely, 0));
  const swings = addSwings(terms);
  const files = new Set(d.findings.map((f) => f.file));
  return {
    category: d.category,
    findings: d.findings.length,
    sites: d.groups.reduce((n, g) => n + g.sites.length, 0),
    files: files.size,
    likely,
    total: rangeOf(likely, swings),
    uncertainties: shares(swings),
    terms,
    bounds: bounds.filter((b) => files.has(b.file)),
    structure: structureSignal(siteSignal, cal.values.structure.uiMultiplier),
    byFile: fileCosts(d, fileLikely, cal),
    objects: d.objects,
  };
}

function groupRules(findings: Finding[], absorbed: Set<Finding>, cal: ResolvedCalibration): RuleGroup[] {
  const byRule = groupBy(findings, (f) => f.ruleId);
  return [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, items]) => {
      const seen = new Map<string, Set<number>>();
      const sites: RuleGroup['sites'] = [];
      for (const f of items) {
        if (absorbed.has(f)) continue;
        let lines = seen.get(f.file);
        if (!lines) seen.set(f.file, (lines = new Set()));
        if (lines.has(f.line)) continue;
        lines.add(f.line);
        sites.push({ file: f.file, line: f.line, role: fileRole(f.file, cal.values.structure) });
      }
      return { ruleId, weight: ruleWeight(cal, ruleId, items[0].effort ?? 'M'), findings: items, sites };
    });
}

/**
 * hours × n^α × spread, where spread = 1 + (M − 1) × (UI sites / n). Most likely at the middle of
 * the hours and of M; the pace swing moves the whole term, the spread swing only M.
 */
function sitesTerm(g: RuleGroup, paced: 'pace' | 'realtime', cal: ResolvedCalibration, phase: PhaseId): DraftTerm {
  const c = cal.values;
  const n = g.sites.length;
  const ui = g.weight.spread ? g.sites.filter((s) => s.role === 'ui').length : 0;
  const M = c.structure.uiMultiplier;
  const spreadOf = (m: number) => 1 + (m - 1) * (ui / n);
  const scale = Math.pow(n, c.siteExponent);
  const base = mid(g.weight.hours.value) * scale;
  const likely = base * spreadOf(mid(M));
  const hoursPair: Pair = [
    g.weight.hours.value[0] * scale * spreadOf(mid(M)),
    g.weight.hours.value[1] * scale * spreadOf(mid(M)),
  ];
  const swings = codeSwings(paced, likely, hoursPair, cal);
  if (ui > 0) swings.push(widthSwing('spread', likely, base * spreadOf(M[0]), base * spreadOf(M[1])));
  const termShares = new Map<string, number>();
  const unitWeight = (role: FileRole) => (g.weight.spread && role === 'ui' ? mid(M) : 1);
  const totalWeight = g.sites.reduce((s, site) => s + unitWeight(site.role), 0);
  for (const s of g.sites)
    termShares.set(s.file, (termShares.get(s.file) ?? 0) + (likely * unitWeight(s.role)) / totalWeight);
  const spreadText =
    ui > 0
      ? ` × spread ${round2(spreadOf(mid(M)))} (${round2(spreadOf(M[0]))}–${round2(spreadOf(M[1]))}; ${ui} of ${n} in UI files)`
      : '';
  const term: PhaselessTerm = {
    kind: 'sites',
    label: `Call sites of ${g.ruleId}`,
    formula: `${pairText(g.weight.hours.value)} × ${n}^${c.siteExponent}${spreadText}`,
    likely: round1(likely),
    swings: roundSwings(swings),
    ruleId: g.ruleId,
    count: n,
    source: g.weight.hours.source,
    assistable: true,
  };
  return { term: done(term, phase).term, shares: termShares };
}

/** hours × count: each item is its own piece of work. */
function itemsTerm(
  g: RuleGroup,
  paced: 'pace' | 'realtime',
  cal: ResolvedCalibration,
  itemShares: Map<string, number>,
): PhaselessTerm {
  const [h0, h1] = g.weight.hours.value;
  for (const f of g.findings) itemShares.set(f.file, (itemShares.get(f.file) ?? 0) + mid([h0, h1]));
  const n = g.findings.length;
  const likely = mid([h0, h1]) * n;
  return {
    kind: 'items',
    label: `Items of ${g.ruleId}`,
    formula: `${pairText([h0, h1])} × ${n}`,
    likely: round1(likely),
    swings: roundSwings(codeSwings(paced, likely, [h0 * n, h1 * n], cal)),
    ruleId: g.ruleId,
    count: n,
    source: g.weight.hours.source,
    assistable: true,
  };
}

/** perFile × files^β over the code files that hold call sites. */
function filesTermOf(
  siteGroups: RuleGroup[],
  paced: 'pace' | 'realtime',
  cal: ResolvedCalibration,
  phase: PhaseId,
): DraftTerm | undefined {
  const files = [...new Set(siteGroups.flatMap((g) => g.sites.filter((s) => s.role !== 'config').map((s) => s.file)))];
  if (files.length === 0) return undefined;
  const {
    hours: [h0, h1],
    exponent,
  } = cal.values.files;
  const scale = Math.pow(files.length, exponent);
  const likely = mid([h0, h1]) * scale;
  const termShares = new Map(files.map((f) => [f, likely / files.length]));
  const term: PhaselessTerm = {
    kind: 'files',
    label: 'Files holding call sites',
    formula: `${pairText([h0, h1])} × ${files.length}^${exponent}`,
    likely: round1(likely),
    swings: roundSwings(codeSwings(paced, likely, [h0 * scale, h1 * scale], cal)),
    count: files.length,
    source: `calibration: files`,
    assistable: true,
  };
  return { term: done(term, phase).term, shares: termShares };
}

/** Data, account and stored-file moves: their whole calibrated width is one named uncertainty. */
function dataTerms(
  platform: string,
  category: string,
  objects: { count: number; how: string },
  cal: ResolvedCalibration,
): CostTerm[] {
  if (category === 'database') {
    const weights = [
      platformWeight(cal, platform, 'data', 'fixed'),
      platformWeight(cal, platform, 'data', 'perObject'),
    ] as const;
    const { pair, formula, source } = scaled(...weights, objects, 'data objects');
    return [
      movedTerm(
        'data',
        'Data migration: export, transform, load, verify',
        formula,
        pair,
        'data volume',
        source,
        'data',
        objects.count,
      ),
    ];
  }
  if (category === 'auth') {
    const fixed = platformWeight(cal, platform, 'identity', 'fixed');
    return [
      movedTerm(
        'identity',
        'Account migration: users, password hashes, sessions',
        pairText(fixed.value),
        fixed.value,
        'hashes',
        fixed.source,
        'accounts',
      ),
    ];
  }
  if (category === 'storage') {
    const weights = [
      platformWeight(cal, platform, 'storedFiles', 'fixed'),
      platformWeight(cal, platform, 'storedFiles', 'perBucket'),
    ] as const;
    const { pair, formula, source } = scaled(...weights, objects, 'buckets');
    return [
      movedTerm(
        'stored-files',
        'Stored files: copy and re-point URLs',
        formula,
        pair,
        'data volume',
        source,
        'data',
        objects.count,
      ),
    ];
  }
  return [];
}

/** A fixed weight plus a weight per object (data objects, buckets), with the formula that shows it. */
function scaled(
  fixed: { value: Pair; source: string },
  per: { value: Pair; source: string },
  objects: { count: number; how: string },
  noun: string,
): { pair: Pair; formula: string; source: string } {
  const pair: Pair = [fixed.value[0] + per.value[0] * objects.count, fixed.value[1] + per.value[1] * objects.count];
  const formula = `${pairText(fixed.value)} + ${pairText(per.value)} × ${objects.count} ${noun} (${objects.how})`;
  return { pair, formula, source: `${fixed.source}, ${per.source}` };
}

function movedTerm(
  kind: CostTerm['kind'],
  label: string,
  formula: string,
  pair: Pair,
  name: 'hashes' | 'data volume',
  source: string,
  phase: PhaseId,
  count?: number,
): CostTerm {
  const likely = mid(pair);
  const term: CostTerm = withHours({
    kind,
    label,
    formula,
    likely: round1(likely),
    swings: roundSwings([widthSwing(name, likely, pair[0], pair[1])]),
    source,
    assistable: false,
    phase,
    hours: { low: 0, high: 0 },
  });
  if (count !== undefined) term.count = count;
  return term;
}

/** Code work: the pace swing (a stated band around likely), or realtime's whole calibrated width. */
function codeSwings(paced: 'pace' | 'realtime', likely: number, pair: Pair, cal: ResolvedCalibration): Swing[] {
  if (paced === 'realtime') return [widthSwing('realtime', likely, pair[0], pair[1])];
  const [p0, p1] = cal.values.likely.pace;
  return [{ name: 'pace', down: likely * (1 - p0), up: likely * (p1 - 1) }];
}

function fileCosts(d: CapabilityDraft, fileLikely: Map<string, number>, cal: ResolvedCalibration): FileCost[] {
  const sitesPerFile = groupBy(
    d.groups.flatMap((g) => g.sites),
    (s) => s.file,
  );
  const [p0, p1] = cal.values.likely.pace;
  return [...groupBy(d.findings, (f) => f.file).entries()]
    .map(([file, items]): FileCost => {
      const likely = round1(fileLikely.get(file) ?? 0);
      const sites = sitesPerFile.get(file) ?? [];
      return {
        file,
        role: sites[0]?.role ?? fileRole(file, cal.values.structure),
        findings: items.length,
        sites: sites.length,
        lines: [...new Set(items.map((f) => f.line))].sort((a, b) => a - b),
        likely,
        hours: { low: round1(likely * p0), high: round1(likely * p1) },
      };
    })
    .sort((a, b) => b.likely - a.likely || a.file.localeCompare(b.file));
}

function done(term: PhaselessTerm, phase: PhaseId): DraftTerm & { term: CostTerm } {
  return { term: withHours({ ...term, phase, hours: { low: 0, high: 0 } }) };
}

function withHours(term: CostTerm): CostTerm {
  return { ...term, hours: rangeOf(term.likely, term.swings) };
}

function roundSwings(swings: Swing[]): Swing[] {
  return swings.map((s) => ({ name: s.name, down: round2(s.down), up: round2(s.up) }));
}

function mid(p: Pair | [number, number]): number {
  return (p[0] + p[1]) / 2;
}

/** A pair of hours rounded to 0.1. */
export function range(pair: Pair | [number, number]): Range {
  return { low: round1(pair[0]), high: round1(pair[1]) };
}

export function pairText(p: Pair | [number, number]): string {
  return `${p[0]}–${p[1]} h`;
}
