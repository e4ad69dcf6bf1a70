// How the code reaches the platform: is a capability's call code behind data-access modules, or
// spread through UI files? Public accounts of leaving a platform range from days (one wrapper) to
// a year (SDK calls in components); this signal is what lets the estimate tell those apart.

import type { Calibration } from './calibration';
import type { FileRole, Range, StructureSignal } from './types';

const roleCache = new WeakMap<Calibration['structure'], Map<string, FileRole>>();

/** A file's role from its path alone (cheap, deterministic, and explainable); remembered per calibration. */
export function fileRole(file: string, structure: Calibration['structure']): FileRole {
  let cache = roleCache.get(structure);
  if (!cache) roleCache.set(structure, (cache = new Map()));
  let role = cache.get(file);
  if (role === undefined) cache.set(file, (role = roleOf(file, structure)));
  return role;
}

function roleOf(file: string, structure: Calibration['structure']): FileRole {
  const lower = file.toLowerCase();
  const ext = lower.slice(lower.lastIndexOf('.'));
  if (lower.lastIndexOf('.') < lower.lastIndexOf('/') || !structure.codeExtensions.includes(ext)) return 'config';
  const dirs = lower.split('/').slice(0, -1);
  if (dirs.some((d) => structure.backendDirs.includes(d)) || /(^|\/)(pages|app)\/api\//.test(lower)) return 'backend';
  if (structure.uiExtensions.includes(ext) || dirs.some((d) => structure.uiDirs.includes(d))) return 'ui';
  return 'module';
}

/** One call site as the signal sees it. */
export interface PlacedSite {
  file: string;
  role: FileRole;
}

/** The factor on call-site work for a share of sites in UI code: 1 + (M − 1) × share. */
export function spreadMultiplier(uiShare: number, uiMultiplier: [number, number]): Range {
  return { low: round2(1 + (uiMultiplier[0] - 1) * uiShare), high: round2(1 + (uiMultiplier[1] - 1) * uiShare) };
}

/** The structure signal of one capability, over its call sites in code (config files do not count). */
export function structureSignal(sites: PlacedSite[], uiMultiplier: [number, number]): StructureSignal {
  const code = sites.filter((s) => s.role !== 'config');
  const perFile = new Map<string, number>();
  for (const s of code) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
  const uiSites = code.filter((s) => s.role === 'ui').length;
  const uiFiles = new Set(code.filter((s) => s.role === 'ui').map((s) => s.file)).size;
  const moduleFiles = perFile.size - uiFiles;
  const uiShare = code.length === 0 ? 0 : uiSites / code.length;
  const topFileShare = code.length === 0 ? 0 : [...perFile.values()].reduce((a, b) => Math.max(a, b), 0) / code.length;
  const multiplier = spreadMultiplier(uiShare, uiMultiplier);
  const pattern = code.length === 0 ? 'none' : uiShare >= 0.5 ? 'spread' : uiShare > 0.2 ? 'mixed' : 'concentrated';
  return {
    pattern,
    sites: code.length,
    uiSites,
    uiFiles,
    moduleFiles,
    uiShare: round2(uiShare),
    topFileShare: round2(topFileShare),
    multiplier,
    summary: describe(pattern, code.length, uiSites, uiFiles, moduleFiles, multiplier),
  };
}

function describe(pattern: StructureSignal['pattern'], sites: number, uiSites: number, uiFiles: number, moduleFiles: number, m: Range): string {
  if (pattern === 'none') return 'no call sites in code (configuration and per-item work only)';
  const sitesText = `${sites} call ${plural(sites, 'site')}`;
  const where =
    uiSites === 0
      ? `all ${sitesText} in ${moduleFiles} non-UI ${plural(moduleFiles, 'file')}`
      : moduleFiles === 0
        ? `all ${sitesText} in ${uiFiles} UI ${plural(uiFiles, 'file')}`
        : `${uiSites} of ${sitesText} in ${uiFiles} UI ${plural(uiFiles, 'file')}, the rest in ${moduleFiles} non-UI ${plural(moduleFiles, 'file')}`;
  const effect = uiSites === 0 ? 'no UI factor' : `×${m.low}–${m.high} on call-site work`;
  const label = { concentrated: 'concentrated behind data-access code', mixed: 'partly spread through UI code', spread: 'spread through UI code' }[pattern];
  return `${label}: ${where} (${effect})`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** Hours to 0.1: every likely total is the sum of the rounded terms it shows. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
