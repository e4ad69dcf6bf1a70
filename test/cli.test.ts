// The CLI as CI uses it: the JSON contract of design.md §3, exit codes, and the text report.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { reportProblems } from './helpers/reportSchema';
import { writeTree } from './helpers/workspace';

const BIN = join(__dirname, '..', '..', 'bin', 'lockin-lens.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const app = writeTree({
  'package.json': JSON.stringify({ name: 'notes', dependencies: { '@supabase/supabase-js': '^2.45.0' } }, null, 2),
  'src/lib/supabase.ts': `import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n`,
  'src/notes.ts': `import { supabase } from './lib/supabase'\n\nexport async function listNotes() {\n  const { data, error } = await supabase.from('notes').select('*')\n  if (error) throw error\n  return data\n}\n`,
});

describe('lockin-lens audit --format json', () => {
  const { code, stdout } = run('audit', app, '--format', 'json');
  const report = JSON.parse(stdout);

  it('exits 0 without --fail-on and prints the contract fields', () => {
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(report).sort(), ['cost', 'errors', 'findings', 'root', 'stats', 'version']);
    assert.equal(report.version, 1);
    assert.equal(report.root, app);
    for (const key of ['files', 'bytes', 'skipped', 'ms']) assert.equal(typeof report.stats[key], 'number');
    assert.equal(report.cost.unit, 'hours');
    assert.equal(report.cost.provisional, false, 'the calibrated model is not provisional');
    assert.equal(report.cost.model, 'lockin-lens/cost-v2');
  });

  it('keeps the contract as docs/json-report.schema.json states it, and the schema can fail', () => {
    assert.deepEqual(reportProblems(report), []);
    const broken = structuredClone(report);
    broken.findings[0].file = join(app, broken.findings[0].file);
    broken.findings[0].line = 0;
    delete broken.stats;
    assert.deepEqual(reportProblems(broken).sort(), ['/: must have required property \'stats\'', '/findings/0/file: must match pattern "^(?![/\\\\]|[A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$))"', '/findings/0/line: must be >= 1']);
  });

  it('reports the query-builder call with root-relative path and 1-based positions', () => {
    const f = report.findings.find((x: { ruleId: string }) => x.ruleId === 'supabase/query-builder');
    assert.ok(f, 'query builder finding');
    assert.deepEqual(
      { file: f.file, line: f.line, column: f.column, kind: f.kind, platform: f.platform, category: f.category },
      { file: 'src/notes.ts', line: 4, column: 33, kind: 'lockin', platform: 'supabase', category: 'database' },
    );
    for (const key of ['ruleId', 'kind', 'platform', 'category', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint']) {
      assert.ok(key in f, `finding has ${key}`);
    }
  });

  it('is deterministic', () => {
    const again = JSON.parse(run('audit', app, '--format', 'json').stdout);
    const strip = (r: { stats: { ms: number } }) => ({ ...r, stats: { ...r.stats, ms: 0 } });
    assert.deepEqual(strip(again), strip(report));
  });
});

describe('lockin-lens exit codes and text', () => {
  it('exits 1 when a finding reaches --fail-on', () => {
    assert.equal(run('audit', app, '--fail-on', 'info', '--format', 'json').code, 1);
    assert.equal(run('audit', app, '--fail-on', 'error', '--format', 'json').code, 0);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run('audit', app, '--format', 'xml').code, 2);
    assert.equal(run('audit', join(app, 'missing')).code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.match(run('audit', app, '--bogus').stderr, /unknown option '--bogus'/);
  });

  it('prints a grouped text report without colour when not a terminal', () => {
    const { stdout } = run('audit', app);
    assert.match(stdout, /Lock-in \(\d+ touch points\)/);
    assert.match(stdout, /supabase \(\d+\)/);
    assert.match(stdout, /database \(1\)  about \d+ h \(\d+–\d+ h\), concentrated\n\s+src\/notes\.ts:4:33/);
    assert.match(stdout, /Estimated migration effort: about \d+ h \(\d+–\d+ h\)/);
    assert.match(stdout, /Why this wide: [a-z ]+ \d+ %.*With LLM assistance on code work \(×0\.375\): \d+–\d+ h/);
    assert.doesNotMatch(stdout, /provisional/);
    assert.doesNotMatch(stdout, /\x1b\[/);
  });

  it('reports an invalid custom rule by file and field and still runs the others', () => {
    const custom = writeTree({
      'supabase/bad-rule.json': JSON.stringify({ id: 'supabase/bad-rule', kind: 'lockin', platform: 'supabase', category: 'database', severity: 'loud', message: 'x', docs: { summary: 'x', why: 'x', alternative: 'x' }, effort: 'S', match: { import: { modules: ['x'] } } }),
    });
    const report = JSON.parse(run('audit', app, '--rules', custom, '--format', 'json').stdout);
    const error = report.errors.find((e: { file: string }) => e.file.endsWith('bad-rule.json'));
    assert.match(error.message, /field 'severity' must be one of: error, warning, info, hint/);
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'supabase/query-builder'));
  });
});
