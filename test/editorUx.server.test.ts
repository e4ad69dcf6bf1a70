// What the editor shows, decided by the server: lock-in touch points are not diagnostics unless the
// user asks for them; where a security finding covers one there is one diagnostic; hovers and
// quick fixes put security first; the touch-points request feeds the CodeLens; counts ignore files
// the watcher reports from outside the workspace or from folders an audit skips; the tree and the
// checklist speak in names and cover the platforms present (Base44's calls reject on failure).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CostChangedParams, FindingsTree, TouchPoints, WorkspaceSummary } from '../server/src/protocol';
import { INLINE_LOCKIN, pull, startServer, TestServer, uriOf, waitForLog } from './helpers/lspClient';
import { writeTree } from './helpers/workspace';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'base44-app');
const archive = readFileSync(join(EXAMPLES, 'base44/functions/archiveStaleDeals/entry.ts'), 'utf8');
const client = readFileSync(join(EXAMPLES, 'src/api/base44Client.js'), 'utf8');
const deals = [
  "import { base44 } from '../api/base44Client';",
  '',
  'export async function loadDeals() {',
  "  const deals = await base44.entities.Deal.list('-updated_date');",
  '  return deals;',
  '}',
  '',
  'export async function saveDeal(deal) {',
  '  try {',
  '    await base44.entities.Deal.update(deal.id, deal);',
  '  } catch (e) {',
  '    console.error(e);',
  '  }',
  '}',
  '',
].join('\n');

describe('the editor experience, from the server', () => {
  const root = writeTree({
    'package.json': '{ "name": "deals", "dependencies": { "@base44/sdk": "0.8.6" } }',
    'src/api/base44Client.js': client,
    'src/pages/deals.js': deals,
    'base44/functions/archiveStaleDeals/entry.ts': archive,
    // Dependencies are never scanned, even when the watcher reports a change in them.
    'node_modules/@base44/sdk/package.json': '{ "name": "@base44/sdk", "dependencies": { "@supabase/supabase-js": "2.45.0" } }',
  });
  const outside = writeTree({ 'User/settings.json': '{ "supabase.url": "https://x.supabase.co" }', 'globalStorage/state.json': '{}' });
  let server: TestServer;
  const summaries: WorkspaceSummary[] = [];
  const panels: CostChangedParams[] = [];
  const dealsUri = uriOf(root, 'src/pages/deals.js');
  const archiveUri = uriOf(root, 'base44/functions/archiveStaleDeals/entry.ts');
  const open = (uri: string, text: string) => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  const configure = (settings: Record<string, unknown>) => {
    server.settings = settings;
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  before(async () => {
    server = await startServer(root);
    server.settings = {}; // the defaults, as a new user has them
    server.connection.onNotification('lockin/summaryChanged', (s: WorkspaceSummary) => void summaries.push(s));
    server.connection.onNotification('lockin/costChanged', (p: CostChangedParams) => void panels.push(p));
    await waitForLog(server, /indexed .* files/);
  });
  after(() => server.stop());

  it('shows no lock-in diagnostics by default, and security ones as errors', async () => {
    open(dealsUri, deals);
    assert.deepEqual(await pull(server, dealsUri), [], 'a UI file with only touch points has no diagnostics');
    open(archiveUri, archive);
    const diagnostics = await pull(server, archiveUri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['base44/service-role-without-caller-check', 1]]);
  });

  it('lists the touch points of a file for the CodeLens and the highlights', async () => {
    const points = await server.connection.sendRequest<TouchPoints>('lockin/touchPoints', { uri: dealsUri });
    assert.deepEqual(points.points.map((p) => [p.ruleId, p.range.start.line]), [['base44/entities', 3], ['base44/entities', 9]]);
    assert.deepEqual(points.platforms.map((p) => [p.name, p.count]), [['Base44', 2]]);
    assert.ok(points.platforms[0].range && points.platforms[0].range.high >= points.platforms[0].range.low, 'this file\'s share of the estimate');
  });

  it('puts one diagnostic on a span a security finding shares with a touch point, even with lock-in inline', async () => {
    configure({ ...INLINE_LOCKIN });
    const diagnostics = await pull(server, archiveUri);
    const onLine18 = diagnostics.filter((d) => d.range.start.line === 17);
    assert.deepEqual(onLine18.map((d) => d.code), ['base44/service-role-without-caller-check']);
    assert.ok(diagnostics.some((d) => d.code === 'base44/entities' && d.range.start.line === 26), 'uncovered touch points come back inline');
    assert.ok((await pull(server, dealsUri)).some((d) => d.code === 'base44/entities'));
    configure({});
  });

  it('hovers with the security fix first, the lock-in note after it', async () => {
    const hover = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: archiveUri }, position: { line: 17, character: 30 } });
    const text = hover.contents.value;
    const order = ['security error', 'How to fix it', 'Why it matters', 'Lock-in touch point'].map((s) => text.indexOf(s));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `sections in order: ${JSON.stringify(order)}\n${text}`);
  });

  it('prefers the security action and suppresses a touch point last', async () => {
    configure({ ...INLINE_LOCKIN });
    const diagnostics = await pull(server, archiveUri);
    const onLine27 = diagnostics.filter((d) => d.range.start.line === 26 || d.range.start.line === 17);
    const actions = await server.connection.sendRequest<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', {
      textDocument: { uri: archiveUri },
      range: { start: { line: 17, character: 0 }, end: { line: 26, character: 0 } },
      context: { diagnostics: onLine27 },
    });
    configure({});
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ['Show how to fix base44/service-role-without-caller-check']);
    assert.equal(actions[0].title, 'Show how to fix base44/service-role-without-caller-check');
    assert.equal(actions.at(-1)!.title, 'Suppress base44/entities on this line…');
    const suppressSecurity = actions.findIndex((a) => a.title.startsWith('Suppress base44/service-role'));
    assert.ok(suppressSecurity > 0 && suppressSecurity < actions.length - 1);
  });

  it('names platforms and capabilities in the tree', async () => {
    const tree = await server.connection.sendRequest<FindingsTree>('lockin/findingsTree', {});
    assert.deepEqual(tree.security.map((p) => [p.name, p.capabilities.map((c) => c.name)]), [['Base44', ['Access control']]]);
    assert.ok(tree.lockin[0].capabilities.some((c) => c.name === 'SDK and client'));
  });

  it('answers the failure-path question for Base44 calls, which reject', async () => {
    await waitFor(() => panels.length > 0, 10_000);
    const panel = panels.at(-1)!;
    const failures = panel.checklist.find((a) => a.id === 'failure-paths')!;
    // deals.js: one await outside try, one inside; the edge function awaits three calls inside its try.
    assert.equal(failures.evidence, '1 of 5 Base44 calls are awaited with no try/catch (or chained with no .catch), so a failure rejects unhandled.');
    assert.deepEqual([failures.at!.uri, failures.at!.line], [dealsUri, 4]);
    const cost = panel.checklist.find((a) => a.id === 'migration-cost')!;
    assert.equal(cost.status, 'estimate');
    assert.match(cost.evidence, /^Estimated, not known: /);
  });

  it('counts only the files an audit would scan, whatever the watcher reports', async () => {
    await waitFor(() => summaries.length > 0, 10_000);
    assert.equal(summaries.at(-1)!.files, 4);
    const lockinBefore = panels.at(-1)!.lockin;
    const changes = [
      { uri: uriOf(outside, 'User/settings.json'), type: 1 },
      { uri: uriOf(outside, 'globalStorage/state.json'), type: 1 },
      { uri: uriOf(root, 'node_modules/@base44/sdk/package.json'), type: 1 },
    ];
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    // An edit that does count, so the totals are sent again after the events above.
    const more = `${deals}export const more = () => base44.entities.Deal.list();\n`;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: dealsUri, version: 2 }, contentChanges: [{ text: more }] });
    await waitFor(() => panels.at(-1)!.lockin > lockinBefore, 10_000);
    await waitFor(() => summaries.at(-1)!.lockin === panels.at(-1)!.lockin, 10_000);
    assert.equal(summaries.at(-1)!.files, 4, 'the editor\'s user data and dependencies are not counted');
    assert.equal(panels.at(-1)!.files, 4);
    assert.equal(summaries.at(-1)!.securityErrors, 1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
