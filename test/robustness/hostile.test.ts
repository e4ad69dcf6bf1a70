// The engine on hostile input: nothing crashes or hangs, every file that cannot be scanned is named
// in `errors` or counted in `skipped`, and every other file is still scanned. Whatever could block
// the thread for ever (a pipe) runs in a child process with a time limit, so a regression fails.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, Dirent, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { auditFolder, AuditReport, scanTexts } from '../../server/src/engine/audit';
import { registerCheck } from '../../server/src/engine/checks/registry';
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

/**
 * CPU milliseconds this process has used (all its threads). The bounds below are on work, not on
 * the wall clock: on a machine shared with other jobs the wall clock measures them too.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = cpuMs();
  const result = await work();
  return { result, ms: cpuMs() - started };
}

/** Trees written by this suite (two hold a 50 MB bundle), removed when it ends. */
const roots: string[] = [];
const track = (root: string) => (roots.push(root), root);

describe('engine on hostile input', { timeout: 120_000 }, () => {
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('scans every readable file of a hostile tree and names every one it could not', async () => {
    const root = track(writeHostileTree({ bundleMb: 50 }));
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0 }));
    assert.ok(ms < 30_000, `took ${ms} ms of CPU`);
    assert.equal(report.stats.files, SCANNED.length);
    assert.deepEqual(report.stats.skippedByReason, { binary: 1, symlink: 2, 'too-large': 1, unreadable: 3 });
    assert.match(errorsOf(report, 'src/a.ts'), /cannot read file: ELOOP/);
    assert.match(errorsOf(report, 'src/b.ts'), /cannot read file: ELOOP/);
    assert.match(errorsOf(report, 'src/dangling.ts'), /cannot read file: ENOENT/);
    for (const deep of ['src/deep-parens.ts', 'src/deep-arrays.ts', 'src/deep-objects.ts', 'src/deep-functions.ts']) {
      assert.match(errorsOf(report, deep), /nested too deeply/, deep);
    }
    assert.match(errorsOf(report, 'firestore.rules'), /nested too deeply/);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3), 'the ordinary file is still scanned');
    assert.ok(hasFinding(report, 'src/bad-utf8.ts', 'supabase/query-builder', 4), 'invalid UTF-8 keeps its lines');
    assert.ok(hasFinding(report, 'src/truncated.ts', 'supabase/client', 2), 'a truncated file is scanned as far as it goes');
    assert.ok(hasFinding(report, 'src/long.ts', 'supabase/sdk-import', LONG_LINES), 'the last of 200,000 lines');
    assert.ok(hasFinding(report, 'package.json', 'supabase/dependency', 1), 'deeply nested JSON');
  });

  it('does not parse a 50 MB bundle even when the size limit allows it, and names it', async () => {
    const root = track(writeTree({ 'src/ok.ts': OK_FILE, 'public/app.min.js': minifiedBundle(50) }));
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0, maxFileBytes: 64 * 1024 * 1024 }));
    assert.ok(ms < 30_000, `took ${ms} ms of CPU`);
    assert.equal(report.stats.files, 2);
    assert.match(errorsOf(report, 'public/app.min.js'), /too large to parse \(50\.0 MB\); only its text was checked/);
    assert.ok(hasFinding(report, 'src/ok.ts', 'supabase/query-builder', 3));
  });

  it('scans a one-line bundle just under the size limit (thousands of findings on one line) in bounded time', async () => {
    const root = track(writeTree({ 'public/app.min.js': minifiedBundle(0.95) }));
    const { result: report, ms } = await timed(() => auditFolder(root, rules, { workers: 0 }));
    assert.ok(ms < 20_000, `took ${ms} ms of CPU`); // was minutes: every finding re-read the whole line
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
    const root = track(writeHostileTree({ pipe: true }));
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

  it('keeps every other finding when a cross-file check throws, and names the failure', () => {
    registerCheck({ name: 'test-throws-linked', scope: 'linked', run: () => { throw new RangeError('Maximum call stack size exceeded'); } });
    registerCheck({ name: 'test-throws-workspace', scope: 'workspace', run: () => { throw new Error('boom'); } });
    const docs = { summary: 's', why: 'w', fix: 'f' };
    const rule = (id: string, name: string) => JSON.stringify({ id, kind: 'security', platform: 'generic', category: 'config', severity: 'warning', cwe: 'CWE-20', message: id, docs, match: { check: { name } }, files: { include: ['**/*.ts'] } });
    const custom = writeTree({ 'acme/linked.json': rule('acme/linked', 'test-throws-linked'), 'acme/workspace.json': rule('acme/workspace', 'test-throws-workspace') });
    const withThrowing = loadRules([builtinRulesDir(), custom], builtinRulesDir());
    assert.deepEqual(withThrowing.errors, []);
    const { state } = scanTexts(new Map([['src/ok.ts', OK_FILE]]), withThrowing);
    assert.ok(state.allFindings().some((f) => f.file === 'src/ok.ts' && f.ruleId === 'supabase/query-builder'));
    const problems = state.index.errors.map((e) => `${e.file}: ${e.message}`);
    assert.ok(problems.includes('src/ok.ts: rule acme/linked failed on this file: nested too deeply'), problems.join('\n'));
    assert.ok(problems.includes('.: rule acme/workspace failed on this file: boom'), problems.join('\n'));
  });

  it('refuses to parse code nested deeper than its limit, the same way every time (found by the fuzzer)', () => {
    // 400 nested blocks in a handler: the caller checks' flow analysis grows with the cube of the
    // depth, and only a stack overflow, when the JIT was still cold, used to cut it short.
    const handler = `import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'\nDeno.serve(async () => {\n  const admin = createClient('u', Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n  ${'{'.repeat(400)} await admin.auth.admin.deleteUser('x') ${'}'.repeat(400)}\n  return new Response('ok')\n})\n`;
    const texts = new Map([['supabase/config.toml', '[functions.purge-user]\nverify_jwt = false\n'], ['supabase/functions/purge-user/index.ts', handler], ['src/ok.ts', OK_FILE]]);
    for (let run = 0; run < 30; run++) {
      const started = cpuMs();
      const errors: { file: string; message: string }[] = [];
      const { state } = scanTexts(texts, rules, errors);
      assert.ok(state.allFindings().some((f) => f.file === 'src/ok.ts' && f.ruleId === 'supabase/query-builder'));
      assert.ok(cpuMs() - started < 2000, `run ${run} took ${cpuMs() - started} ms of CPU`);
      assert.match(errors.map((e) => `${e.file}: ${e.message}`).join('\n'), /purge-user\/index\.ts: nested too deeply to parse \(brackets more than 256 levels deep\)/);
    }
  });

  it('evaluates a function whose returns call itself in bounded time (found by the fuzzer)', () => {
    // A mangled edge function: `json()` returns calls of `json()` a dozen times. Each call is worked
    // out through the function it names, and, unremembered, every return explored every other.
    const returns = Array.from({ length: 12 }, (_, i) => `  if (x === ${i}) return json({ error: 'e${i}' }, 400);`).join('\n');
    const handler = `import { createClient } from 'npm:@supabase/supabase-js@2';\nfunction json(body: unknown, status = 200): Response {\n${returns}\n}\nexport const db = createClient('u', 'k');\n`;
    const started = cpuMs();
    const { state } = scanTexts(new Map([['supabase/functions/invite/index.ts', handler], ['src/ok.ts', OK_FILE]]), rules);
    assert.ok(state.allFindings().some((f) => f.file === 'supabase/functions/invite/index.ts' && f.ruleId === 'supabase/client'));
    assert.ok(cpuMs() - started < 2000, `took ${cpuMs() - started} ms of CPU`);
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
