// The language server driven over stdio as an editor drives it: open, edit, close, cross-file
// updates, configuration changes, hover, quick fixes, cancellation, and files that would crash it.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { INLINE_LOCKIN, pull, startServer, TestServer, uriOf, waitForLog } from './helpers/lspClient';
import { writeTree } from './helpers/workspace';

const clientModule = `import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient('https://x.supabase.co', 'anon')\n`;
const notes = `import { supabase } from './lib/supabase'\n\nexport async function listNotes() {\n  const { data } = await supabase.from('notes').select('*')\n  return data\n}\n`;

describe('language server over stdio', () => {
  const root = writeTree({
    'package.json': '{ "name": "app" }',
    'src/lib/supabase.ts': clientModule,
    'src/notes.ts': notes,
    ...Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`src/generated/page${i}.ts`, `export const page${i} = ${i}\n`])),
  });
  let server: TestServer;
  const notesUri = uriOf(root, 'src/notes.ts');
  const open = (uri: string, text: string, version = 1) =>
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  const change = (uri: string, text: string, version: number) =>
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

  before(async () => {
    server = await startServer(root);
    await waitForLog(server, /indexed .* files/);
  });
  after(() => server.stop());

  it('reports findings of an opened file with rule id, docs link and data', async () => {
    open(notesUri, notes);
    const diagnostics = await pull(server, notesUri);
    const query = diagnostics.find((d) => d.code === 'supabase/query-builder');
    assert.ok(query, JSON.stringify(diagnostics));
    assert.deepEqual(query.range.start, { line: 3, character: 25 });
    assert.equal(query.source, 'lockin-lens');
    assert.deepEqual([query.data.kind, query.data.platform, query.data.category], ['lockin', 'supabase', 'database']);
    assert.match(query.codeDescription!.href, /^file:.*rule-docs\/supabase\/query-builder\.md$/);
  });

  it('re-checks an edit', async () => {
    const edited = notes.replace('  return data\n', "  await supabase.storage.from('avatars').upload('a.png', new Blob())\n  return data\n");
    change(notesUri, edited, 2);
    const diagnostics = await pull(server, notesUri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'supabase/storage').map((d) => d.range.start.line), [4]);
  });

  it('answers `unchanged` to a pull when an edit left the diagnostics as they were', async () => {
    const request = (previousResultId?: string) =>
      server.connection.sendRequest<{ kind: string; resultId: string; items?: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: notesUri }, previousResultId });
    const before = await request();
    assert.equal(before.kind, 'full');
    const withComment = notes.replace('  return data\n', "  await supabase.storage.from('avatars').upload('a.png', new Blob())\n  return data // the list\n");
    change(notesUri, withComment, 3); // the same findings as version 2, on the same lines
    const same = await request(before.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: before.resultId });
    change(notesUri, withComment.replace('  await supabase.storage', '\n  await supabase.storage'), 4); // a finding moves down a line
    const moved = await request(before.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, before.resultId);
    assert.equal((await request('some-other-id')).kind, 'full');
  });

  it('updates importers when the module exporting the client changes', async () => {
    const clientUri = uriOf(root, 'src/lib/supabase.ts');
    open(clientUri, clientModule);
    change(clientUri, `export const supabase = makeRepo()\n`, 2);
    const diagnostics = await pull(server, notesUri);
    assert.deepEqual(diagnostics.filter((d) => d.data.platform === 'supabase'), []);
    change(clientUri, clientModule, 3);
    assert.ok((await pull(server, notesUri)).some((d) => d.code === 'supabase/query-builder'));
  });

  it('shows why it matters and the alternative on hover', async () => {
    const hover = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: notesUri }, position: { line: 3, character: 40 } });
    assert.match(hover.contents.value, /supabase\/query-builder/);
    assert.match(hover.contents.value, /Why it matters/);
    assert.match(hover.contents.value, /Portable alternative/);
  });

  it('offers suppress and docs quick fixes', async () => {
    const diagnostics = await pull(server, notesUri);
    const query = diagnostics.find((d) => d.code === 'supabase/query-builder')!;
    const actions = await server.connection.sendRequest<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: notesUri },
      range: query.range,
      context: { diagnostics: [query] },
    });
    const suppress = actions.find((a) => a.command?.command === 'lockinLens.suppressFinding');
    assert.ok(suppress);
    assert.deepEqual(suppress.command!.arguments[0], { uri: notesUri, line: 3, ruleId: 'supabase/query-builder', commentPrefix: '//' });
    assert.ok(actions.some((a) => a.command?.command === 'lockinLens.openRuleDocs'));
  });

  it('follows configuration changes (kinds and severity overrides) per document', async () => {
    server.settings = { ...INLINE_LOCKIN, severityOverrides: { 'supabase/query-builder': 'warning', 'supabase/storage': 'off' } };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    let diagnostics = await pull(server, notesUri);
    assert.equal(diagnostics.find((d) => d.code === 'supabase/query-builder')!.severity, 2);
    assert.equal(diagnostics.some((d) => d.code === 'supabase/storage'), false);
    server.settings = { lockin: { enable: false } };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    diagnostics = await pull(server, notesUri);
    assert.deepEqual(diagnostics.filter((d) => d.data.kind === 'lockin'), []);
    server.settings = { ...INLINE_LOCKIN };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('keeps findings of files that are not open in workspace diagnostics', async () => {
    const report = await server.connection.sendRequest<{ items: { uri: string; kind: string; items?: { code: string }[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const clientFile = report.items.find((i) => i.uri.endsWith('src/lib/supabase.ts'));
    assert.equal(clientFile, undefined, 'open documents are reported by document pulls');
    const pkg = report.items.find((i) => i.uri.endsWith('/package.json'));
    assert.ok(pkg && pkg.kind === 'full');
  });

  it('survives malformed, binary and enormous documents and keeps answering', async () => {
    const bad = [
      ['src/broken.ts', "import { createClient } from '@supabase/supabase-js'\nconst x = ;\ncreateClient('u','k').from('x')\nexport function ( {{{"],
      ['src/binary.ts', '\u0000\u0001\u0002\uFFFD'.repeat(1000)],
      ['src/deep.ts', `${'('.repeat(10_000)}1${')'.repeat(10_000)}`],
      ['src/long.ts', 'const a = 1\n'.repeat(200_000)],
    ];
    for (const [rel, text] of bad) open(uriOf(root, rel), text);
    for (const [rel] of bad) assert.ok(Array.isArray(await pull(server, uriOf(root, rel))));
    const broken = await pull(server, uriOf(root, 'src/broken.ts'));
    assert.ok(broken.some((d) => d.code === 'supabase/query-builder'), 'what parses is still checked');
    assert.ok(Array.isArray(await pull(server, notesUri)));
  });

  it('stops a workspace audit when the editor cancels it', async () => {
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('lockin/auditWorkspace', {}, source.token);
    source.cancel();
    await pending.catch(() => undefined);
    await waitForLog(server, /audit: .*\(cancelled\)/);
  });

  it('closes documents back to their saved text', async () => {
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: notesUri } });
    const diagnostics = await pull(server, notesUri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'supabase/storage'), [], 'the unsaved edit is gone');
    assert.ok(diagnostics.some((d) => d.code === 'supabase/query-builder'));
  });
});
