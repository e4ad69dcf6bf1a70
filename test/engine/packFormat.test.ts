// The scan pack's line format (engine/cache/packFormat.ts) and its piecewise, sealed write
// (cli/codeCache.ts writeCache): what is written in batches reads back whole and equal.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packPieces, readPack } from '../../server/src/engine/cache/packFormat';
import { readCache, seal, writeCache } from '../../server/src/cli/codeCache';

/** A pack large enough to be written in several batches, with text that is not ASCII. */
function samplePack(): Record<string, Map<string, unknown>> {
  const files = new Map<string, unknown>();
  for (let i = 0; i < 3000; i++) {
    files.set(`src/routes/page-${i}.ts`, {
      h: `hash${i}`,
      hits: [{ rule: 'supabase/from', note: 'café…' }],
      pad: 'x'.repeat(700),
    });
  }
  return { files, linked: new Map([['src/api.ts', { r: null, all: 'd1', hits: [] }]]), whole: new Map() };
}

describe('the scan pack format', () => {
  it('writes its lines in batches and reads back every entry, in order', () => {
    const pack = samplePack();
    const pieces = [...packPieces(4, pack)];
    assert.ok(pieces.length >= 2, `expected several batches, got ${pieces.length}`);
    const read = readPack(Buffer.concat(pieces), 4, ['files', 'linked', 'whole'])!;
    assert.deepEqual([...read.files.keys()], [...pack.files.keys()]);
    assert.deepEqual(read.files.get('src/routes/page-7.ts'), pack.files.get('src/routes/page-7.ts'));
    assert.deepEqual(read.linked.get('src/api.ts'), { r: null, all: 'd1', hits: [] });
    assert.equal(read.whole.size, 0);
  });

  it('takes a pack of another format, or an older pack written as one JSON object, for no pack', () => {
    const data = Buffer.concat([...packPieces(3, samplePack())]);
    assert.equal(readPack(data, 4, ['files', 'linked', 'whole']), undefined);
    const older = Buffer.from(JSON.stringify({ format: 3, files: {}, linked: {}, whole: {} }));
    assert.equal(readPack(older, 4, ['files', 'linked', 'whole']), undefined);
  });

  it('throws on a damaged line or a section it does not know', () => {
    const damaged = Buffer.from('{"format":4}\n["files","a.ts",{"h":\n');
    assert.throws(() => readPack(damaged, 4, ['files']), SyntaxError);
    const unknown = Buffer.from('{"format":4}\n["other","a.ts",1]\n');
    assert.throws(() => readPack(unknown, 4, ['files']), /unknown section 'other'/);
  });

  it('is sealed the same whether written whole or in pieces', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lockin-pack-'));
    const pieces = [...packPieces(4, samplePack())];
    writeCache(folder, 'in-pieces.scans', () => pieces);
    writeCache(folder, 'whole.scans', () => Buffer.concat(pieces));
    const inPieces = readFileSync(join(folder, 'in-pieces.scans'));
    assert.ok(inPieces.equals(readFileSync(join(folder, 'whole.scans'))));
    assert.ok(inPieces.equals(seal(Buffer.concat(pieces))));
    const read = readCache(folder, 'in-pieces.scans');
    assert.equal(read.status, 'found');
  });
});
