// The order in which an exit is done, from the cost model's terms: build seams while still on the
// platform, rebuild server-side pieces on the target, move data and files, move accounts, then cut
// over and clean up. Each phase's hours are the sum of the terms it takes, so the phases of a
// platform add up to its total.

import type { CostTerm, PhaseId, PlatformCost, Range } from '../cost';
import { rangeOfTerms } from '../cost/uncertainty';

export interface Phase {
  id: PhaseId;
  title: string;
  why: string;
  hours: Range;
  /** Capabilities with work in this phase, largest first, with their share of it. */
  capabilities: { category: string; hours: Range }[];
  /** Dual-run windows that open in this phase. */
  windows: { category: string; weeks: Range; reason: string }[];
}

const PHASES: { id: PhaseId; title: string; why: string }[] = [
  {
    id: 'seams',
    title: 'Introduce seams and move call sites behind them',
    why: 'Done while still on the platform, one capability at a time; each seam is useful even if you stay.',
  },
  {
    id: 'rebuild',
    title: 'Rebuild server-side pieces on the target',
    why: 'Backend functions, access rules and schemas re-expressed for the target stack, with tests.',
  },
  {
    id: 'data',
    title: 'Move data and stored files',
    why: 'Export, transform, load and verify; keep both sides in step until reads switch.',
  },
  {
    id: 'accounts',
    title: 'Move user accounts',
    why: 'Import users and plan how people sign in afterwards (password hashes, re-login, resets).',
  },
  {
    id: 'cutover',
    title: 'Cut over and clean up',
    why:
      'Deploy on the new host, point the app at the new services, then remove the SDK, its packages, ' +
      'environment variables and config files.',
  },
];

export function phasesOf(platform: PlatformCost): Phase[] {
  const phases = PHASES.map((p): Phase => ({ ...p, hours: { low: 0, high: 0 }, capabilities: [], windows: [] }));
  const byId = new Map(phases.map((p) => [p.id, p]));
  const phaseTerms = new Map<PhaseId, CostTerm[]>();
  for (const c of platform.categories) {
    const perPhase = new Map<PhaseId, CostTerm[]>();
    for (const t of c.terms) perPhase.set(t.phase, [...(perPhase.get(t.phase) ?? []), t]);
    for (const [id, terms] of perPhase) {
      byId.get(id)!.capabilities.push({ category: c.category, hours: rangeOfTerms(terms) });
      phaseTerms.set(id, [...(phaseTerms.get(id) ?? []), ...terms]);
    }
  }
  for (const w of platform.calendar.windows) {
    const id: PhaseId =
      w.category === 'auth' ? 'accounts' : w.category === 'database' || w.category === 'storage' ? 'data' : 'cutover';
    byId.get(id)!.windows.push(w);
  }
  for (const p of phases) {
    p.capabilities.sort((a, b) => b.hours.high - a.hours.high || a.category.localeCompare(b.category));
    p.hours = rangeOfTerms(phaseTerms.get(p.id) ?? []);
  }
  return phases.filter((p) => p.capabilities.length > 0);
}
