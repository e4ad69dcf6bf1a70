// A reopened workspace indexes from the scan pack of the last session (engine/cache/scanCache.ts):
// scans, and results read across files (the caller checks, the prefilter's second pass), while
// every file and every open document's text is as it was. An open document whose text differs
// from what the pack saw means computing those results again.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { writeTree } from '../helpers/workspace';

const RULE = 'supabase/service-role-function-without-caller-check';

const FILES = {
  'supabase/functions/_shared/admin.ts': [
    "import { createClient } from 'npm:@supabase/supabase-js@2';",
    '',
    "export const db = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);",
    '',
  ].join('\n'),
  'supabase/functions/close-account/index.ts': [
    "import { db } from '../_shared/admin.ts';",
    '',
    'Deno.serve(async (req) => {',
    '  const { id } = await req.json();',
    "  await db.rpc('close_account', { id });",
    "  return new Response('closed');",
    '});',
    '',
  ].join('\n'),
};

/** The shared client, edited in the editor (not saved) to carry the caller's own token. */
const AS_CALLER = [
  "import { createClient } from 'npm:@supabase/supabase-js@2';",
  '',
  'export const forCaller = (req: Request) =>',
  "  createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {",
  "    global: { headers: { Authorization: req.headers.get('Authorization')! } },",
  '  });',
  '',
  "export const db = forCaller(new Request('http://localhost'));",
  '',
].join('\n');

async function indexed(root: string, open: Record<string, string> = {}): Promise<FolderIndex> {
  const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
  for (const [rel, text] of Object.entries(open)) folder.takeOpenScan(rel, text, folder.scanOpenText(rel, text));
  await folder.indexAll();
  return folder;
}

const callerCheckLines = (folder: FolderIndex) =>
  (folder.findings.get('supabase/functions/close-account/index.ts') ?? [])
    .filter((f) => f.ruleId === RULE)
    .map((f) => f.line);

describe('a workspace reopened from the scan pack', () => {
  const saved = process.env.LOCKIN_LENS_CACHE_DIR;
  before(() => (process.env.LOCKIN_LENS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'lockin-reopen-'))));
  after(() =>
    saved === undefined ? delete process.env.LOCKIN_LENS_CACHE_DIR : (process.env.LOCKIN_LENS_CACHE_DIR = saved),
  );

  it('reports what the first session found, and what an open document changed since', async () => {
    const root = writeTree(FILES);
    const closed = await indexed(root);
    assert.deepEqual(callerCheckLines(closed), [5]);
    assert.deepEqual(callerCheckLines(await indexed(root)), [5]);
    const admin = 'supabase/functions/_shared/admin.ts';
    const edited = await indexed(root, { [admin]: AS_CALLER });
    assert.deepEqual(callerCheckLines(edited), [], 'a result read through the edited client came from the pack');
    // The same document open again, now with the text on disk: the edited session's results do not hold.
    assert.deepEqual(callerCheckLines(await indexed(root, { [admin]: FILES[admin] })), [5]);
    assert.deepEqual(callerCheckLines(await indexed(root, { [admin]: AS_CALLER })), []);
  });
});
