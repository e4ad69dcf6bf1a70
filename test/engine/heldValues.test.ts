// Values kept for later: a reference held in a variable, a lazily made client, a client handed back
// inside an object. Each keeps its platform, so the calls made on it later are touch points.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchSegments, parsePathPattern } from '../../server/src/engine/refs';
import { scanMemory } from '../helpers/workspace';

const segments = (pattern: string) => parsePathPattern(pattern).segments;
const fromSites = (files: Record<string, string>) =>
  scanMemory(files).triples.filter(([rule]) => rule === 'acme/from').map(([, file, line]) => `${file}:${line}`);

describe('path patterns for held references', () => {
  it('matches either name of {a,b} and captures it, as * does', () => {
    const pattern = segments('$db.{collection,doc}().**.{set,update}()');
    assert.deepEqual(matchSegments(pattern, ['collection', '()', 'doc', '()', 'set', '()']), ['collection', 'set']);
    assert.equal(matchSegments(pattern, ['collection', '()', 'remove', '()']), undefined);
    assert.equal(matchSegments(pattern, ['batch', '()', 'set', '()']), undefined);
  });

  it('stops a **!name run at that name: no call on the data a read returned', () => {
    const pattern = segments('$db.doc().**!get.{get,update}()');
    assert.deepEqual(matchSegments(pattern, ['doc', '()', 'get', '()']), ['get']);
    assert.deepEqual(matchSegments(pattern, ['doc', '()', 'collection', '()', 'update', '()']), ['update']);
    assert.equal(matchSegments(pattern, ['doc', '()', 'get', '()', 'get', '()']), undefined);
  });

  it('rejects a malformed alternative', () => {
    assert.throws(() => parsePathPattern('$db.{a,}()'), /bad segment/);
  });
});

describe('clients kept for later', () => {
  it('follows a lazily made client from a workspace factory', () => {
    const found = fromSites({
      'src/lib/client.ts': `import { createClient } from '@acme/sdk'\nexport const makeClient = () => createClient()\n`,
      'src/hooks/live.ts': [
        `import { makeClient } from '../lib/client'`,
        `let cached: ReturnType<typeof makeClient> | null = null`,
        `function shared() {`,
        `  if (!cached) cached = makeClient()`,
        `  return cached`,
        `}`,
        `export const rows = () => shared().from('rows')`,
      ].join('\n'),
    });
    assert.deepEqual(found, ['src/hooks/live.ts:7']);
  });

  it('follows a client a local helper returns inside an object, not a look-alike beside it', () => {
    const found = fromSites({
      'src/middleware.ts': [
        `import { createClient } from '@acme/sdk'`,
        `const make = (req: unknown) => {`,
        `  const client = createClient()`,
        `  return { client, req }`,
        `}`,
        `const fake = () => ({ client: { from: (t: string) => t } })`,
        `export async function handle(req: unknown) {`,
        `  const { client } = make(req)`,
        `  client.from('sessions')`,
        `  const other = fake().client`,
        `  return other.from('local')`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(found, ['src/middleware.ts:9']);
  });
});
