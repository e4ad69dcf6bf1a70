// The cost model's weights: rules/calibration.json, validated against rules/calibration.schema.json,
// optionally overridden piece by piece (settings, .lockin-lens/calibration.json). No weight lives in
// code; every lookup returns the value together with where it came from, so terms can cite it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchemaError } from '../rules/load';
import { builtinRulesDir } from '../rules/builtin';
// Generated from rules/calibration.schema.json at build time (scripts/gen-validators.mjs).
import { schemaValidators } from '../rules/generated/validators';
import type { EffortGrade } from '../types';

export type Pair = [number, number];

export interface RuleWeight {
  /** site: call sites absorbed by the capability's seam (sub-linear); item: one piece of work each. */
  mode?: 'site' | 'item';
  hours?: Pair;
  /** false: where the site sits (UI or module) does not change its cost (imports, env reads). */
  spread?: boolean;
  /** Regular expression over the finding's message; group 1 names the data object (entity, table, bucket). */
  subject?: string;
  /** Items only: the exit step the work belongs to (default: cutover for sdk/config/hosting, else rebuild). */
  phase?: 'rebuild' | 'cutover';
}

export interface CapabilityWeight {
  seam?: Pair;
  /** What the seam is: "a repository module per entity or table". */
  seamLabel?: string;
  dualRunWeeks?: Pair;
  dualRunReason?: string;
}

export interface DataWeight {
  fixed: Pair;
  perObject: Pair;
  note: string;
}

export interface IdentityWeight {
  fixed: Pair;
  note: string;
}

export interface StoredFilesWeight {
  fixed: Pair;
  perBucket: Pair;
  note: string;
}

/** A platform's own weights; each missing field falls back to platformDefaults. */
export interface PlatformWeight {
  data?: Partial<DataWeight>;
  identity?: Partial<IdentityWeight>;
  storedFiles?: Partial<StoredFilesWeight>;
  capabilities?: Record<string, CapabilityWeight>;
}

export interface Calibration {
  version: 1;
  siteExponent: number;
  files: { hours: Pair; exponent: number };
  structure: {
    uiMultiplier: Pair;
    uiExtensions: string[];
    uiDirs: string[];
    backendDirs: string[];
    codeExtensions: string[];
  };
  grades: Record<EffortGrade, { site: Pair; item: Pair }>;
  capabilities: Record<string, Required<Pick<CapabilityWeight, 'seam' | 'seamLabel'>> & CapabilityWeight>;
  platformDefaults: { data: DataWeight; identity: IdentityWeight; storedFiles: StoredFilesWeight };
  platforms: Record<string, PlatformWeight>;
  rules: Record<string, RuleWeight>;
  assisted: { factor: Pair };
  /** The band around the most likely figure that the team's pace gives code work: [0.8, 1.3]. */
  likely: { pace: Pair };
  /** Lines of platform-touching code a developer rewrites from scratch in an hour (the rewrite bound). */
  rewrite: { linesPerHour: number };
  /** When imports far outnumber the files with matched calls, the estimate is provisional. */
  coverage: { minImportFiles: number; callFileShare: number };
  assumptions: string[];
}

/** A calibration plus the paths that settings overrode (`rules.supabase/rpc.hours`). */
export interface ResolvedCalibration {
  values: Calibration;
  file: string;
  overridden: Set<string>;
  errors: string[];
}

/** The part of a value lookup terms cite. */
export interface Sourced<T> {
  value: T;
  source: string;
}

const LOCKIN_CATEGORIES = [
  'sdk',
  'auth',
  'database',
  'storage',
  'functions',
  'realtime',
  'ai',
  'messaging',
  'config',
  'hosting',
];
const MAP_SECTIONS = new Set(['grades', 'capabilities', 'platforms', 'rules']);

let builtin: ResolvedCalibration | undefined;

function validate(json: unknown): { ok: boolean; error?: string } {
  const validator = schemaValidators.calibration;
  const ok = validator(json) as boolean;
  return ok
    ? { ok }
    : { ok, error: describeSchemaError(validator.errors).replace('rule schema', 'calibration schema') };
}

/** Loads and checks a complete calibration file; throws with the file and field when it is wrong. */
export function loadCalibration(file: string): ResolvedCalibration {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const result = validate(json);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  const problems = completenessProblems(json as Calibration);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return { values: json as Calibration, file, overridden: new Set(), errors: [] };
}

/** The shipped calibration, loaded once. */
export function builtinCalibration(): ResolvedCalibration {
  builtin ??= loadCalibration(join(builtinRulesDir(), 'calibration.json'));
  return builtin;
}

/** What a complete calibration must hold beyond its schema: every grade and capability, ordered pairs. */
export function completenessProblems(c: Calibration): string[] {
  const problems: string[] = [];
  for (const g of ['S', 'M', 'L', 'XL'] as const) if (!c.grades?.[g]) problems.push(`grades.${g} is missing`);
  for (const cat of LOCKIN_CATEGORIES) if (!c.capabilities?.[cat]) problems.push(`capabilities.${cat} is missing`);
  const d = c.platformDefaults;
  const complete =
    d?.data?.fixed &&
    d.data.perObject &&
    d.data.note &&
    d.identity?.fixed &&
    d.identity.note &&
    d.storedFiles?.fixed &&
    d.storedFiles.perBucket &&
    d.storedFiles.note;
  if (!complete)
    problems.push(
      'platformDefaults needs data (fixed, perObject, note), identity (fixed, note) and storedFiles (fixed, perBucket, note)',
    );
  if (!c.siteExponent || !c.files?.hours || !c.structure?.uiMultiplier || !c.assisted?.factor)
    problems.push('siteExponent, files, structure and assisted are required');
  if (!c.likely?.pace || !c.rewrite?.linesPerHour || !c.coverage)
    problems.push('likely, rewrite and coverage are required');
  walkPairs(c, '', (path, pair) => {
    if (pair[0] > pair[1]) problems.push(`${path} has low ${pair[0]} above high ${pair[1]}`);
  });
  return problems;
}

/**
 * Merges a partial calibration over a complete one. Each entry (a rule, a capability, a platform,
 * a grade, a top-level setting) is validated on its own: a bad entry is reported and skipped, the
 * others apply. Overridden paths are remembered so terms can say "settings".
 */
export function applyOverrides(base: ResolvedCalibration, overrides: unknown, label = 'settings'): ResolvedCalibration {
  if (overrides === undefined || overrides === null) return base;
  const out: ResolvedCalibration = {
    values: structuredClone(base.values),
    file: base.file,
    overridden: new Set(base.overridden),
    errors: [...base.errors],
  };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    out.errors.push(`${label}: cost overrides must be an object`);
    return out;
  }
  for (const [section, value] of Object.entries(overrides as Record<string, unknown>)) {
    const entries =
      MAP_SECTIONS.has(section) && value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value)
        : [[undefined, value] as const];
    for (const [key, entry] of entries) {
      const piece = key === undefined ? { [section]: entry } : { [section]: { [key]: entry } };
      const where = key === undefined ? section : `${section}.${key}`;
      const result = validate(piece);
      const pairs: string[] = [];
      walkPairs(piece, '', (path, pair) => pair[0] > pair[1] && pairs.push(path.slice(1)));
      if (!result.ok || pairs.length > 0) {
        out.errors.push(`${label}: ${where} ignored (${result.error ?? `low above high in ${pairs[0]}`})`);
        continue;
      }
      mergeInto(out.values as unknown as Record<string, unknown>, piece, '', out.overridden);
    }
  }
  return out;
}

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  path: string,
  overridden: Set<string>,
): void {
  for (const [k, v] of Object.entries(source)) {
    const at = path ? `${path}.${k}` : k;
    const current = target[k];
    if (isPlainObject(v) && isPlainObject(current)) mergeInto(current, v, at, overridden);
    else {
      target[k] = structuredClone(v);
      overridden.add(at);
      if (isPlainObject(v)) walkLeaves(v, at, (leaf) => overridden.add(leaf));
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walkLeaves(v: Record<string, unknown>, path: string, visit: (path: string) => void): void {
  for (const [k, child] of Object.entries(v)) {
    const at = `${path}.${k}`;
    if (isPlainObject(child)) walkLeaves(child, at, visit);
    else visit(at);
  }
}

function walkPairs(v: unknown, path: string, visit: (path: string, pair: Pair) => void): void {
  if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')) visit(path, v as Pair);
  else if (isPlainObject(v)) for (const [k, child] of Object.entries(v)) walkPairs(child, `${path}.${k}`, visit);
}

/** Where a value came from, for a term's `source`. */
export function sourceOf(cal: ResolvedCalibration, path: string): string {
  const overridden = [...cal.overridden].some(
    (p) => p === path || path.startsWith(p + '.') || p.startsWith(path + '.'),
  );
  return `${overridden ? 'settings' : 'calibration'}: ${path}`;
}
