// The language server under bursts of edits, driven over stdio as VS Code drives it: only the latest
// text is analysed and reported, what is reported equals a fresh analysis of that text, and work
// dropped for a newer text leaves nothing of itself behind. (Figures: `npm run bench -- --load`.)

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forgetTree, recallLatest } from '../server/src/engine/js/treeCache';
import { FolderIndex } from '../server/src/lsp/folderIndex';
import { rulesFor } from '../server/src/lsp/folders';
import { STALE_NOTE } from '../server/src/lsp/hover';
import { runInSlices } from '../server/src/lsp/slices';
import { MessageActivity } from '../server/src/lsp/updateQueue';
import { EditorPuller, pull, PulledDiagnostic, startServer, TestServer, uriOf, waitForLog } from './helpers/lspClient';
import { writeTree } from './helpers/workspace';

const clientModule = `import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient('https://x.supabase.co', 'anon')\n`;
const notClient = `export const supabase = makeRepo()\n`;
const notes = `import { supabase } from './lib/supabase'\n\nexport async function listNotes() {\n  const { data } = await supabase.from('notes').select('*')\n  return data\n}\n`;

/** `lines` lines, a Supabase query on every tenth. */
function queries(lines: number): string {
  const out = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
  ];
  for (let i = 0; out.length < lines; i++)
    out.push(
      out.length % 10 === 0
        ? `export const q${i} = () => supabase.from('t${i}').select('*')`
        : `export const n${i} = ${i}`,
    );
  return out.join('\n') + '\n';
}

/** What a diagnostic shows, without its fingerprint (which names the file). */
const shown = (d: PulledDiagnostic) =>
  `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.message}`;

describe('language server under bursts of edits', () => {
  const root = writeTree({
    'package.json': '{ "name": "app" }',
    'src/lib/supabase.ts': clientModule,
    'src/notes.ts': notes,
  });
  let server: TestServer;
  const open = (rel: string, text: string) =>
    server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(root, rel), languageId: 'typescript', version: 1, text },
    });
  const insert = (rel: string, version: number, line: number, text: string) => {
    const at = { line, character: 0 };
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(root, rel), version },
      contentChanges: [{ range: { start: at, end: at }, text }],
    });
  };
  const replace = (rel: string, version: number, text: string) =>
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(root, rel), version },
      contentChanges: [{ text }],
    });

  before(async () => {
    server = await startServer(root);
    await waitForLog(server, /indexed .* files/);
  });
  after(() => server.stop());

  it('answers a pull with the text of the last edit received or a newer one, never an earlier version', async () => {
    const uri = uriOf(root, 'src/burst.ts');
    open('src/burst.ts', queries(2));
    await pull(server, uri);
    // 40 edits each adding a query, each followed by a pull the editor does not cancel: the answer
    // to the pull after edit k shows at least k queries, and no answer shows fewer than one before.
    const answers = [];
    for (let k = 0; k < 40; k++) {
      insert('src/burst.ts', k + 2, 2, `export const added${k} = () => supabase.from('added').select('*')\n`);
      answers.push(
        server.connection.sendRequest<{ kind: string; items: PulledDiagnostic[] }>('textDocument/diagnostic', {
          textDocument: { uri },
        }),
      );
    }
    const shownQueries = (await Promise.all(answers)).map(
      (r) => r.items.filter((d) => d.code === 'supabase/query-builder').length,
    );
    shownQueries.forEach((count, k) =>
      assert.ok(count >= k + 1 && count >= (shownQueries[k - 1] ?? 0), `answer ${k + 1}: ${count} queries`),
    );
    assert.equal(shownQueries.at(-1), 40);
    assert.ok(new Set(shownQueries).size < 40, `the burst was analysed fewer times than it has edits: ${shownQueries}`);
  });

  it('shows the editor the diagnostics of the final text after a burst, as a fresh analysis of it finds them', async () => {
    const uri = uriOf(root, 'src/formatted.ts');
    const lines = queries(600).split('\n');
    open('src/formatted.ts', lines.join('\n'));
    const puller = new EditorPuller(server, uri);
    puller.changed();
    await puller.idle();
    // A formatter indenting every query line, one edit each, as VS Code pulls meanwhile.
    let version = 1;
    for (let line = 10; line < 600; line += 10) {
      insert('src/formatted.ts', ++version, line, '    ');
      lines[line] = `    ${lines[line]}`;
      puller.changed();
    }
    await puller.idle();
    assert.ok(puller.cancelled > 0, 'the pulls sent during the burst were cancelled');
    const final = puller.latest()!.map(shown);
    open('src/fresh.ts', lines.join('\n'));
    assert.deepEqual((await pull(server, uriOf(root, 'src/fresh.ts'))).map(shown), final);
    for (const report of puller.received.slice(1))
      assert.deepEqual(report.items.map(shown), final, 'no report of an earlier version reached the editor');
  });

  it('answers hover at once during edits, saying when newer edits are not checked yet', async () => {
    const uri = uriOf(root, 'src/notes.ts');
    open('src/notes.ts', notes);
    await pull(server, uri);
    const hover = () =>
      server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 3, character: 40 },
      });
    insert('src/notes.ts', 2, 0, '// edited\n');
    const during = await hover();
    assert.ok(during.contents.value.includes(STALE_NOTE), during.contents.value);
    await pull(server, uri);
    const afterPull = await hover();
    assert.equal(afterPull, null, 'the finding moved down a line with the edit');
    const moved = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 40 },
    });
    assert.match(moved.contents.value, /supabase\/query-builder/);
    assert.ok(!moved.contents.value.includes(STALE_NOTE));
  });

  it('leaves importers as the final text of an edited module says, whatever versions were dropped on the way', async () => {
    const clientUri = uriOf(root, 'src/lib/supabase.ts');
    open('src/lib/supabase.ts', clientModule);
    const puller = new EditorPuller(server, clientUri);
    for (let version = 2; version <= 31; version++) {
      replace('src/lib/supabase.ts', version, version % 2 === 0 ? notClient : clientModule);
      puller.changed();
    }
    await puller.idle();
    const notesNow = await pull(server, uriOf(root, 'src/notes.ts'));
    assert.ok(
      notesNow.some((d) => d.code === 'supabase/query-builder'),
      'the last text exports the client again',
    );
    replace('src/lib/supabase.ts', 32, notClient);
    assert.deepEqual(
      (await pull(server, uriOf(root, 'src/notes.ts'))).filter((d) => d.data.platform === 'supabase'),
      [],
    );
  });
});

describe('an analysis dropped at its safe point', () => {
  it('changes nothing: findings, scan and the next analysis are as if it never ran', () => {
    const root = writeTree({ 'src/app.ts': queries(200) });
    const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    const first = queries(200);
    folder.takeOpenScan('src/app.ts', first, folder.scanOpenText('src/app.ts', first));
    const findings = folder.findings.get('src/app.ts');
    folder.scanOpenText('src/app.ts', first.replace(/supabase\.from/g, 'db.from')); // dropped: a newer text came
    assert.equal(folder.findings.get('src/app.ts'), findings);
    assert.equal(folder.state.scans.get('src/app.ts')!.text, first);
    const last = `// a newer text\n${first}`;
    folder.takeOpenScan('src/app.ts', last, folder.scanOpenText('src/app.ts', last));
    forgetTree('src/app.ts'); // the fresh analysis parses from scratch
    const fresh = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    fresh.takeOpenScan('src/app.ts', last, fresh.scanOpenText('src/app.ts', last));
    const place = (f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`;
    assert.deepEqual(folder.findings.get('src/app.ts')!.map(place), fresh.findings.get('src/app.ts')!.map(place));
    assert.equal(folder.findings.get('src/app.ts')!.filter((f) => f.ruleId === 'supabase/query-builder').length, 19);
  });
});

describe('an analysis run in slices', () => {
  const rules = (root: string) => rulesFor(root, { trusted: true, ruleFolders: [] });
  const place = (f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`;

  it('stopped at any of its pauses, leaves findings, scan and the next analysis as if it never ran', () => {
    const root = writeTree({ 'src/app.ts': queries(300) });
    const first = queries(300);
    // Every query indented (the next parse is a fresh one) or one line changed (an incremental one).
    const overtaken = [
      first.replace(/^export const q/gm, '  export const q'),
      first.replace('export const n1 =', 'export const n1x ='),
    ];
    const last = `// the newest text\n${first.replace("select('*')", "select('id')")}`;
    const ruleSet = rules(root);
    forgetTree('src/app.ts');
    const fresh = new FolderIndex(root, ruleSet);
    fresh.takeOpenScan('src/app.ts', last, fresh.scanOpenText('src/app.ts', last));
    const expected = fresh.findings.get('src/app.ts')!.map(place);
    for (const text of overtaken) {
      const pauses = [...new FolderIndex(root, ruleSet).scanOpenSteps('src/other.ts', text)].length;
      assert.ok(
        pauses >= 4,
        `the scan pauses after the prefilter, the parse, the scope walk and the facts (${pauses})`,
      );
      // The first pauses (around the parse and the facts) and the last (the rules on the tree).
      for (const stopAt of [1, 2, 3, 4, pauses]) {
        forgetTree('src/app.ts');
        const folder = new FolderIndex(root, ruleSet);
        folder.takeOpenScan('src/app.ts', first, folder.scanOpenText('src/app.ts', first));
        const findings = folder.findings.get('src/app.ts');
        const steps = folder.scanOpenSteps('src/app.ts', text);
        for (let n = 0; n < stopAt; n++) steps.next();
        steps.return(undefined); // a newer text arrived
        // Once parsed, the overtaken text's tree is where the next analysis starts from (see scanFile.ts).
        const kept = recallLatest('src/app.ts')?.text;
        assert.equal(kept, stopAt === 1 ? first : text, `tree kept at pause ${stopAt}`);
        assert.equal(folder.findings.get('src/app.ts'), findings);
        assert.equal(folder.state.scans.get('src/app.ts')!.text, first);
        folder.takeOpenScan('src/app.ts', last, folder.scanOpenText('src/app.ts', last));
        assert.deepEqual(folder.findings.get('src/app.ts')!.map(place), expected, `stopped at pause ${stopAt}`);
      }
    }
  });

  it('lets messages through between slices and stops when a newer text arrives', async () => {
    const events: string[] = [];
    function* analysis(): Generator<void, string, void> {
      try {
        for (let step = 0; step < 20; step++) {
          const until = performance.now() + 3;
          while (performance.now() < until); // a step of synchronous work
          events.push(`step ${step}`);
          yield;
        }
        return 'done';
      } finally {
        events.push('finally');
      }
    }
    // A request already received (a hover) is answered before the analysis ends.
    setImmediate(() => events.push('hover'));
    assert.deepEqual(await runInSlices(analysis(), new MessageActivity(), () => false, 5), {
      done: true,
      value: 'done',
    });
    assert.ok(events.indexOf('hover') > 0 && events.indexOf('hover') < events.indexOf('step 19'), events.join(', '));
    // An edit received with it makes the rest worthless: stopped at the next pause, cleaned up.
    events.length = 0;
    let newer = false;
    setImmediate(() => events.push('edit') && (newer = true));
    assert.deepEqual(await runInSlices(analysis(), new MessageActivity(), () => newer, 5), {
      done: false,
      why: 'superseded',
    });
    assert.ok(!events.includes('step 19'), events.join(', '));
    assert.equal(events.at(-1), 'finally');
  });
});
