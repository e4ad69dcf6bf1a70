// The per-file scan cache (engine/cache/scanCache.ts): a second audit of the same folder takes every
// scan from the pack and reports the same findings; an edited file is scanned again; a damaged pack,
// a changed rule and --no-cache each mean scanning afresh; two processes writing the same pack at
// once leave a whole one.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder, AuditReport } from '../../server/src/engine/audit';
import type { ScanCacheStats } from '../../server/src/engine/cache/scanCache';
import { readCache } from '../../server/src/cli/codeCache';
import { readPack } from '../../server/src/engine/cache/packFormat';
import { loadRules } from '../../server/src/engine/rules/load';

const ROOT = join(__dirname, '..', '..', '..');
const RULES = join(ROOT, 'rules');
const APP = join(ROOT, 'examples', 'supabase-app');

/** A copy of the example app and an empty cache folder, both private to one test. */
function setUp(): { app: string; env: Record<string, string> } {
  const base = mkdtempSync(join(tmpdir(), 'lockin-scan-cache-'));
  const app = join(base, 'app');
  cpSync(APP, app, { recursive: true });
  return { app, env: { LOCKIN_LENS_CACHE_DIR: join(base, 'cache') } };
}

type Audited = AuditReport & { cache?: ScanCacheStats };

async function audit(app: string, env: Record<string, string>, rules = loadRules([RULES], RULES)): Promise<Audited> {
  const saved = process.env.LOCKIN_LENS_CACHE_DIR;
  process.env.LOCKIN_LENS_CACHE_DIR = env.LOCKIN_LENS_CACHE_DIR;
  try {
    let cache: ScanCacheStats | undefined;
    const report = await auditFolder(app, rules, { cache: true, workers: 0, onCacheStats: (stats) => (cache = stats) });
    return { ...report, cache };
  } finally {
    if (saved === undefined) delete process.env.LOCKIN_LENS_CACHE_DIR;
    else process.env.LOCKIN_LENS_CACHE_DIR = saved;
  }
}

const packsIn = (env: Record<string, string>) => readdirSync(join(env.LOCKIN_LENS_CACHE_DIR, 'scans')).filter((f) => f.endsWith('.scans'));
const packData = (pack: string) => {
  const read = readCache(join(pack, '..'), pack.split('/').pop()!);
  assert.equal(read.status, 'found');
  const data = (read as { data: Buffer }).data;
  const header = JSON.parse(data.toString('utf8', 0, data.indexOf(10))) as { format: number };
  return readPack(data, header.format, ['files', 'linked', 'whole'])!;
};
const places = (report: AuditReport) => report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

describe('the scan cache', () => {
  it('gives a second audit every scan, with the same findings', async () => {
    const { app, env } = setUp();
    const cold = await audit(app, env);
    const warm = await audit(app, env);
    assert.ok(cold.findings.length > 5);
    assert.equal(cold.cache?.reused, 0);
    assert.equal(warm.cache?.scanned, 0);
    assert.equal(warm.cache?.reused, cold.cache?.scanned);
    assert.deepEqual(warm.findings, cold.findings);
    assert.equal(packsIn(env).length, 1);
  });

  it('scans an edited file again, and finds what the edit added', async () => {
    const { app, env } = setUp();
    await audit(app, env);
    const file = join(app, 'src', 'lib', 'edited.ts');
    writeFileSync(file, `import { createClient } from '@supabase/supabase-js'\nexport const db = createClient('https://x.supabase.co', 'k')\n`);
    const warm = await audit(app, env);
    assert.equal(warm.cache?.scanned, 1);
    assert.ok(places(warm).some((p) => p.includes('src/lib/edited.ts:1')), places(warm).join('\n'));
  });

  it('takes a second audit of an unchanged folder whole from the pack, and leaves the pack as it was', async () => {
    const { app, env } = setUp();
    const cold = await audit(app, env);
    const pack = join(env.LOCKIN_LENS_CACHE_DIR, 'scans', packsIn(env)[0]);
    const written = readFileSync(pack);
    const whole = [...packData(pack).whole.keys()].sort();
    assert.deepEqual(whole, ['findings', 'reach', 'workspace']);
    const warm = await audit(app, env);
    assert.deepEqual(warm.findings, cold.findings);
    assert.ok(readFileSync(pack).equals(written), 'a run that changed nothing rewrote the pack');
  });

  it('finds again which files reach a platform module when a file is added', async () => {
    const { app, env } = setUp();
    await audit(app, env);
    // No platform name in either text: the orders file is parsed because it imports one that exports the client.
    writeFileSync(join(app, 'src', 'lib', 'store.ts'), `export { supabase as db } from './supabaseClient';\n`);
    const orders = join(app, 'src', 'features', 'orders.ts');
    const list = `export const listOrders = () => db.from('orders').select('*');`;
    writeFileSync(orders, `import { db } from '../lib/store';\n\n${list}\n`);
    const added = await audit(app, env);
    assert.ok(places(added).some((p) => p.includes('src/features/orders.ts:3')), places(added).join('\n'));
    const again = await audit(app, env);
    assert.equal(again.cache?.scanned, 0);
    assert.deepEqual(again.findings, added.findings);
  });

  it('ignores a damaged pack and writes a whole one again', async () => {
    const { app, env } = setUp();
    const cold = await audit(app, env);
    const pack = join(env.LOCKIN_LENS_CACHE_DIR, 'scans', packsIn(env)[0]);
    const bytes = readFileSync(pack);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(pack, bytes);
    const damaged = await audit(app, env);
    assert.equal(damaged.cache?.readProblem, 'corrupt');
    assert.equal(damaged.cache?.reused, 0);
    assert.deepEqual(damaged.findings, cold.findings);
    assert.equal((await audit(app, env)).cache?.scanned, 0);
  });

  it('is not used after a rule changes', async () => {
    const { app, env } = setUp();
    const rulesCopy = join(mkdtempSync(join(tmpdir(), 'lockin-scan-cache-rules-')), 'rules');
    cpSync(RULES, rulesCopy, { recursive: true });
    await audit(app, env, loadRules([rulesCopy], rulesCopy));
    const ruleFile = join(rulesCopy, 'supabase', readdirSync(join(rulesCopy, 'supabase')).find((f) => f.endsWith('.json') && !f.startsWith('_'))!);
    const rule = JSON.parse(readFileSync(ruleFile, 'utf8'));
    rule.message = `${rule.message} (changed)`;
    writeFileSync(ruleFile, JSON.stringify(rule, null, 2));
    const changed = await audit(app, env, loadRules([rulesCopy], rulesCopy));
    assert.equal(changed.cache?.reused, 0);
    assert.equal(packsIn(env).length, 2);
  });

  it('leaves a whole pack when two processes write it at the same time', async () => {
    const { env } = setUp();
    const folder = join(env.LOCKIN_LENS_CACHE_DIR, 'scans');
    const codeCache = join(ROOT, 'out', 'server', 'src', 'cli', 'codeCache.js');
    // Each writer writes the same pack 30 times with a megabyte of its own content.
    const writer = (tag: string) => `const { writeCache } = require(${JSON.stringify(codeCache)});
      for (let i = 0; i < 30; i++) writeCache(${JSON.stringify(folder)}, 'p.scans', () => Buffer.from(JSON.stringify({ tag: '${tag}', i, pad: 'x'.repeat(1 << 20) })));`;
    const run = (tag: string) => new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', writer(tag)], { stdio: 'inherit' }).on('exit', resolve));
    assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
    const read = readCache(folder, 'p.scans');
    assert.equal(read.status, 'found');
    const data = JSON.parse((read as { data: Buffer }).data.toString('utf8'));
    assert.ok(['a', 'b'].includes(data.tag));
    assert.equal(data.i, 29);
    assert.deepEqual(readdirSync(folder).filter((f) => f.endsWith('.tmp')), []);
  });

  it('is neither read nor written with LOCKIN_LENS_NO_CACHE=1', async () => {
    const { app, env } = setUp();
    process.env.LOCKIN_LENS_NO_CACHE = '1';
    try {
      const report = await audit(app, env);
      assert.equal(report.cache, undefined);
    } finally {
      delete process.env.LOCKIN_LENS_NO_CACHE;
    }
    assert.throws(() => packsIn(env), /ENOENT/);
  });
});
