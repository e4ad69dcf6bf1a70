// The model on shapes real apps have (issue: estimates that hold up on real apps): composed calls
// counted as one operation, data objects named from the code, each file bounded by a rewrite of
// its touched code, and an honest "provisional" when the audit saw the SDK far more than its calls.
// The shapes are written here in our own words, like the public apps measured in docs/cost-model.md.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { enclosingSymbols, UnitSpan } from '../../server/src/engine/baseline/outline';
import { estimateCost } from '../../server/src/engine/cost';
import { absorbedFindings } from '../../server/src/engine/cost/operations';
import type { Finding } from '../../server/src/engine/types';
import { finding, ruleSet, tree } from './helpers';

const FIREBASE = "import { initializeApp } from 'firebase/app'\nimport { getFirestore } from 'firebase/firestore'\nexport const db = getFirestore(initializeApp({ projectId: 'demo' }))\n";

/** A component reading and writing two collections with the modular API, calls composed. */
const CLIENTS_PAGE = `import { useEffect, useState } from 'react'
import { addDoc, collection, getDocs, query, where, orderBy } from 'firebase/firestore'
import { db } from '../firebase'

export default function ClientsPage({ ownerId }) {
  const [rows, setRows] = useState([])
  useEffect(() => {
    getDocs(query(collection(db, 'clients'), where('ownerId', '==', ownerId), orderBy('name'))).then((snap) =>
      setRows(snap.docs.map((d) => d.data())),
    )
  }, [ownerId])
  const add = (name) => addDoc(collection(db, 'invoices'), { name, ownerId })
  return rows.map((r) => <button key={r.name} onClick={() => add(r.name)}>{r.name}</button>)
}
`;

describe('cost on real-app shapes', () => {
  it('counts a composed Firestore read as one operation and names its collections', async () => {
    const root = tree({ 'src/firebase.js': FIREBASE, 'src/pages/ClientsPage.jsx': CLIENTS_PAGE });
    const report = await auditFolder(root, ruleSet, { workers: 0 });
    const inPage = report.findings.filter((f) => f.file === 'src/pages/ClientsPage.jsx' && f.ruleId === 'firebase/firestore');
    assert.ok(inPage.length >= 5, `each function of the composed calls is a finding: ${inPage.length}`);
    const db = report.cost.platforms[0].categories.find((c) => c.category === 'database')!;
    const page = db.byFile.find((f) => f.file === 'src/pages/ClientsPage.jsx')!;
    assert.equal(page.sites, 2, 'the read (getDocs ∘ query ∘ collection) and the write (addDoc ∘ collection)');
    assert.deepEqual(db.objects, ['clients', 'invoices'], 'collections named from collection(db, …)');
    assert.match(db.terms.find((t) => t.kind === 'data')!.formula, /named in the code: clients, invoices/);
  });

  it('never prices a file\'s call-site work above a rewrite of the code that holds it', async () => {
    const root = tree({ 'src/firebase.js': FIREBASE, 'src/pages/ClientsPage.jsx': CLIENTS_PAGE });
    const { cost } = await auditFolder(root, ruleSet, { workers: 0 });
    const db = cost.platforms[0].categories.find((c) => c.category === 'database')!;
    const bound = db.bounds.find((b) => b.file === 'src/pages/ClientsPage.jsx');
    assert.ok(bound, 'the page is bounded');
    assert.equal(bound.touchedLines, 11, 'the component, lines 5–15');
    assert.equal(bound.cap, 0.4, '11 lines at 25 lines/h');
    const sitesAndFiles = db.terms.filter((t) => t.kind === 'sites' || t.kind === 'files');
    assert.ok(sitesAndFiles.every((t) => /capped by the rewrite bound/.test(t.formula)), 'the terms say so');
  });

  it('finds the unit of code around a line: a component, a method rather than its class, a statement', () => {
    const text = [
      'import x from "y"', // 1
      'export class Repo {', // 2
      '  list() {', // 3
      '    return db.from("a")', // 4
      '  }', // 5
      '}', // 6
      'export const one = db.from("b")', // 7
      'function Page() {', // 8
      '  useEffect(() => {', // 9
      '    db.from("c")', // 10
      '  })', // 11
      '}', // 12
    ].join('\n');
    const units = new Map<number, UnitSpan>();
    enclosingSymbols('a.ts', text, [4, 7, 10], units);
    assert.deepEqual(units.get(4), { line: 3, endLine: 5 }, 'the method');
    assert.deepEqual(units.get(7), { line: 7, endLine: 7 }, 'a top-level statement');
    assert.deepEqual(units.get(10), { line: 8, endLine: 12 }, 'the component, not the callback');
  });

  it('keeps calls inside a callback as operations of their own', () => {
    const span = (f: Finding, endLine: number, endColumn: number): Finding => ({ ...f, endLine, endColumn });
    const listener = span(finding('firebase/realtime-listener', 'realtime', 'src/a.ts', 10), 20, 3);
    const write = { ...finding('firebase/firestore', 'database', 'src/a.ts', 12, 'L'), column: 5 };
    const composedOuter = span(finding('firebase/firestore', 'database', 'src/a.ts', 30, 'L'), 30, 80);
    const composedInner = { ...finding('firebase/firestore', 'database', 'src/a.ts', 30, 'L'), column: 20, endColumn: 50 };
    const absorbed = absorbedFindings([listener, write, composedOuter, composedInner], () => 1);
    assert.deepEqual([...absorbed], [composedInner], 'only the inner call of the one-line composition');
  });

  it('marks the estimate provisional when the SDK is imported far more often than it is called', () => {
    const imports = Array.from({ length: 8 }, (_, i) => finding('supabase/sdk-import', 'sdk', `packages/app${i}/src/db.ts`, 1, 'S'));
    const call = { ...finding('supabase/query-builder', 'database', 'packages/app0/src/db.ts', 5), unit: { line: 5, endLine: 5 } };
    const cost = estimateCost([...imports, call]);
    assert.equal(cost.provisional, true);
    assert.match(cost.provisionalReasons![0], /imported in 8 files but calls were matched in 1/);
    const calls = Array.from({ length: 8 }, (_, i) => ({ ...finding('supabase/query-builder', 'database', `packages/app${i}/src/db.ts`, 5), unit: { line: 5, endLine: 5 } }));
    assert.equal(estimateCost([...imports, ...calls]).provisional, false, 'calls where the imports are: a figure, not a floor');
  });
});
