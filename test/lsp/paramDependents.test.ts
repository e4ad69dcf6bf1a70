// A caller's edit reaches the function it calls: a parameter that receives a client at every call
// site (engine/workspace/paramTable.ts) is that client only while the callers pass it, so when a
// caller stops or starts passing one, the callee's findings follow at the next catch-up — and an
// edit that passes the same values leaves the callee alone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { writeTree } from '../helpers/workspace';

const helper = [
  `export async function archiveRows(store, table: string) {`,
  `  const { data } = await store.from(table).select('*')`,
  `  return data`,
  `}`,
].join('\n');

const caller = (passed: string) => [
  `import { createClient } from '@supabase/supabase-js'`,
  `import { archiveRows } from './archive'`,
  `const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
  `const memoryStore = { from: (t: string) => ({ select: async (c: string) => ({ data: [t, c] }) }) }`,
  `export const run = () => archiveRows(${passed}, 'invoices')`,
].join('\n');

const queryLines = (folder: FolderIndex, rel: string) =>
  (folder.findings.get(rel) ?? []).filter((f) => f.ruleId === 'supabase/query-builder').map((f) => f.line);

/**
 * The built-in rules without workspace checks: one of them (Drizzle tables without RLS) reads every
 * TypeScript file, so any edit re-checks them all and would hide whether the callee was named.
 */
function rulesWithoutWorkspaceChecks(root: string) {
  const set = rulesFor(root, { trusted: true, ruleFolders: [] });
  const workspaceCheck = (r: (typeof set.rules)[number]) =>
    r.matcher.type === 'check' && r.matcher.check.scope === 'workspace';
  return { ...set, rules: set.rules.filter((r) => !workspaceCheck(r)) };
}

describe("a caller's edit and its callee's findings", () => {
  it('re-checks the callee when the values passed to its parameters change, and only then', async () => {
    // At first the caller hands in its own in-memory store: the helper's query is no Supabase call
    // (and the helper, which names no platform, is left unparsed by the prefilter).
    const root = writeTree({
      'package.json': '{ "name": "app" }',
      'src/archive.ts': helper,
      'src/jobs.ts': caller('memoryStore'),
    });
    const folder = new FolderIndex(root, rulesWithoutWorkspaceChecks(root));
    await folder.indexAll();
    assert.deepEqual(queryLines(folder, 'src/archive.ts'), []);

    const edit = (text: string) => {
      folder.takeOpenScan('src/jobs.ts', text, folder.scanOpenText('src/jobs.ts', text));
      return folder.catchUp().changed;
    };
    // The caller passes the client: the helper's query is a Supabase touch point.
    assert.ok(edit(caller('supabase')).includes('src/archive.ts'));
    assert.deepEqual(queryLines(folder, 'src/archive.ts'), [2]);
    // And back, and again; then a keystroke that passes the same values: nothing to do for the helper.
    assert.ok(edit(caller('memoryStore')).includes('src/archive.ts'));
    assert.deepEqual(queryLines(folder, 'src/archive.ts'), []);
    assert.ok(edit(caller('supabase')).includes('src/archive.ts'));
    assert.deepEqual(queryLines(folder, 'src/archive.ts'), [2]);
    assert.ok(!edit(`// nightly\n${caller('supabase')}`).includes('src/archive.ts'));
    assert.deepEqual(queryLines(folder, 'src/archive.ts'), [2]);
  });
});
