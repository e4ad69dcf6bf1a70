// Rules are untrusted data: a custom pattern that backtracks without end is stopped on its time
// budget and reported, the other rules still run, and in an untrusted workspace no custom rule
// loads at all. Runs that could hang go to a child process with a time limit.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AuditReport } from '../../server/src/engine/audit';
import { BudgetedRegExp, TimeBudgetExceeded, withinBudget } from '../../server/src/engine/util/timeBudget';
import { pull, startServer, TestServer, uriOf, waitForLog } from '../helpers/lspClient';
import { writeTree } from '../helpers/workspace';
import { OK_FILE } from './hostileTree';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const docs = { summary: 'test rule', why: 'test', alternative: 'test' };
const rule = (id: string, match: object, include: string[]) =>
  JSON.stringify({ id, kind: 'lockin', platform: 'generic', category: 'sdk', severity: 'info', effort: 'S', message: id, docs, match, files: { include } });

/** A rule folder (`acme/…`) with one catastrophic pattern of each kind and one ordinary rule. */
function ruleFiles(prefix = ''): Record<string, string> {
  return {
    [`${prefix}acme/slow-text.json`]: rule('acme/slow-text', { text: { pattern: '(a+)+$' } }, ['**/*.ts']),
    [`${prefix}acme/slow-on-open.json`]: rule('acme/slow-on-open', { text: { pattern: '(x+x+)+y' } }, ['**/*.slow.ts']),
    [`${prefix}acme/slow-glob.json`]: rule('acme/slow-glob', { text: { pattern: 'TODO' } }, ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b']),
    [`${prefix}acme/todo.json`]: rule('acme/todo', { text: { pattern: 'TODO' } }, ['**/*.ts']),
    [`${prefix}acme/_platform.json`]: JSON.stringify({ platform: 'acme', modules: ['acme-sdk'], specifiers: [{ match: '^(a|aa)+$', module: 'acme-sdk' }] }),
  };
}

const LONG_A = 'a'.repeat(5000);
const workspaceFiles = {
  'src/input.ts': `// TODO\nexport const s = "${LONG_A}!"\n`,
  'src/spec.ts': `// TODO\nimport x from '${'a'.repeat(60)}!'\nexport default x\n`,
  [`src/${'a'.repeat(120)}.ts`]: '// TODO\n',
  'src/ok.ts': OK_FILE,
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`src/more${i}.ts`, `// TODO ${LONG_A}!\n`])),
};

describe('time budget', () => {
  it('stops a backtracking match that would take seconds', () => {
    const started = performance.now();
    assert.throws(() => withinBudget(() => /(a+)+$/.test(`${'a'.repeat(26)}b`), 100), TimeBudgetExceeded);
    assert.ok(performance.now() - started < 1000, `took ${performance.now() - started} ms`);
    assert.equal(withinBudget(() => 6 * 7), 42);
  });

  it('turns a budgeted expression off once it overruns, and says so once', () => {
    const stops: string[] = [];
    const regex = new BudgetedRegExp('(a+)+$', '', (e) => stops.push(e.message));
    assert.equal(regex.test(`${'a'.repeat(40)}b`), false);
    assert.equal(regex.test('aaa'), false, 'stopped for good');
    assert.deepEqual(stops, ['ran longer than 300 ms']);
    assert.equal(new BudgetedRegExp('a+$').test('baa'), true);
  });
});

describe('custom rules that backtrack without end', { timeout: 120_000 }, () => {
  it('are stopped and reported by the CLI; the other rules still run on every file', () => {
    const rules = writeTree(ruleFiles());
    const root = writeTree(workspaceFiles);
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'audit', root, '--rules', rules, '--format', 'json', '--workers', '0'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, 'the audit hung and was killed');
    assert.ok(performance.now() - started < 30_000);
    const report = JSON.parse(run.stdout) as AuditReport;
    const errors = report.errors.map((e) => `${e.file}: ${e.message}`).join('\n');
    assert.match(errors, /src\/input\.ts: rule acme\/slow-text was stopped: it ran longer than 300 ms/);
    assert.match(errors, /slow-glob\.json: field 'files': rule acme\/slow-glob was stopped/);
    assert.match(errors, /acme\/_platform\.json: field 'specifiers': the pattern '\^\(a\|aa\)\+\$' ran longer than 300 ms/);
    assert.equal((errors.match(/acme\/slow-text was stopped/g) ?? []).length, 1, 'stopped once, then off');
    const todo = new Set(report.findings.filter((f) => f.ruleId === 'acme/todo').map((f) => f.file));
    assert.equal(todo.size, Object.keys(workspaceFiles).length - 1, 'every file but ok.ts has a TODO finding');
    assert.ok(report.findings.some((f) => f.file === 'src/ok.ts' && f.ruleId === 'supabase/query-builder'));
  });
});

describe('custom rules in the language server', { timeout: 120_000 }, () => {
  const root = writeTree({ ...workspaceFiles, ...ruleFiles('.lockin-lens/rules/') });
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.stop())));

  it('stops a backtracking workspace rule without blocking the server', async () => {
    const server = await startServer(root, { trusted: true });
    servers.push(server);
    await waitForLog(server, /indexed .* files/, 60_000);
    await waitForLog(server, /src\/input\.ts: rule acme\/slow-text was stopped/);
    const input = await pull(server, uriOf(root, 'src/input.ts'));
    assert.ok(input.some((d) => d.code === 'acme/todo'), 'the workspace rules are loaded');
    // A document opened later meets another slow rule: the edit is answered in bounded time.
    const uri = uriOf(root, 'src/opened.slow.ts');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `// TODO\n${'x'.repeat(5000)}\n` } });
    const started = performance.now();
    const opened = await pull(server, uri);
    assert.ok(performance.now() - started < 10_000, `answered after ${performance.now() - started} ms`);
    assert.ok(opened.some((d) => d.code === 'acme/todo'));
    await waitForLog(server, /src\/opened\.slow\.ts: rule acme\/slow-on-open was stopped/);
  });

  it('loads no workspace rule folder in an untrusted workspace', async () => {
    const server = await startServer(root, { trusted: false });
    servers.push(server);
    await waitForLog(server, /started \(untrusted: workspace rules not loaded\)/);
    await waitForLog(server, /indexed .* files/, 60_000);
    const input = await pull(server, uriOf(root, 'src/input.ts'));
    assert.deepEqual(input.filter((d) => d.code.startsWith('acme/')), []);
    assert.equal(server.logs.some((l) => /acme\//.test(l)), false, 'no custom rule ran, so none was stopped');
    assert.ok((await pull(server, uriOf(root, 'src/ok.ts'))).some((d) => d.code === 'supabase/query-builder'), 'built-in rules still run');
    // Rule folders from settings are refused too.
    const settingsRules = writeTree(ruleFiles());
    server.settings = { ...server.settings, ruleFolders: [settingsRules] };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await pull(server, uriOf(root, 'src/input.ts'));
    assert.deepEqual(again.filter((d) => d.code.startsWith('acme/')), []);
  });
});
