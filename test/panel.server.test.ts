// The lock-in panel's messages, driven over stdio: `lockin/costChanged` after indexing and after
// edits (only when something changed), the findings tree request, and the exit plan request.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CostChangedParams, ExitPlan, FindingsTree } from '../server/src/protocol';
import { startServer, TestServer, uriOf, waitForLog } from './helpers/lspClient';
import { writeTree } from './helpers/workspace';

const clientModule = `import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient('https://x.supabase.co', 'anon')\n`;
const notes = [
  "import { supabase } from './lib/supabase'",
  '',
  'export async function listNotes() {',
  "  const { data, error } = await supabase.from('notes').select('*')",
  '  if (error) throw error',
  '  return data',
  '}',
  '',
].join('\n');
const todos = [
  "import { supabase } from './lib/supabase'",
  '',
  'export async function listTodos() {',
  "  const { data } = await supabase.from('todos').select('*')",
  '  return data',
  '}',
  '',
].join('\n');
/** todos.ts after the edit: reads its error, and removes a file through Supabase Storage (checked too). */
const checkedTodos = [
  "import { supabase } from './lib/supabase'",
  '',
  'export async function listTodos() {',
  "  const { data, error } = await supabase.from('todos').select('*')",
  '  if (error) throw error',
  "  const { error: removeError } = await supabase.storage.from('avatars').remove(['a.png'])",
  '  if (removeError) throw removeError',
  '  return data',
  '}',
  '',
].join('\n');
const migration = 'create table public.notes (id uuid primary key, owner uuid default auth.uid());\n';

describe('lock-in panel messages', () => {
  const root = writeTree({
    'package.json': '{ "name": "app", "dependencies": { "@supabase/supabase-js": "2.45.0" } }',
    'src/lib/supabase.ts': clientModule,
    'src/notes.ts': notes,
    'src/todos.ts': todos,
    'supabase/migrations/001_notes.sql': migration,
  });
  let server: TestServer;
  const received: CostChangedParams[] = [];
  let waiters: (() => void)[] = [];
  const todosUri = uriOf(root, 'src/todos.ts');

  /** Resolves with the first panel update (already received or next) that satisfies the predicate. */
  function panelWhere(predicate: (p: CostChangedParams) => boolean, timeoutMs = 10_000): Promise<CostChangedParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching lockin/costChanged; last: ${JSON.stringify(received.at(-1))}`)), timeoutMs);
      const check = () => {
        const found = [...received].reverse().find(predicate);
        if (!found) {
          waiters.push(check);
          return;
        }
        clearTimeout(timer);
        resolve(found);
      };
      check();
    });
  }
  const answer = (p: CostChangedParams, id: string) => p.checklist.find((c) => c.id === id)!;
  const supabaseOf = (p: CostChangedParams) => p.cost.platforms.find((x) => x.platform === 'supabase');

  before(async () => {
    server = await startServer(root);
    server.connection.onNotification('lockin/costChanged', (params: CostChangedParams) => {
      received.push(params);
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    });
    await waitForLog(server, /indexed .* files/);
  });
  after(() => server.stop());

  it('sends the panel model after indexing: cost per platform and capability, security apart', async () => {
    const params = await panelWhere((p) => supabaseOf(p) !== undefined);
    const supabase = supabaseOf(params)!;
    const database = supabase.capabilities.find((c) => c.category === 'database')!;
    assert.equal(database.touchPoints, 2);
    assert.equal(database.files, 2);
    assert.ok(database.range.low > 0 && database.range.high >= database.range.low);
    assert.equal(database.at!.uri, uriOf(root, 'src/notes.ts'));
    assert.equal(database.at!.line, 4);
    assert.ok(Math.abs(params.cost.total.high - params.cost.platforms.reduce((n, p) => n + p.range.high, 0)) <= 1, 'platforms add up to the total');
    assert.equal(params.lockin, 6, 'dependency, import, client, two queries, auth.uid() in the migration');
    assert.deepEqual(params.cost.topFiles.map((f) => [f.label, f.touchPoints]).slice(0, 3), [['src/lib/supabase.ts', 2], ['package.json', 1], ['src/notes.ts', 1]]);
    assert.ok(params.cost.topFiles.every((f) => f.range && f.range.high >= f.range.low));
    assert.match(database.terms.join('\n'), /Call sites of supabase\/query-builder: .*× 2\^/);
    assert.match(database.structure!, /concentrated/);
    assert.ok(supabase.notes!.some((n) => /pg_dump/.test(n)), 'data migration notes');
    assert.ok(params.security.total >= 1, 'the table without row level security');
    assert.match(params.security.at!.uri, /001_notes\.sql$/);
  });

  it('answers the decision checklist from the evidence', async () => {
    const params = await panelWhere((p) => supabaseOf(p) !== undefined);
    assert.deepEqual(params.checklist.map((c) => c.id), ['backend-blocking', 'data-model', 'security-defaults', 'migration-cost', 'failure-paths', 'documented']);
    assert.equal(answer(params, 'backend-blocking').status, 'ask');
    const dataModel = answer(params, 'data-model');
    assert.equal(dataModel.status, 'attention', 'auth.uid() in a migration is a platform-specific schema feature');
    assert.match(dataModel.evidence, /2 collections, tables or entities touched \(supabase: notes, todos\)/);
    assert.match(dataModel.evidence, /supabase\/sql-auth-functions ×1/);
    assert.equal(answer(params, 'security-defaults').status, 'attention');
    const failures = answer(params, 'failure-paths');
    assert.equal(failures.status, 'attention');
    assert.match(failures.evidence, /^1 of 2 Supabase calls never read the error/);
    assert.deepEqual([failures.at!.uri, failures.at!.line], [todosUri, 4]);
    assert.equal(answer(params, 'documented').status, 'todo');
  });

  it('groups findings platform → capability → file for the tree view', async () => {
    const tree = await server.connection.sendRequest<FindingsTree>('lockin/findingsTree', {});
    const supabase = tree.lockin.find((p) => p.platform === 'supabase')!;
    const database = supabase.capabilities.find((c) => c.category === 'database')!;
    assert.deepEqual(database.files.map((f) => f.label), ['src/notes.ts', 'src/todos.ts']);
    const query = database.files[1].findings[0];
    assert.equal(query.ruleId, 'supabase/query-builder');
    assert.deepEqual([query.at.uri, query.at.line, query.at.column], [todosUri, 4, 26]);
    assert.equal(supabase.count, supabase.capabilities.reduce((n, c) => n + c.count, 0));
    assert.ok(tree.security.some((p) => p.capabilities.some((c) => c.files.some((f) => f.label === 'supabase/migrations/001_notes.sql'))));
    assert.ok(!tree.lockin.some((p) => p.capabilities.some((c) => c.files.some((f) => f.findings.some((x) => x.ruleId.includes('rls'))))), 'security stays apart');
  });

  it('updates the model after an edit, without a rescan', async () => {
    const before = supabaseOf(received.at(-1)!)!.touchPoints;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: todosUri, languageId: 'typescript', version: 1, text: todos } });
    const edited = checkedTodos;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: todosUri, version: 2 }, contentChanges: [{ text: edited }] });
    const params = await panelWhere((p) => supabaseOf(p)!.touchPoints === before + 1);
    assert.ok(supabaseOf(params)!.capabilities.some((c) => c.category === 'storage' && c.touchPoints === 1));
    assert.equal(answer(params, 'failure-paths').status, 'ok');
    assert.equal(server.logs.filter((l) => /indexed .* files/.test(l)).length, 1, 'indexed once');
  });

  it('does not resend the model when nothing it shows changed', async () => {
    const count = received.length;
    const summary = new Promise<void>((resolve) => server.connection.onNotification('lockin/summaryChanged', () => resolve()));
    const same = received.at(-1)!;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: todosUri, version: 3 }, contentChanges: [{ text: `${checkedTodos}// a comment\n` }] });
    await summary;
    await server.connection.sendRequest('lockin/findingsTree', {}); // anything sent before its answer has arrived
    assert.equal(received.length, count);
    assert.equal(supabaseOf(same)!.touchPoints, supabaseOf(received.at(-1)!)!.touchPoints);
  });

  it('marks the model stale while edits stay unchecked, and sends the checked figures without the mark', async () => {
    const before = supabaseOf(received.at(-1)!)!.touchPoints;
    assert.ok(!received.at(-1)!.stale);
    // Typing without a pause: edits are checked once they stop (or when pulled), so the panel says
    // its figures are from an earlier version; the last edit removes a query.
    let version = 10;
    const marked = panelWhere((p) => p.stale === true);
    let typing = true;
    void marked.finally(() => (typing = false));
    while (typing) {
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: todosUri, version: ++version }, contentChanges: [{ text: `${checkedTodos}// typing ${version}\n` }] });
      await new Promise((r) => setTimeout(r, 40));
    }
    const stale = await marked;
    assert.equal(supabaseOf(stale)!.touchPoints, before, 'the figures of the version last checked');
    const withoutQuery = checkedTodos.replace(/\n.*\.from\('todos'\)[^\n]*/, '\n');
    assert.notEqual(withoutQuery, checkedTodos);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: todosUri, version: ++version }, contentChanges: [{ text: withoutQuery }] });
    const checked = await panelWhere((p) => !p.stale && supabaseOf(p)!.touchPoints < before);
    assert.equal(checked.stale, false);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: todosUri, version: ++version }, contentChanges: [{ text: checkedTodos }] });
    await panelWhere((p) => !p.stale && supabaseOf(p)!.touchPoints === before);
  });

  it('exports the exit plan of a folder as Markdown', async () => {
    const plan = await server.connection.sendRequest<ExitPlan>('lockin/exitPlan', {});
    assert.equal(plan.folderUri, uriOf(root, '').replace(/\/$/, ''));
    assert.match(plan.markdown, /^# Exit plan: lockin-test-/);
    assert.match(plan.markdown, /\| \*\*Total\*\* \| 7 \|/, 'the summary counts the edited file as the server holds it');
    assert.match(plan.markdown, /\[src\/todos\.ts:4\]\(src\/todos\.ts#L4\)/);
    assert.match(plan.markdown, /\[src\/todos\.ts:6\]\(src\/todos\.ts#L6\)/, 'the unsaved storage call is in the plan');
  });
});
