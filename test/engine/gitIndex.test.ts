// Git's index read without git: the paths of versions 2 and 4, and the walk reading files that
// .gitignore lists but git tracks (committed, so an env file's keys ship with every clone), and no
// other; without a repository, a manifest under a broad pattern is still read.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseIndex, trackedPaths } from '../../server/src/engine/workspace/gitIndex';
import { walkSkips, walkWorkspace } from '../../server/src/engine/workspace/walk';
import { indexOf } from '../helpers/gitIndex';

describe('git index', () => {
  const paths = ['.env.local', 'apps/web/.env.production', 'apps/web/src/index.ts', 'package.json'];

  it('reads the paths of a version 2 index', () => {
    assert.deepEqual([...parseIndex(indexOf(2, paths))], paths);
  });

  it('reads the prefix-compressed paths of a version 4 index', () => {
    assert.deepEqual([...parseIndex(indexOf(4, paths))], paths);
  });

  it('gives nothing for a file that is not an index', () => {
    assert.equal(parseIndex(Buffer.from('not an index at all')).size, 0);
    assert.equal(parseIndex(indexOf(2, paths).subarray(0, 40)).size, 0);
  });

  it('walks tracked env files that .gitignore lists, and only those', () => {
    const root = mkdtempSync(join(tmpdir(), 'lockin-gitindex-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'secrets'));
      writeFileSync(join(root, '.gitignore'), '.env*.local\nsecrets/\n');
      writeFileSync(join(root, '.env.local'), 'RESEND_API_KEY=tracked\n');
      writeFileSync(join(root, '.env.development.local'), 'RESEND_API_KEY=untracked\n');
      writeFileSync(join(root, 'secrets', '.env'), 'TOKEN=tracked\n');
      writeFileSync(join(root, 'secrets', 'notes.txt'), 'untracked notes\n');
      writeFileSync(join(root, '.git', 'index'), indexOf(2, ['.env.local', '.gitignore', 'secrets/.env']));
      assert.deepEqual([...trackedPaths(root)], ['.env.local', '.gitignore', 'secrets/.env']);
      const walked = walkWorkspace(root, { wanted: () => true });
      assert.deepEqual(walked.files, ['.env.local', '.gitignore', 'secrets/.env']);
      assert.ok(walked.skipped.some((s) => s.file === '.env.development.local' && s.reason === 'gitignored'));
      assert.ok(walked.skipped.some((s) => s.file === 'secrets/notes.txt' && s.reason === 'gitignored'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lets the index alone decide in a repository, for every kind of file', () => {
    const root = mkdtempSync(join(tmpdir(), 'lockin-gitindex-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'generated'));
      mkdirSync(join(root, 'tools'));
      writeFileSync(join(root, '.gitignore'), '*.json\ngenerated/\n');
      writeFileSync(join(root, 'package.json'), '{}\n');
      writeFileSync(join(root, 'tools', 'package.json'), '{}\n');
      writeFileSync(join(root, 'generated', 'client.ts'), 'export {};\n');
      writeFileSync(join(root, 'generated', 'cache.ts'), 'export {};\n');
      writeFileSync(join(root, '.git', 'index'), indexOf(2, ['.gitignore', 'generated/client.ts', 'package.json']));
      const walked = walkWorkspace(root, { wanted: () => true });
      // The untracked manifest is left out: the index, not its name, says it is not committed.
      assert.deepEqual(walked.files, ['.gitignore', 'generated/client.ts', 'package.json']);
      assert.equal(walkSkips(root, 'generated/client.ts'), false);
      assert.equal(walkSkips(root, 'generated/cache.ts'), true);
      assert.equal(walkSkips(root, 'tools/package.json'), true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('without a repository, reads manifests under a broad pattern and no ignored env file', () => {
    const root = mkdtempSync(join(tmpdir(), 'lockin-gitindex-'));
    try {
      writeFileSync(join(root, '.gitignore'), '*.json\n.env\n');
      writeFileSync(join(root, 'package.json'), '{}\n');
      writeFileSync(join(root, 'tsconfig.json'), '{}\n');
      writeFileSync(join(root, '.env'), 'TOKEN=local\n');
      assert.deepEqual(walkWorkspace(root, { wanted: () => true }).files, ['.gitignore', 'package.json']);
      assert.equal(walkSkips(root, 'package.json'), false);
      assert.equal(walkSkips(root, '.env'), true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
