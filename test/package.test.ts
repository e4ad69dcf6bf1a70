// The .vsix holds bundled output only: every file in it (and every file `vsce ls` would take from
// the project) must match the allow-list below, nothing the extension needs may be missing, the
// package must stay under 4 MB, the panel's codicons must ship as copied from their package, and
// the CLI and language server must run from an unpacked copy with no node_modules beside them.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const MAX_BYTES = 4 * 1024 * 1024;

/** What may ship, by project path. Independent of .vscodeignore, so a mistake there shows here. */
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^ThirdPartyNotices\.md$/, /^images\/(icon\.png|activity\.svg)$/,
  /^docs\/[\w.-]+\.(md|json)$/, /^docs\/images\/[\w-]+\.png$/,
  /^dist\/(cli|cli\.bundle|client)\.js$/, /^dist\/codicons\/codicon\.(css|ttf)$/, /^dist\/rule-docs\/([\w-]+\/)?[\w-]+\.md$/,
  /^rules\/[\w.-]+\.json$/, /^rules\/[\w-]+\/[\w-]+\.json$/,
];
const REQUIRED = [
  'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'ThirdPartyNotices.md', 'images/icon.png', 'images/activity.svg', 'dist/cli.js', 'dist/cli.bundle.js', 'dist/client.js',
  'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'rules/rule.schema.json', 'rules/platform.schema.json',
];
const allowed = (file: string) => !file.includes('.fixture') && ALLOWED.some((pattern) => pattern.test(file));

/** vsce renames the documents it recognises; map them back to project paths. */
const RENAMED: Record<string, string> = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };

describe('the .vsix', { timeout: 180_000 }, () => {
  it('takes only allow-listed files from the project (vsce ls)', () => {
    const run = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(files.filter((f) => !allowed(f)), [], 'outside the allow-list');
    for (const file of REQUIRED) assert.ok(files.includes(file), `${file} is missing`);
    assert.equal(files.filter((f) => /^rules\/[\w-]+\/[\w-]+\.json$/.test(f)).length, builtinRuleFiles().length, 'every rule and platform file');
  });

  const stage = mkdtempSync(join(tmpdir(), 'lockin-vsix-'));
  const vsix = join(stage, 'lockin-lens.vsix');
  const unpacked = join(stage, 'unpacked');

  it('packages bundled output into a .vsix of at most 4 MB holding nothing else', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const size = statSync(vsix).size;
    assert.ok(size <= MAX_BYTES, `${(size / 2 ** 20).toFixed(2)} MB`);
    const entries = readZip(vsix);
    const names = [...entries.keys()];
    assert.ok(names.includes('extension.vsixmanifest') && names.includes('[Content_Types].xml'));
    const files = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)).map((f) => RENAMED[f] ?? f);
    assert.deepEqual(files.filter((f) => !allowed(f)), [], 'outside the allow-list');
    for (const file of REQUIRED) assert.ok(files.includes(file), `${file} is missing`);
    assert.ok(files.filter((f) => f.startsWith('dist/rule-docs/')).length > 100, 'rule pages');
    const cli = entries.get('extension/dist/cli.bundle.js')!.toString('utf8');
    assert.ok(cli.length < readFileSync(join(ROOT, 'dist', 'cli.bundle.js')).length, 'the shipped CLI is minified');
    for (const file of ['cli.js', 'cli.bundle.js', 'client.js']) {
      assert.doesNotMatch(entries.get(`extension/dist/${file}`)!.toString('utf8').slice(-200), /sourceMappingURL/, `${file}: no link to a source map that is not shipped`);
    }
    const codicons = join(ROOT, 'node_modules', '@vscode', 'codicons', 'dist');
    for (const file of ['codicon.css', 'codicon.ttf']) {
      assert.ok(entries.get(`extension/dist/codicons/${file}`)!.equals(readFileSync(join(codicons, file))), `${file} ships unchanged, as ThirdPartyNotices.md says`);
    }
    for (const [name, data] of entries) {
      if (!name.startsWith('extension/')) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as { main: string; icon: string };
    assert.ok(existsSync(join(unpacked, 'extension', manifest.main)) && existsSync(join(unpacked, 'extension', manifest.icon)));
  });

  it('runs the audit from the unpacked .vsix, with no node_modules', () => {
    assert.equal(existsSync(join(unpacked, 'extension', 'node_modules')), false);
    const run = spawnSync(process.execPath, [join(unpacked, 'extension', 'dist', 'cli.js'), 'audit', join(ROOT, 'examples', 'supabase-app'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 32 * 2 ** 20 });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[]; errors: unknown[] };
    assert.ok(report.findings.some((f) => f.ruleId === 'supabase/query-builder'));
    assert.deepEqual(report.errors, []);
  });

  it('starts the language server from the unpacked .vsix, as the extension does', async () => {
    const child = spawn(process.execPath, [join(unpacked, 'extension', 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const root = pathToFileURL(join(ROOT, 'examples', 'supabase-app')).toString();
      const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: root, capabilities: {}, workspaceFolders: [{ uri: root, name: 'app' }] });
      assert.equal(result.serverInfo.name, 'lockin-lens');
      connection.sendNotification('initialized', {});
      const file = join(ROOT, 'examples', 'supabase-app', 'src', 'features', 'notes.ts');
      const uri = pathToFileURL(file).toString();
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(file, 'utf8') } });
      // Lock-in touch points come from their own request (they are not diagnostics by default).
      const points = await connection.sendRequest<{ points: { ruleId: string }[] }>('lockin/touchPoints', { uri });
      assert.ok(points.points.some((p) => p.ruleId === 'supabase/query-builder'));
      const report = await connection.sendRequest<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(Array.isArray(report.items));
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

/** Built-in rule and platform files (not fixtures), as project paths. */
function builtinRuleFiles(): string[] {
  const rules = join(ROOT, 'rules');
  return readdirSync(rules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(rules, d.name)).filter((f) => f.endsWith('.json') && !f.includes('.fixture')).map((f) => `rules/${d.name}/${f}`));
}

/** The entries of a zip file (a .vsix is one): name → content. Stored and deflated entries only. */
function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    assert.ok(method === 0 || method === 8, `${name}: compression method ${method}`);
    if (!name.endsWith('/')) entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
