// The CI recipes as written: the commands of docs/ci.md's GitHub Actions workflow and the hooks of
// .pre-commit-hooks.yaml are read from those files and run (with the built CLI in place of npx) on
// a copy of an example app with a committed baseline. The pull-request gate passes on the
// baseline, passes when a change adds only lock-in, and fails when it adds a security finding.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { githubUploadProblems } from './helpers/githubSarif';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lockin-lens.js');
const NPX = 'npx --no -- lockin-lens';
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR'));

/** The fenced blocks of a Markdown file with the given info string. */
function blocks(file: string, language: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** Runs a documented command in `cwd`, the built CLI standing in for npx. */
function sh(command: string, cwd: string) {
  assert.ok(command.includes(NPX), `${command} runs lockin-lens through npx`);
  const result = spawnSync('sh', ['-c', command.replaceAll(NPX, `'${process.execPath}' '${BIN}'`)], { cwd, encoding: 'utf8', env: ENV });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function appWithBaseline(): string {
  const app = mkdtempSync(join(tmpdir(), 'lockin-ci-'));
  cpSync(join(ROOT, 'examples', 'supabase-app'), app, { recursive: true });
  const setUp = blocks(join(ROOT, 'docs', 'ci.md'), 'sh')[0].split('\n').find((l) => l.includes('baseline'))!;
  assert.equal(sh(setUp.replace(/#.*/, '').replace('npx lockin-lens', NPX), app).code, 0);
  return app;
}

const NEW_LOCKIN = "import { supabase } from '../lib/supabaseClient'\n\nexport const countTags = () => supabase.from('tags').select('id', { count: 'exact' })\n";
const NEW_SECURITY = 'create table public.invoices (\n  id bigint primary key,\n  amount numeric not null\n);\n';

describe('docs/ci.md: the GitHub Actions workflow', () => {
  const workflow = blocks(join(ROOT, 'docs', 'ci.md'), 'yaml')[0];
  const runs = [...workflow.matchAll(/^\s+run: (.*lockin-lens.*)$/gm)].map((m) => m[1].replace(/\s+#.*$/, ''));

  it('uploads SARIF to code scanning with the permission it needs, before the gate', () => {
    assert.match(workflow, /security-events: write/);
    assert.match(workflow, /uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: lockin-lens\.sarif/);
    assert.equal(runs.length, 2);
    assert.ok(workflow.indexOf('upload-sarif') < workflow.indexOf(runs[1]));
  });

  const app = appWithBaseline();
  const [scan, gate] = runs;

  it('writes SARIF that meets GitHub upload constraints, with every finding', () => {
    assert.equal(sh(scan, app).code, 0);
    const doc = JSON.parse(readFileSync(join(app, 'lockin-lens.sarif'), 'utf8'));
    assert.deepEqual(githubUploadProblems(doc), []);
    assert.ok(doc.runs[0].results.length > 100, 'the whole audit, not only what is new');
  });

  it('gate: passes against the committed baseline', () => {
    const { code, stdout } = sh(gate, app);
    assert.equal(code, 0);
    assert.match(stdout, /Against the baseline: 0 new findings/);
  });

  it('gate: passes when a pull request adds only lock-in, and says so', () => {
    writeFileSync(join(app, 'src', 'features', 'tags.ts'), NEW_LOCKIN);
    const { code, stdout } = sh(gate, app);
    assert.equal(code, 0);
    assert.match(stdout, /Against the baseline: 1 new findings/);
    assert.match(stdout, /src\/features\/tags\.ts:3:\d+ .*\[supabase\/query-builder\]/);
  });

  it('gate: fails when a pull request adds a security finding', () => {
    writeFileSync(join(app, 'supabase', 'migrations', '20990101000000_invoices.sql'), NEW_SECURITY);
    const { code, stdout } = sh(gate, app);
    assert.equal(code, 1);
    assert.match(stdout, /_invoices\.sql:1:1 .*\[supabase\/rls-missing\]/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  /** The file is a flat list of hooks with scalar fields: read without a YAML library. */
  const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')
    .split(/^- /m)
    .slice(1)
    .map((chunk) => Object.fromEntries(chunk.split('\n').filter((l) => /^\s*[\w_]+: /.test(l)).map((l) => [l.trim().split(': ')[0], l.trim().split(': ').slice(1).join(': ')])));
  const hook = (id: string) => hooks.find((h) => h.id === id)!;

  it('defines both hooks with what the pre-commit framework requires', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['lockin-lens', 'lockin-lens-new']);
    for (const h of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) assert.ok(h[key], `${h.id}: ${key}`);
      assert.equal(h.language, 'system');
      assert.equal(h.pass_filenames, 'false');
    }
  });

  it('lockin-lens stops a commit on security errors and lets a clean app through', () => {
    const failing = sh(hook('lockin-lens').entry, join(ROOT, 'examples', 'supabase-app'));
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /^src\/lib\/adminClient\.ts:6:27 {2}error /m);
    assert.deepEqual(sh(hook('lockin-lens').entry, join(ROOT, 'examples', 'express-postgres')), { code: 0, stdout: '', stderr: '' });
  });

  it('lockin-lens-new lets the baseline through and stops a new security error, printing only it', () => {
    const app = appWithBaseline();
    assert.deepEqual(sh(hook('lockin-lens-new').entry, app), { code: 0, stdout: '', stderr: '' });
    writeFileSync(join(app, 'supabase', 'migrations', '20990101000000_invoices.sql'), NEW_SECURITY);
    const stopped = sh(hook('lockin-lens-new').entry, app);
    assert.equal(stopped.code, 1);
    assert.match(stopped.stdout, /^supabase\/migrations\/20990101000000_invoices\.sql:1:1 {2}error .*\[supabase\/rls-missing\]\n$/);
  });
});
