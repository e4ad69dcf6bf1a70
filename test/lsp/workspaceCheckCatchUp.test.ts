// A workspace check (here: Drizzle tables without row level security, which reads every TypeScript
// file) runs again after any edit of a file it reads. The catch-up then re-makes the findings of the
// files whose workspace-check hits moved, not of every file the check reads.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { writeTree } from '../helpers/workspace';

const manifest = JSON.stringify({
  dependencies: { '@supabase/supabase-js': '^2.45.0', 'drizzle-orm': '^0.40.0' },
  devDependencies: { 'drizzle-kit': '^0.31.0' },
});

const schema = (rls: string) =>
  [
    `import { pgTable, serial, text } from 'drizzle-orm/pg-core'`,
    `export const invoices = pgTable('invoices', { id: serial('id').primaryKey(), total: text('total') })${rls}`,
    '',
  ].join('\n');

const sql = (tail: string) => `-- invoices are enabled by the schema itself\n${tail}`;

const notes = [
  `import { createClient } from '@supabase/supabase-js'`,
  `const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
  `export const latest = () => supabase.from('notes').select('*').limit(5)`,
  '',
].join('\n');

const rlsLines = (folder: FolderIndex, rel: string) =>
  (folder.findings.get(rel) ?? []).filter((f) => f.ruleId === 'supabase/drizzle-rls-missing').map((f) => f.line);

describe('the catch-up after an edit a workspace check reads', () => {
  it('re-makes the findings of the files whose workspace-check hits moved, and only those', async () => {
    const root = writeTree({
      'package.json': manifest,
      'db/schema.ts': schema(''),
      'src/notes.ts': notes,
      'supabase/migrations/001_extra.sql': sql('select 1;\n'),
    });
    const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    await folder.indexAll();
    assert.deepEqual(rlsLines(folder, 'db/schema.ts'), [2]);

    const edit = (rel: string, text: string) => {
      folder.takeOpenScan(rel, text, folder.scanOpenText(rel, text));
      return folder.catchUp().changed;
    };
    // An edit of a file the check reads that moves no hit: nothing else is re-made.
    assert.deepEqual(edit('src/notes.ts', `// the five latest\n${notes}`), []);
    // SQL enabling RLS on the table moves the schema's hit: the schema's findings follow.
    const enable = sql('alter table invoices enable row level security;\n');
    assert.deepEqual(edit('supabase/migrations/001_extra.sql', enable), ['db/schema.ts']);
    assert.deepEqual(rlsLines(folder, 'db/schema.ts'), []);
    // And back.
    assert.deepEqual(edit('supabase/migrations/001_extra.sql', sql('select 2;\n')), ['db/schema.ts']);
    assert.deepEqual(rlsLines(folder, 'db/schema.ts'), [2]);
  });
});
