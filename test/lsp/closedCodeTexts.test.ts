// Once a folder is indexed, the language server keeps the texts of closed code files only where a
// workspace check reads them after any edit (a Drizzle schema); the others are read back from disk
// when asked. A file changed on disk before the watcher said so must not be shown with findings
// made from its old scan, and an open document's unsaved text is never swapped for the disk's.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FileScan } from '../../server/src/engine/scan/scanFile';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { writeTree } from '../helpers/workspace';

const manifest = JSON.stringify({
  dependencies: { '@supabase/supabase-js': '^2.45.0', 'drizzle-orm': '^0.40.0' },
  devDependencies: { 'drizzle-kit': '^0.31.0' },
});
const schemaTs = [
  `import { pgTable, serial, text } from 'drizzle-orm/pg-core'`,
  `export const invoices = pgTable('invoices', { id: serial('id').primaryKey(), total: text('total') })`,
  '',
].join('\n');
const clientTs = [
  `import { createClient } from '@supabase/supabase-js'`,
  `export const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
  '',
].join('\n');
const movedDown = `// billing client\n// (moved two lines down)\n${clientTs}`;

async function indexed() {
  const root = writeTree({ 'package.json': manifest, 'db/schema.ts': schemaTs, 'src/client.ts': clientTs });
  const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
  await folder.indexAll();
  return { root, folder, scan: (rel: string) => folder.state.scans.get(rel)! };
}

const released = (scan: FileScan) => Object.getOwnPropertyDescriptor(scan, 'text')?.get !== undefined;
const lines = (folder: FolderIndex, rel: string) => (folder.findings.get(rel) ?? []).map((f) => f.line);
const rlsLines = (folder: FolderIndex) =>
  (folder.findings.get('db/schema.ts') ?? [])
    .filter((f) => f.ruleId === 'supabase/drizzle-rls-missing')
    .map((f) => f.line);

describe('texts of closed code files', () => {
  it('are let go but where a workspace check reads them, which still runs after an edit', async () => {
    const { folder, scan } = await indexed();
    assert.equal(released(scan('src/client.ts')), true);
    assert.equal(released(scan('db/schema.ts')), false, 'the Drizzle check reads it after every TypeScript edit');
    assert.equal(scan('src/client.ts').text, clientTs);
    assert.deepEqual(rlsLines(folder), [2]);
    const text = `${clientTs}export const other = 1\n`;
    folder.takeOpenScan('src/client.ts', text, folder.scanOpenText('src/client.ts', text));
    while (folder.hasStaleFiles()) folder.catchUp();
    assert.deepEqual(rlsLines(folder), [2], 'the check ran again and still finds the table');
  });

  it('read back after a change on disk the watcher has not told of: the file is scanned again', async () => {
    const { root, folder, scan } = await indexed();
    const before = lines(folder, 'src/client.ts');
    assert.ok(before.length > 0 && before.every((line) => line <= 2));
    writeFileSync(join(root, 'src/client.ts'), movedDown);
    assert.equal(scan('src/client.ts').text, movedDown, 'read as it is now');
    assert.equal(folder.hasStaleFiles(), true, 'its scan is of the old text');
    const { changed } = folder.catchUp();
    assert.ok(changed.includes('src/client.ts'));
    assert.deepEqual(lines(folder, 'src/client.ts'), before.map((line) => line + 2));
    while (folder.hasStaleFiles()) folder.catchUp(); // (what the new scan means for other files)
    assert.equal(released(scan('src/client.ts')), true, 'the new scan lets its text go too');
    assert.equal(scan('src/client.ts').text, movedDown);
  });

  it('of open documents are the editor\'s, also after indexing again', async () => {
    const { root, folder } = await indexed();
    folder.takeOpenScan('src/client.ts', movedDown, folder.scanOpenText('src/client.ts', movedDown));
    const shown = lines(folder, 'src/client.ts');
    assert.ok(shown.length > 0 && shown.every((line) => line >= 3));
    writeFileSync(join(root, 'src/client.ts'), `// saved elsewhere\n${clientTs}`);
    await folder.indexAll();
    while (folder.hasStaleFiles()) folder.catchUp();
    const scan = folder.state.scans.get('src/client.ts')!;
    assert.equal(released(scan), false);
    assert.equal(scan.text, movedDown);
    assert.deepEqual(lines(folder, 'src/client.ts'), shown);
  });
});
