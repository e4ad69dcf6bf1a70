// The engine on hostile input: nothing crashes or hangs, every file that cannot be scanned is named
// in `errors` or counted in `skipped`, and every other file is still scanned. Whatever could block
// the thread for ever (a pipe) runs in a child process with a time limit, so a regression fails.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, Dirent, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder, AuditReport, scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { writeTree } from '../helpers/workspace';
import { LONG_LINES, minifiedBundle, OK_FILE, randomBytes, SCANNED, writeHostileTree } from './hostileTree';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const rules = loadRules([builtinRulesDir()], builtinRulesDir());

const errorsOf = (report: AuditReport, file: string) => report.errors.filter((e) => e.file === file).map((e) => e.message).join('\n');
const hasFinding = (report: AuditReport, file: string, ruleId: string, line: number) =>
  report.findings.some((f) => f.file === file && f.ruleId === ruleId && f.line === line);

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('engine on hostile input', { timeout: 120_000 }, () => {
  it('scans every readable file of a hostile tree and names every one it could not', async () => {
    const root = writeHostileTree({ bundleMb: 50 });
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0 }));
    assert.ok(ms < 30_000, `took ${ms} ms`);
    assert.equal(report.stats.files, SCANNED.length);
    assert.deepEqual(report.stats.skippedByReason, { binary: 1, symlink: 2, 'too-large': 1, unreadable: 3 });
    assert.match(errorsOf(report, 'src/a.ts'), /cannot read file: ELOOP/);
    assert.match(errorsOf(report, 'src/b.ts'), /cannot read file: ELOOP/);
    assert.match(errorsOf(report, 'src/dangling.ts'), /cannot read file: ENOENT/);
    for (const deep of ['src/deep-parens.ts', 'src/deep-arrays.ts', 'src/deep-objects.ts', 'src/deep-functions.ts']) {
      assert.match(errorsOf(report, deep), /could not be parsed \(nested too deeply\)/, deep);
    }
    assert.match(errorsOf(report, 'firestore.rules'), /nested too deeply/);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3), 'the ordinary file is still scanned');
    assert.ok(hasFinding(report, 'src/bad-utf8.ts', 'supabase/query-builder', 4), 'invalid UTF-8 keeps its lines');
    assert.ok(hasFinding(report, 'src/truncated.ts', 'supabase/client', 2), 'a truncated file is scanned as far as it goes');
    assert.ok(hasFinding(report, 'src/long.ts', 'supabase/sdk-import', LONG_LINES), 'the last of 200,000 lines');
    assert.ok(hasFinding(report, 'package.json', 'supabase/dependency', 1), 'deeply nested JSON');
  });

  it('does not parse a 50 MB bundle even when the size limit allows it, and names it', async () => {
    const root = writeTree({ 'src/ok.ts': OK_FILE, 'public/app.min.js': minifiedBundle(50) });
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0, maxFileBytes: 64 * 1024 * 1024 }));
    assert.ok(ms < 30_000, `took ${ms} ms`);
    assert.equal(report.stats.files, 2);
    assert.match(errorsOf(report, 'public/app.min.js'), /too large to parse \(50\.0 MB\); only its text was checked/);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3));
  });

  it('scans a one-line bundle just under the size limit (thousands of findings on one line) in bounded time', async () => {
    const root = writeTree({ 'public/app.min.js': minifiedBundle(0.95) });
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0 }));
    assert.ok(ms < 20_000, `took ${ms} ms`); // was minutes: every finding re-read the whole line
    assert.ok(report.findings.length > 10_000, `${report.findings.length} findings`);
    assert.ok(report.findings.every((f) => f.line === 1));
    assert.equal(new Set(report.findings.map((f) => f.fingerprint)).size, report.findings.length, 'fingerprints stay distinct');
  });

  it('reports files and folders that vanish between listing and reading, and scans the rest', async () => {
    const root = writeTree({ 'src/ok.ts': OK_FILE, 'src/vanish.ts': OK_FILE, 'gone/inner.ts': OK_FILE });
    const readdir = (abs: string): Dirent[] => {
      const entries = readdirSync(abs, { withFileTypes: true });
      if (abs === root) rmSync(join(root, 'gone'), { recursive: true }); // listed, then deleted
      if (abs === join(root, 'src')) unlinkSync(join(root, 'src', 'vanish.ts'));
      return entries;
    };
    const report = await auditFolder(root, rules, { workers: 0, readdir });
    assert.match(errorsOf(report, 'gone'), /cannot read folder: ENOENT/);
    assert.match(errorsOf(report, 'src/vanish.ts'), /cannot read file: ENOENT/);
    assert.equal(report.stats.skippedByReason.unreadable, 2);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3));
  });

  it('reports a folder it may not read (simulated: the test runs as root) and scans the rest', async () => {
    const root = writeTree({ 'src/ok.ts': OK_FILE, 'locked/inner.ts': OK_FILE });
    const readdir = (abs: string): Dirent[] => {
      if (abs === join(root, 'locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readdirSync(abs, { withFileTypes: true });
    };
    const report = await auditFolder(root, rules, { workers: 0, readdir });
    assert.match(errorsOf(report, 'locked'), /cannot read folder: EACCES/);
    assert.equal(report.findings.some((f) => f.file.startsWith('locked/')), false);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3));
  });

  it('the CLI, as an unprivileged user, names unreadable files and folders and a link to a pipe', () => {
    const root = writeHostileTree({ pipe: true });
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked', 'inner.ts'), OK_FILE);
    writeFileSync(join(root, 'src', 'locked.ts'), OK_FILE);
    chmodSync(join(root, 'locked'), 0o000);
    chmodSync(join(root, 'src', 'locked.ts'), 0o000);
    // Root reads anything: drop to `nobody` so the permissions are real.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [CLI, 'audit', root, '--format', 'json', '--workers', '0'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, ...asUser });
    assert.equal(run.signal, null, `the audit hung and was killed; stderr: ${run.stderr}`);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AuditReport;
    assert.match(errorsOf(report, 'locked'), /cannot read folder: EACCES/);
    assert.match(errorsOf(report, 'src/locked.ts'), /cannot read file: EACCES/);
    assert.match(errorsOf(report, 'src/pipe.ts'), /not a regular file/);
    assert.equal(report.stats.files, SCANNED.length);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3));
  });

  it('scans random bytes as every kind of file without throwing', () => {
    const kinds = ['a.ts', 'b.jsx', 'c.sql', 'firestore.rules', 'supabase/config.toml', 'package.json', 'deno.json', '.env', 'tsconfig.json', 'netlify.toml'];
    for (let seed = 1; seed <= 40; seed++) {
      const texts = new Map(kinds.map((file, i) => [file, randomBytes(seed * 100 + i, 2000 + seed * 50).toString('utf8')]));
      const errors: { file: string; message: string }[] = [];
      const { state } = scanTexts(texts, rules, errors, {});
      for (const finding of state.allFindings()) assert.ok(finding.line >= 1 && finding.column >= 1, JSON.stringify(finding));
      for (const error of errors) assert.equal(typeof error.message, 'string');
    }
  });

  it('keeps the findings when a cross-file check cannot follow a deeply nested file (found by the fuzzer)', () => {
    const handler = `Deno.serve(async (req: Request) => {\n  const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n  return new Response(String(x))\n})\n`;
    const texts = new Map([
      ['supabase/config.toml', '[functions.purge-user]\nverify_jwt = false\n'],
      ['supabase/functions/purge-user/index.ts', handler],
      ['src/ok.ts', OK_FILE],
    ]);
    const { state } = scanTexts(texts, rules);
    const findings = state.allFindings();
    assert.ok(findings.some((f) => f.file === 'src/ok.ts' && f.ruleId === 'supabase/query-builder'));
    assert.ok(state.index.errors.some((e) => e.file === 'supabase/config.toml' && /verify-jwt-disabled failed on this file: nested too deeply/.test(e.message)), JSON.stringify(state.index.errors));
  });

  it('scans every example app with each of its files truncated', () => {
    for (const app of readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const files = listFiles(join(EXAMPLES, app.name));
      for (const fraction of [0.25, 0.5, 0.9]) {
        const texts = new Map(files.map((rel) => {
          const text = readFileSync(join(EXAMPLES, app.name, rel), 'utf8');
          return [rel, text.slice(0, Math.floor(text.length * fraction))] as [string, string];
        }));
        const { state } = scanTexts(texts, rules);
        for (const finding of state.allFindings()) {
          const lines = texts.get(finding.file)!.split('\n').length;
          assert.ok(finding.line <= lines, `${app.name}/${finding.file}:${finding.line} past its ${lines} lines`);
        }
      }
    }
  });
});

function listFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((entry) => {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(root, path);
    return entry.isFile() ? [path] : [];
  });
}
