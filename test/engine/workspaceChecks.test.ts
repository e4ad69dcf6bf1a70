// Workspace checks keep their hits per rule (engine/workspaceChecks.ts): a changed file makes only
// the checks whose files it is run again. Editing a TypeScript file must not re-read every SQL
// migration, and a migration edited must still change the SQL checks' findings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules, RuleSet } from '../../server/src/engine/rules/load';
import type { CompiledRule } from '../../server/src/engine/rules/model';
import { WorkspaceState } from '../../server/src/engine/workspaceState';

const MIGRATION = 'supabase/migrations/20240101000000_orders.sql';
const OPEN_TABLE = 'create table public.orders (id uuid primary key, total numeric);\n';
const LOCKED_TABLE = `${OPEN_TABLE}alter table public.orders enable row level security;\n`;
const SCHEMA_TS = [
  "import { pgTable, uuid } from 'drizzle-orm/pg-core';",
  '',
  "export const users = pgTable('users', { id: uuid('id') });",
  '',
].join('\n');

/** A rule set whose workspace checks count their runs, by rule id. */
function countingRules(): { ruleSet: RuleSet; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const ruleSet = loadRules([builtinRulesDir()], builtinRulesDir());
  for (const rule of ruleSet.rules) {
    const m = rule.matcher;
    if (m.type !== 'check' || m.check.scope !== 'workspace') continue;
    const check = m.check;
    type Run = typeof check.run;
    const counted = (r: CompiledRule) => runs.set(r.id, (runs.get(r.id) ?? 0) + 1);
    const run: Run = (files, options) => (counted(rule), check.run(files, options));
    m.check = { ...check, run };
  }
  return { ruleSet, runs };
}

const rlsFindings = (state: WorkspaceState) =>
  state.findingsFor(MIGRATION).filter((f) => f.ruleId === 'supabase/rls-missing');

describe('workspace checks kept per rule', () => {
  it('runs again only the checks that read the changed file', () => {
    const { ruleSet, runs } = countingRules();
    const state = new WorkspaceState(new RuleIndex(ruleSet));
    state.setFile(MIGRATION, OPEN_TABLE);
    state.setFile('src/db/schema.ts', SCHEMA_TS);
    assert.equal(rlsFindings(state).length, 1);
    const sqlRuns = runs.get('supabase/rls-missing');
    assert.ok(sqlRuns && sqlRuns > 0);
    state.setFile('src/db/schema.ts', `${SCHEMA_TS}// an edit\n`);
    assert.equal(rlsFindings(state).length, 1);
    assert.equal(runs.get('supabase/rls-missing'), sqlRuns, 'a TypeScript edit ran the SQL migrations check again');
    state.setFile(MIGRATION, LOCKED_TABLE);
    assert.equal(rlsFindings(state).length, 0);
    assert.equal(runs.get('supabase/rls-missing'), sqlRuns + 1);
  });
});

// A workspace check is given an empty text for a script holding none of its hints (the language
// server keeps no such text in memory): the hints must then name every script it can fire on.
describe('scripts a workspace check reads by its hints', () => {
  const lines = (state: WorkspaceState, file: string, ruleId: string) =>
    state.findingsFor(file).filter((f) => f.ruleId === ruleId).map((f) => f.line);

  it('an admin collection in any casing', () => {
    const state = new WorkspaceState(new RuleIndex(loadRules([builtinRulesDir()], builtinRulesDir())));
    const firebase = "import { getFirestore } from 'firebase/firestore';\nexport const db = getFirestore();\n";
    state.setFile('src/lib/firebase.js', firebase);
    const roles = [
      "import { doc, getDoc } from 'firebase/firestore';",
      "import { db } from './lib/firebase';",
      "export const isStaff = async (uid) => (await getDoc(doc(db, 'Admins', uid))).exists();",
      "export const isMember = async (uid) => (await getDoc(doc(db, 'Members', uid))).exists();",
      '',
    ].join('\n');
    state.setFile('src/roles.js', roles);
    assert.deepEqual(lines(state, 'src/roles.js', 'firebase/client-admin-document'), [3]);
  });

  it('a Drizzle policy kept apart from its table', () => {
    const state = new WorkspaceState(new RuleIndex(loadRules([builtinRulesDir()], builtinRulesDir())));
    const manifest = { dependencies: { '@supabase/ssr': '^0.5.0' }, devDependencies: { 'drizzle-kit': '^0.28.0' } };
    state.setFile('package.json', JSON.stringify(manifest));
    state.setFile('src/db/schema.ts', SCHEMA_TS);
    const policies = [
      "import { sql } from 'drizzle-orm';",
      "import { pgPolicy } from 'drizzle-orm/pg-core';",
      "export const addNotes = pgPolicy('all add', { for: 'insert', to: ['authenticated'], withCheck: sql`true` });",
      "export const backend = pgPolicy('the backend writes', { for: 'all', to: ['service_role'], using: sql`true` });",
      '',
    ].join('\n');
    state.setFile('src/db/policies.ts', policies);
    assert.deepEqual(lines(state, 'src/db/policies.ts', 'supabase/drizzle-policy-true-write'), [3]);
  });
});
