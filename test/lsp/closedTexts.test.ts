// Once a folder is indexed, closed data files (JSON, YAML, HTML) that no check spanning files reads
// are not kept in memory: their text is read again from disk when asked. A change on disk is still
// noticed (the text is compared by hash, not with a fresh read of itself), and the findings made
// from the read-back text are those of the indexed one.

import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import type { FileScan } from '../../server/src/engine/scan/scanFile';
import { hasText, textLength } from '../../server/src/engine/workspace/closedTexts';
import { writeTree } from '../helpers/workspace';

const vercelJson = [
  '{',
  '  "framework": "nextjs",',
  '  "crons": [{ "path": "/api/nightly", "schedule": "0 3 * * *" }]',
  '}',
  '',
].join('\n');
const appTs = [
  `import { createClient } from '@supabase/supabase-js'`,
  `export const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
  '',
].join('\n');

async function indexed() {
  const root = writeTree({
    'package.json': '{ "name": "app" }',
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    'vercel.json': vercelJson,
    'src/app.ts': appTs,
  });
  const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
  await folder.indexAll();
  return { root, folder, scan: (rel: string) => folder.state.scans.get(rel)! };
}

const released = (scan: FileScan) => Object.getOwnPropertyDescriptor(scan, 'text')?.get !== undefined;
const cronLines = (folder: FolderIndex) =>
  (folder.findings.get('vercel.json') ?? []).filter((f) => f.ruleId === 'vercel/crons').map((f) => f.line);

describe('texts of closed data files', () => {
  it('are let go after indexing and read back as they were (code files too: closedCodeTexts.test.ts)', async () => {
    const { folder, scan } = await indexed();
    assert.equal(released(scan('vercel.json')), true);
    assert.equal(released(scan('tsconfig.json')), false, 'project configs stay');
    assert.equal(scan('vercel.json').text, vercelJson);
    assert.equal(textLength(scan('vercel.json')), vercelJson.length);
    assert.deepEqual(cronLines(folder), [3]);
  });

  it('still notice a change on disk, and not one that only rewrote the same text', async () => {
    const { root, folder, scan } = await indexed();
    writeFileSync(join(root, 'vercel.json'), vercelJson);
    assert.deepEqual(folder.reloadFromDisk('vercel.json'), []);
    const changed = vercelJson.replace('"crons"', '"headers"');
    writeFileSync(join(root, 'vercel.json'), changed);
    assert.equal(hasText(scan('vercel.json'), vercelJson), true, 'the hash is of the indexed text');
    assert.equal(hasText(scan('vercel.json'), changed), false);
    assert.deepEqual(folder.reloadFromDisk('vercel.json'), ['vercel.json']);
    assert.deepEqual(cronLines(folder), []);
  });

  it('read as empty once the file is gone (until the watcher removes it)', async () => {
    const { root, folder, scan } = await indexed();
    const before = scan('vercel.json');
    rmSync(join(root, 'vercel.json'));
    assert.equal(before.text, '');
    assert.deepEqual(folder.reloadFromDisk('vercel.json'), ['vercel.json']);
    assert.equal(folder.state.scans.has('vercel.json'), false);
  });
});
