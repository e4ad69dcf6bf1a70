// Lookups into a resolved calibration with their fallbacks (rule → grade, platform → defaults),
// each answering with the value and the calibration path that supplied it.

import { Pair, ResolvedCalibration, sourceOf, Sourced } from './calibration';
import type { EffortGrade } from '../types';

export interface RuleCostWeight {
  mode: 'site' | 'item';
  hours: Sourced<Pair>;
  spread: boolean;
  subject?: RegExp;
  phase?: 'rebuild' | 'cutover';
}

const subjectCache = new Map<string, RegExp | undefined>();

export function ruleWeight(cal: ResolvedCalibration, ruleId: string, grade: EffortGrade): RuleCostWeight {
  const entry = cal.values.rules[ruleId] ?? {};
  const mode = entry.mode ?? 'site';
  const hours: Sourced<Pair> = entry.hours
    ? { value: entry.hours, source: sourceOf(cal, `rules.${ruleId}.hours`) }
    : { value: cal.values.grades[grade][mode], source: sourceOf(cal, `grades.${grade}.${mode}`) };
  return { mode, hours, spread: entry.spread !== false, subject: entry.subject ? compileSubject(entry.subject) : undefined, phase: entry.phase };
}

function compileSubject(pattern: string): RegExp | undefined {
  if (!subjectCache.has(pattern)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern);
    } catch {
      re = undefined; // a bad pattern from settings names nothing; the files proxy applies instead
    }
    subjectCache.set(pattern, re);
  }
  return subjectCache.get(pattern);
}

export function seamWeight(cal: ResolvedCalibration, platform: string, category: string): { hours: Sourced<Pair>; label: string } {
  const own = cal.values.platforms[platform]?.capabilities?.[category];
  const base = cal.values.capabilities[category];
  const hours = own?.seam
    ? { value: own.seam, source: sourceOf(cal, `platforms.${platform}.capabilities.${category}.seam`) }
    : { value: base.seam, source: sourceOf(cal, `capabilities.${category}.seam`) };
  return { hours, label: own?.seamLabel ?? base.seamLabel };
}

export function dualRunWeight(cal: ResolvedCalibration, platform: string, category: string): { weeks: Pair; reason: string } | undefined {
  const own = cal.values.platforms[platform]?.capabilities?.[category];
  const base = cal.values.capabilities[category];
  const weeks = own?.dualRunWeeks ?? base?.dualRunWeeks;
  if (!weeks) return undefined;
  return { weeks, reason: own?.dualRunReason ?? base?.dualRunReason ?? 'parallel run' };
}

type PlatformSection = 'data' | 'identity' | 'storedFiles';

/** A field of a platform's data/identity/storedFiles weights, falling back to platformDefaults. */
export function platformWeight<S extends PlatformSection, K extends keyof ResolvedCalibration['values']['platformDefaults'][S]>(
  cal: ResolvedCalibration,
  platform: string,
  section: S,
  key: K,
): Sourced<ResolvedCalibration['values']['platformDefaults'][S][K]> {
  const own = cal.values.platforms[platform]?.[section] as Partial<ResolvedCalibration['values']['platformDefaults'][S]> | undefined;
  if (own && own[key] !== undefined) return { value: own[key]!, source: sourceOf(cal, `platforms.${platform}.${section}.${String(key)}`) };
  return { value: cal.values.platformDefaults[section][key], source: sourceOf(cal, `platformDefaults.${section}.${String(key)}`) };
}
