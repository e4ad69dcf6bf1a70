// One capability of one platform (say Supabase database): its terms, structure signal and
// per-file shares. The formulas are written out in docs/cost-model.md; the weights come from the
// calibration through weights.ts.

import type { Finding } from '../types';
import type { Pair, ResolvedCalibration } from './calibration';
import { fileRole, structureSignal, round2 } from './structure';
import type { CapabilityCost, CostTerm, FileCost, FileRole, PhaseId, Range } from './types';
import { platformWeight, ruleWeight, RuleCostWeight, seamWeight } from './weights';
import { groupBy } from '../util/groupBy';

/** Capabilities whose per-item work (packages, env and config files) is clean-up at cut-over. */
const CLEANUP = new Set(['sdk', 'config']);

/** A term before the capability assigns its exit phase. */
type PhaselessTerm = Omit<CostTerm, 'phase'>;

interface RuleGroup {
  ruleId: string;
  weight: RuleCostWeight;
  findings: Finding[];
  /** Distinct (file, line) pairs: several calls on one line are one edit. */
  sites: { file: string; line: number; role: FileRole }[];
}

/** Per-file accumulator of low and high hours. */
type FileShares = Map<string, { low: number; high: number }>;

export function capabilityCost(platform: string, category: string, findings: Finding[], cal: ResolvedCalibration): CapabilityCost {
  const c = cal.values;
  const groups = groupRules(findings, cal);
  const siteGroups = groups.filter((g) => g.weight.mode === 'site');
  const shares: FileShares = new Map();
  const terms: CostTerm[] = [];

  const seam = seamWeight(cal, platform, category);
  const codePhase: PhaseId = category === 'hosting' ? 'cutover' : 'seams';
  terms.push({ kind: 'seam', label: `Seam: ${seam.label}`, formula: pairText(seam.hours.value), hours: range(seam.hours.value), source: seam.hours.source, assistable: true, phase: codePhase });
  for (const g of siteGroups) terms.push({ ...sitesTerm(g, c.siteExponent, c.structure.uiMultiplier, shares), phase: codePhase });
  const itemPhase = (g: RuleGroup): PhaseId => (category === 'hosting' ? 'cutover' : (g.weight.phase ?? (CLEANUP.has(category) ? 'cutover' : 'rebuild')));
  for (const g of groups.filter((x) => x.weight.mode === 'item')) terms.push({ ...itemsTerm(g, shares), phase: itemPhase(g) });
  const filesTerm = filesTermOf(siteGroups, cal, shares);
  if (filesTerm) terms.push({ ...filesTerm, phase: codePhase });
  const objects = dataObjects(groups);
  terms.push(...dataTerms(platform, category, objects, cal));

  const signalSites = siteGroups.filter((g) => g.weight.spread).flatMap((g) => g.sites);
  return {
    category,
    findings: findings.length,
    sites: groups.reduce((n, g) => n + g.sites.length, 0),
    files: new Set(findings.map((f) => f.file)).size,
    total: sumRanges(terms.map((t) => t.hours)),
    terms,
    structure: structureSignal(signalSites, c.structure.uiMultiplier),
    byFile: fileCosts(findings, groups, shares),
    objects: objects.names,
  };
}

function groupRules(findings: Finding[], cal: ResolvedCalibration): RuleGroup[] {
  const byRule = groupBy(findings, (f) => f.ruleId);
  return [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, items]) => {
      const seen = new Map<string, Set<number>>();
      const sites: RuleGroup['sites'] = [];
      for (const f of items) {
        let lines = seen.get(f.file);
        if (!lines) seen.set(f.file, (lines = new Set()));
        if (lines.has(f.line)) continue;
        lines.add(f.line);
        sites.push({ file: f.file, line: f.line, role: fileRole(f.file, cal.values.structure) });
      }
      return { ruleId, weight: ruleWeight(cal, ruleId, items[0].effort ?? 'M'), findings: items, sites };
    });
}

/** hours × n^α × spread, where spread = 1 + (M − 1) × (UI sites / n); shared out by weighted site. */
function sitesTerm(g: RuleGroup, exponent: number, uiMultiplier: Pair, shares: FileShares): PhaselessTerm {
  const n = g.sites.length;
  const ui = g.weight.spread ? g.sites.filter((s) => s.role === 'ui').length : 0;
  const [h0, h1] = g.weight.hours.value;
  const m = { low: 1 + (uiMultiplier[0] - 1) * (ui / n), high: 1 + (uiMultiplier[1] - 1) * (ui / n) };
  const scale = Math.pow(n, exponent);
  const hours = range([h0 * scale * m.low, h1 * scale * m.high]);
  for (const s of g.sites) {
    const isUi = g.weight.spread && s.role === 'ui';
    const weight = { low: (isUi ? uiMultiplier[0] : 1) / (n * m.low), high: (isUi ? uiMultiplier[1] : 1) / (n * m.high) };
    addShare(shares, s.file, hours.low * weight.low, hours.high * weight.high);
  }
  const spreadText = ui > 0 ? ` × spread ${round2(m.low)}–${round2(m.high)} (${ui} of ${n} in UI files)` : '';
  return {
    kind: 'sites',
    label: `Call sites of ${g.ruleId}`,
    formula: `${pairText([h0, h1])} × ${n}^${exponent}${spreadText}`,
    hours,
    ruleId: g.ruleId,
    count: n,
    source: g.weight.hours.source,
    assistable: true,
  };
}

/** hours × count: each item is its own piece of work. */
function itemsTerm(g: RuleGroup, shares: FileShares): PhaselessTerm {
  const [h0, h1] = g.weight.hours.value;
  for (const f of g.findings) addShare(shares, f.file, h0, h1);
  const n = g.findings.length;
  return { kind: 'items', label: `Items of ${g.ruleId}`, formula: `${pairText([h0, h1])} × ${n}`, hours: range([h0 * n, h1 * n]), ruleId: g.ruleId, count: n, source: g.weight.hours.source, assistable: true };
}

/** perFile × files^β over the code files that hold call sites. */
function filesTermOf(siteGroups: RuleGroup[], cal: ResolvedCalibration, shares: FileShares): PhaselessTerm | undefined {
  const files = [...new Set(siteGroups.flatMap((g) => g.sites.filter((s) => s.role !== 'config').map((s) => s.file)))];
  if (files.length === 0) return undefined;
  const { hours: [h0, h1], exponent } = cal.values.files;
  const scale = Math.pow(files.length, exponent);
  const hours = range([h0 * scale, h1 * scale]);
  for (const file of files) addShare(shares, file, hours.low / files.length, hours.high / files.length);
  return { kind: 'files', label: 'Files holding call sites', formula: `${pairText([h0, h1])} × ${files.length}^${exponent}`, hours, count: files.length, source: `calibration: files`, assistable: true };
}

/** Entities, tables or buckets named by the findings' messages; else one per file as a proxy. */
function dataObjects(groups: RuleGroup[]): { names: string[]; count: number; how: string } {
  const names = new Set<string>();
  for (const g of groups) {
    if (!g.weight.subject) continue;
    for (const f of g.findings) {
      const m = g.weight.subject.exec(f.message);
      if (m?.[1] && m[1] !== '…') names.add(m[1]);
    }
  }
  if (names.size > 0) return { names: [...names].sort(), count: names.size, how: `named in findings: ${[...names].sort().join(', ')}` };
  const files = new Set(groups.flatMap((g) => g.findings.map((f) => f.file))).size;
  return { names: [], count: Math.max(1, files), how: `not named by the rules; one per file as a proxy` };
}

function dataTerms(platform: string, category: string, objects: { count: number; how: string }, cal: ResolvedCalibration): CostTerm[] {
  if (category === 'database') {
    const fixed = platformWeight(cal, platform, 'data', 'fixed');
    const per = platformWeight(cal, platform, 'data', 'perObject');
    const hours = range([fixed.value[0] + per.value[0] * objects.count, fixed.value[1] + per.value[1] * objects.count]);
    const formula = `${pairText(fixed.value)} + ${pairText(per.value)} × ${objects.count} data objects (${objects.how})`;
    return [{ kind: 'data', label: 'Data migration: export, transform, load, verify', formula, hours, count: objects.count, source: `${fixed.source}, ${per.source}`, assistable: false, phase: 'data' }];
  }
  if (category === 'auth') {
    const fixed = platformWeight(cal, platform, 'identity', 'fixed');
    return [{ kind: 'identity', label: 'Account migration: users, password hashes, sessions', formula: pairText(fixed.value), hours: range(fixed.value), source: fixed.source, assistable: false, phase: 'accounts' }];
  }
  if (category === 'storage') {
    const fixed = platformWeight(cal, platform, 'storedFiles', 'fixed');
    const per = platformWeight(cal, platform, 'storedFiles', 'perBucket');
    const hours = range([fixed.value[0] + per.value[0] * objects.count, fixed.value[1] + per.value[1] * objects.count]);
    const formula = `${pairText(fixed.value)} + ${pairText(per.value)} × ${objects.count} buckets (${objects.how})`;
    return [{ kind: 'stored-files', label: 'Stored files: copy and re-point URLs', formula, hours, count: objects.count, source: `${fixed.source}, ${per.source}`, assistable: false, phase: 'data' }];
  }
  return [];
}

function fileCosts(findings: Finding[], groups: RuleGroup[], shares: FileShares): FileCost[] {
  const sitesPerFile = groupBy(groups.flatMap((g) => g.sites), (s) => s.file);
  return [...groupBy(findings, (f) => f.file).entries()]
    .map(([file, items]): FileCost => {
      const share = shares.get(file) ?? { low: 0, high: 0 };
      const sites = sitesPerFile.get(file) ?? [];
      return {
        file,
        role: sites[0]?.role ?? 'config',
        findings: items.length,
        sites: sites.length,
        lines: [...new Set(items.map((f) => f.line))].sort((a, b) => a - b),
        hours: range([share.low, share.high]),
      };
    })
    .sort((a, b) => b.hours.high - a.hours.high || a.file.localeCompare(b.file));
}

function addShare(shares: FileShares, file: string, low: number, high: number): void {
  const s = shares.get(file) ?? { low: 0, high: 0 };
  s.low += low;
  s.high += high;
  shares.set(file, s);
}

/** Hours rounded to 0.1: every total is the sum of the rounded terms it shows. */
export function range(pair: Pair | [number, number]): Range {
  return { low: round1(pair[0]), high: round1(pair[1]) };
}

export function sumRanges(ranges: Range[]): Range {
  return range([ranges.reduce((s, r) => s + r.low, 0), ranges.reduce((s, r) => s + r.high, 0)]);
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function pairText(p: Pair | [number, number]): string {
  return `${p[0]}–${p[1]} h`;
}
