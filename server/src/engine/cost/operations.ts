// One operation, one site. The modular Firestore API composes calls, `getDocs(query(collection(db,
// 'x'), where(…)))`, and each of them is a finding; a Supabase chain or an Appwrite call with its
// Query helpers likewise. Moving that read behind a repository is one edit, so the model counts the
// composed expression once, under its strongest rule (the one whose site costs most).

import type { Finding } from '../types';

/**
 * A composed expression sits on a few lines. A longer span holding other findings is usually a call
 * with a callback (`onSnapshot(q, (snap) => { … })`, a transaction), whose inner calls are
 * operations of their own.
 */
const MAX_OPERATION_LINES = 3;

/** The findings that stand for a whole operation's site are kept; the rest are absorbed into them. */
export function absorbedFindings(findings: readonly Finding[], strength: (f: Finding) => number): Set<Finding> {
  const absorbed = new Set<Finding>();
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.platform}\0${f.file}`;
    const list = byFile.get(key);
    if (list) list.push(f);
    else byFile.set(key, [f]);
  }
  for (const list of byFile.values()) {
    if (list.length < 2) continue;
    for (const members of operations(list)) {
      if (members.length < 2) continue;
      const kept = members.reduce((best, f) => (strength(f) > strength(best) ? f : best), members[0]);
      for (const f of members) if (f !== kept) absorbed.add(f);
    }
  }
  return absorbed;
}

/** Groups one file's findings into operations: each outermost short span with what it encloses. */
function operations(list: Finding[]): Finding[][] {
  const sorted = [...list].sort((a, b) => a.line - b.line || a.column - b.column || compareEnd(b, a));
  const groups: Finding[][] = [];
  let root: Finding | undefined;
  let group: Finding[] = [];
  for (const f of sorted) {
    if (root && isShort(root) && encloses(root, f)) {
      group.push(f);
      continue;
    }
    if (group.length > 0) groups.push(group);
    root = f;
    group = [f];
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function isShort(f: Finding): boolean {
  return f.endLine - f.line < MAX_OPERATION_LINES;
}

function encloses(outer: Finding, inner: Finding): boolean {
  const startsInside = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  return startsInside && compareEnd(inner, outer) <= 0;
}

function compareEnd(a: Finding, b: Finding): number {
  return a.endLine - b.endLine || a.endColumn - b.endColumn;
}
