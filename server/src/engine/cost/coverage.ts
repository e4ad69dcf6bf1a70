// Coverage honesty. When a platform's SDK is imported in many files but calls through it are found
// in few of them, the client is probably reached in ways the audit did not follow (a workspace
// package, framework context, a wrapper it cannot see). Then the estimate is a floor, not a
// figure, and it says so instead of printing a small number with confidence.

import type { Finding } from '../types';
import type { ResolvedCalibration } from './calibration';
import { platformName } from './delta';
import { fileRole } from './structure';
import { ruleWeight } from './weights';

/** Rules whose findings say "the SDK is here" rather than "the platform is used here". */
const PRESENCE = /\/(?:sdk-import|import|dependency)$/;

/** Why a platform's estimate is provisional, or undefined when the calls found match the imports. */
export function provisionalReason(platform: string, findings: readonly Finding[], cal: ResolvedCalibration): string | undefined {
  const { minImportFiles, callFileShare } = cal.values.coverage;
  const importing = new Set<string>();
  const declaring = new Set<string>();
  const calling = new Set<string>();
  for (const f of findings) {
    if (PRESENCE.test(f.ruleId)) (f.ruleId.endsWith('/dependency') ? declaring : importing).add(f.file);
    else if (fileRole(f.file, cal.values.structure) !== 'config' && usesPlatform(f, cal)) calling.add(f.file);
  }
  const name = platformName(platform);
  if (importing.size >= minImportFiles && calling.size < importing.size * callFileShare) {
    return `${name}: the SDK is imported in ${importing.size} files but calls were matched in ${calling.size}; ` +
      'the client is probably reached through code the audit does not follow, so this estimate is a floor';
  }
  if (declaring.size >= minImportFiles && calling.size < minImportFiles) {
    return `${name}: ${declaring.size} packages declare the SDK but calls were matched in ${calling.size} files; ` +
      'workspace packages may hold clients the audit does not follow, so this estimate is a floor';
  }
  return undefined;
}

/**
 * A use of the platform, not an env read or an SQL token: a call site whose place in the code
 * matters, or a piece of work of its own (a backend definition, a function to port). A file that
 * imports the SDK to define the backend is seen, not missed.
 */
function usesPlatform(f: Finding, cal: ResolvedCalibration): boolean {
  const w = ruleWeight(cal, f.ruleId, f.effort ?? 'M');
  return w.mode === 'item' || w.spread;
}
