// Git's index read without git: the paths of versions 2 and 4, and the walk reading an env file that
// .gitignore lists but git tracks (committed, so its keys ship with every clone), and no other.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseIndex, trackedPaths } from '../../server/src/engine/workspace/gitIndex';
import { walkWorkspace } from '../../server/src/engine/workspace/walk';

/** An index of the given version holding these paths (object ids and stat fields zero). */
function indexOf(version: 2 | 4, paths: string[]): Buffer {
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(paths.length, 8);
  const entries: Buffer[] = [];
  let previous = '';
  for (const path of paths) {
    const fixed = Buffer.alloc(62);
    fixed.writeUInt16BE(Math.min(path.length, 0xfff), 60);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && previous[common] === path[common]) common++;
      const strip = previous.length - common;
      assert.ok(strip < 128, 'one-byte varint in this helper');
      entries.push(fixed, Buffer.from([strip]), Buffer.from(path.slice(common) + '\0', 'utf8'));
    } else {
      const length = 62 + Buffer.byteLength(path) + 1;
      const padded = Math.ceil(length / 8) * 8;
      entries.push(fixed, Buffer.from(path, 'utf8'), Buffer.alloc(padded - length + 1));
    }
    previous = path;
  }
  return Buffer.concat([header, ...entries, Buffer.alloc(20)]);
}

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
});
