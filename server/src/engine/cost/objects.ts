// The data objects a capability moves: entities, tables, collections and buckets, named from the
// code (a rule's `subject` pattern reads the name its message carries: `collection(db, 'clients')`,
// `.from('notes')`, `base44.entities.Deal`). Only where no name is visible does the model fall
// back to one object per file that touches the capability, and it says so.

import type { RuleGroup } from './capability';

export interface DataObjects {
  names: string[];
  count: number;
  /** How the count was reached, for the term's formula. */
  how: string;
}

export function objectsOf(groups: readonly RuleGroup[]): DataObjects {
  const names = new Set<string>();
  for (const g of groups) {
    if (!g.weight.subject) continue;
    for (const f of g.findings) {
      const m = g.weight.subject.exec(f.message);
      if (m?.[1] && m[1] !== '…') names.add(normalise(m[1]));
    }
  }
  const sorted = [...names].sort();
  if (sorted.length > 0) return { names: sorted, count: sorted.length, how: `named in the code: ${sorted.join(', ')}` };
  const files = new Set(groups.flatMap((g) => g.findings.map((f) => f.file))).size;
  return { names: [], count: Math.max(1, files), how: 'no names visible in the code; one per file as a proxy' };
}

/** `users/abc/posts` names the collection `users`; `public.notes` the table `notes`. */
function normalise(name: string): string {
  const path = name.split('/').filter(Boolean);
  const first = path[0] ?? name;
  return first.includes('.') && !first.includes(' ') ? first.slice(first.lastIndexOf('.') + 1) : first;
}
