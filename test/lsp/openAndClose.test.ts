// Opening a document whose text is the one indexed changes nothing other files read of it: only its
// own findings are made again (they seed the memo for the next edit), and nothing is left for the
// catch-up. Closing hands the file back to the disk: when the disk holds the text last analysed (the
// usual case, saved and closed) nothing is scanned again; otherwise the saved text is. Either way the
// tree kept for the next keystroke is let go.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { recallLatest } from '../../server/src/engine/js/treeCache';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { writeTree } from '../helpers/workspace';

const notes = (table: string) =>
  [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
    `export const latest = () => supabase.from('${table}').select('*').limit(5)`,
    '',
  ].join('\n');

async function openFolder(text: string) {
  const root = writeTree({ 'package.json': '{ "name": "app" }', 'src/notes.ts': text });
  const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
  await folder.indexAll();
  return { root, folder };
}

const queryMessages = (folder: FolderIndex) =>
  (folder.findings.get('src/notes.ts') ?? [])
    .filter((f) => f.ruleId === 'supabase/query-builder')
    .map((f) => f.message);

const helper = [
  `import { supabase } from './notes'`,
  `export const archive = (id: string) => supabase.from('notes').delete().eq('id', id)`,
  '',
].join('\n');

describe('opening a document', () => {
  it('as indexed: makes its own findings again and leaves the files that import it alone', async () => {
    const text = notes('notes').replace('const supabase', 'export const supabase');
    const root = writeTree({ 'package.json': '{ "name": "app" }', 'src/notes.ts': text, 'src/archive.ts': helper });
    const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    await folder.indexAll();
    assert.deepEqual(folder.takeOpenScan('src/notes.ts', text, folder.scanOpenText('src/notes.ts', text)), [
      'src/notes.ts',
    ]);
    assert.equal(folder.hasStaleFiles(), false, 'nothing for the catch-up');
    // An edit that changes what the helper reads does reach it.
    const edited = text.replace("'public-anon'", "process.env.SERVICE_ROLE_KEY!");
    folder.takeOpenScan('src/notes.ts', edited, folder.scanOpenText('src/notes.ts', edited));
    assert.equal(folder.hasStaleFiles(), true);
  });
});

describe('closing a document', () => {
  it('keeps the findings as they are when the disk holds the text last analysed', async () => {
    const { folder } = await openFolder(notes('notes'));
    const text = notes('notes');
    assert.deepEqual(folder.takeOpenScan('src/notes.ts', text, folder.scanOpenText('src/notes.ts', text)), [
      'src/notes.ts',
    ]);
    assert.ok(recallLatest('src/notes.ts'), 'the open document keeps its tree for the next keystroke');
    const findings = folder.findings.get('src/notes.ts');
    assert.deepEqual(folder.closeDocument('src/notes.ts'), [], 'nothing to re-make');
    assert.equal(folder.findings.get('src/notes.ts'), findings, 'the same findings, not re-made');
    assert.equal(recallLatest('src/notes.ts'), undefined, 'the tree is let go');
  });

  it('goes back to the saved text when the document held unsaved edits', async () => {
    const { folder } = await openFolder(notes('notes'));
    const edited = notes('archived_notes');
    folder.takeOpenScan('src/notes.ts', edited, folder.scanOpenText('src/notes.ts', edited));
    assert.match(queryMessages(folder).join(), /archived_notes/);
    assert.deepEqual(folder.closeDocument('src/notes.ts'), ['src/notes.ts']);
    assert.doesNotMatch(queryMessages(folder).join(), /archived_notes/);
  });

  it('takes in a file saved elsewhere while closed', async () => {
    const { root, folder } = await openFolder(notes('notes'));
    writeFileSync(join(root, 'src/notes.ts'), notes('invoices'));
    assert.deepEqual(folder.reloadFromDisk('src/notes.ts'), ['src/notes.ts']);
    assert.match(queryMessages(folder).join(), /invoices/);
    assert.deepEqual(folder.reloadFromDisk('src/notes.ts'), [], 'the same text again: nothing to do');
  });
});
