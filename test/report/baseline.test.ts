// Baselines: content fingerprints (rule + normalised code + enclosing symbol) that survive code
// moving, `lockin-lens baseline` then `audit --new-only` in every format, and the cost delta.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createBaseline, newSinceBaseline } from '../../server/src/engine/baseline/baseline';
import { enclosingSymbols } from '../../server/src/engine/baseline/outline';
import { scanTexts } from '../../server/src/engine/audit';
import { writeTree } from '../helpers/workspace';
import { ruleSet } from '../cost/helpers';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'lockin-lens.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

const CLIENT = `import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n`;
const NOTES = `import { supabase } from './client'

export async function listNotes() {
  const { data } = await supabase.from('notes').select('*')
  return data
}

export async function listTeams() {
  const { data } = await supabase.from('notes').select('*')
  return data
}
`;

function findings(files: Record<string, string>) {
  return scanTexts(new Map(Object.entries(files)), ruleSet).state.allFindings();
}

describe('enclosing symbols', () => {
  it('names functions, methods, rules matches, SQL statements and TOML sections', () => {
    const ts = 'export class Repo {\n  async list(id: string) {\n    return db.from(id)\n  }\n}\nconst handler = async () => {\n  call()\n}\n';
    assert.deepEqual([...enclosingSymbols('a.ts', ts, [3, 7])], [[3, 'Repo › list'], [7, 'handler']]);
    const multiLine = 'export async function load(\n  id: string,\n) {\n  return db.get(id)\n}\n';
    assert.equal(enclosingSymbols('a.ts', multiLine, [4]).get(4), 'load', 'a multi-line signature keeps its name');
    const rules = "service cloud.firestore {\n  match /databases/{db}/documents {\n    match /users/{id} {\n      allow read: if true;\n    }\n  }\n}\n";
    assert.equal(enclosingSymbols('firestore.rules', rules, [4]).get(4), 'match /databases/{db}/documents › match /users/{id}');
    const sql = "create policy \"owners read\" on public.notes\n  for select to authenticated\n  using (auth.uid() = owner);\ninsert into vault.secrets values ('not-a-name');\n";
    assert.equal(enclosingSymbols('m.sql', sql, [3]).get(3), 'create policy "owners read" on public.notes');
    assert.equal(enclosingSymbols('m.sql', sql, [4]).get(4), 'insert into vault.secrets values', 'a literal never becomes part of a name');
    assert.equal(enclosingSymbols('config.toml', '[functions.purge]\nverify_jwt = false\n', [2]).get(2), '[functions.purge]');
  });

  it('takes 200,000 wanted lines (more than a spread into Math.max can hold)', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => i + 1);
    const text = 'function f() {\n' + '  call()\n'.repeat(200_000) + '}\n';
    assert.equal(enclosingSymbols('big.js', text, lines).get(200_000), 'f');
  });
});

describe('content fingerprints', () => {
  it('keep the existing fingerprint formula (rule, file, line text, occurrence)', () => {
    const f = findings({ 'src/client.ts': CLIENT, 'src/notes.ts': NOTES }).find((x) => x.ruleId === 'supabase/query-builder')!;
    const key = `supabase/query-builder\0src/notes.ts\0const { data } = await supabase.from('notes').select('*')`;
    assert.equal(f.fingerprint, createHash('sha256').update(`${key}\0${0}`).digest('hex').slice(0, 20));
  });

  it('tell identical lines in different functions apart, and survive code moving down', () => {
    const before = findings({ 'src/client.ts': CLIENT, 'src/notes.ts': NOTES }).filter((f) => f.ruleId === 'supabase/query-builder');
    assert.deepEqual(before.map((f) => f.symbol), ['listNotes', 'listTeams']);
    assert.notEqual(before[0].contentFingerprint, before[1].contentFingerprint);
    const moved = findings({ 'src/client.ts': CLIENT, 'src/notes.ts': `// a header\n\nconst LIMIT = 10\n\n${NOTES}` }).filter((f) => f.ruleId === 'supabase/query-builder');
    assert.deepEqual(moved.map((f) => f.contentFingerprint), before.map((f) => f.contentFingerprint));
    assert.notDeepEqual(moved.map((f) => f.line), before.map((f) => f.line));
  });

  it('count copies: a second identical call in the same function is new', () => {
    const one = findings({ 'src/client.ts': CLIENT, 'src/notes.ts': NOTES });
    const baseline = createBaseline(one);
    const again = NOTES.replace("  return data\n}\n\nexport async function listTeams", "  await supabase.from('notes').select('*')\n  return data\n}\n\nexport async function listTeams");
    const now = findings({ 'src/client.ts': CLIENT, 'src/notes.ts': again });
    const { newFindings, accepted, gone } = newSinceBaseline(now, baseline);
    assert.deepEqual(newFindings.map((f) => [f.ruleId, f.line]), [['supabase/query-builder', 5]]);
    assert.equal(accepted, now.length - 1);
    assert.equal(gone, 0);
  });
});

describe('lockin-lens baseline and audit --new-only', () => {
  const root = writeTree({
    'package.json': JSON.stringify({ name: 'notes', dependencies: { '@supabase/supabase-js': '^2.45.0' } }),
    'src/client.ts': CLIENT,
    'src/notes.ts': NOTES,
  });

  it('writes .lockin-lens/baseline.json and then reports nothing new', () => {
    const written = run('baseline', root);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /Wrote \d+ accepted findings/);
    const file = join(root, '.lockin-lens', 'baseline.json');
    assert.ok(existsSync(file));
    const baseline = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(baseline.version, 1);
    assert.ok(baseline.findings.every((e: { key: string }) => /^[0-9a-f]{20}$/.test(e.key)));
    const report = JSON.parse(run('audit', root, '--new-only', '--format', 'json').stdout);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.baseline.delta.total, { low: 0, high: 0 });
  });

  it('still accepts everything after code moves down', () => {
    writeFileSync(join(root, 'src/notes.ts'), `// Notes data access.\n// (moved down by this comment)\n\n${NOTES}`);
    const result = run('audit', root, '--new-only', '--format', 'json', '--fail-on', 'info');
    assert.equal(result.status, 0, 'nothing new, so --fail-on does not trip');
    assert.deepEqual(JSON.parse(result.stdout).findings, []);
  });

  it('shows a new call, with the cost delta, in every format', () => {
    writeFileSync(join(root, 'src/files.ts'), `import { supabase } from './client'\n\nexport const upload = (f: File) => supabase.storage.from('avatars').upload(f.name, f)\n`);
    const json = run('audit', root, '--new-only', '--format', 'json', '--fail-on', 'info');
    assert.equal(json.status, 1, 'a new finding at or above --fail-on');
    const report = JSON.parse(json.stdout);
    assert.ok(report.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'supabase/storage' && f.file === 'src/files.ts'));
    assert.ok(report.findings.every((f: { file: string }) => f.file === 'src/files.ts'), 'only the new file');
    assert.ok(report.baseline.delta.total.low > 0, 'a new capability costs more');
    assert.equal(report.baseline.delta.platforms[0].categories.some((c: { category: string }) => c.category === 'storage'), true);
    const text = run('audit', root, '--new-only').stdout;
    assert.match(text, /Against the baseline: \d+ new findings/);
    assert.match(text, /\+\d+–\d+ h of Supabase coupling/);
    const md = run('audit', root, '--new-only', '--format', 'markdown').stdout;
    assert.match(md, /\[src\/files\.ts:3\]\(src\/files\.ts#L3\)/);
    assert.match(md, /of Supabase coupling/);
    const sarif = JSON.parse(run('audit', root, '--new-only', '--format', 'sarif').stdout);
    assert.ok(sarif.runs[0].results.length > 0 && sarif.runs[0].results.every((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'src/files.ts'));
  });

  it('is a usage error without a baseline', () => {
    const bare = writeTree({ 'src/a.ts': 'export const a = 1\n' });
    const result = run('audit', bare, '--new-only');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no baseline at .*lockin-lens baseline/);
  });
});
