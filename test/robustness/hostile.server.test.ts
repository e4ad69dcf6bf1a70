// The language server on hostile input, driven over stdio: a hostile workspace on disk (run as an
// unprivileged user, so unreadable files are real), hostile documents opened and edited, and files
// that vanish or turn into pipes while it watches. It must keep answering, name what it could not
// read in its log, and keep the findings of every ordinary file.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pull, startServer, TestServer, uriOf, waitForLog } from '../helpers/lspClient';
import { LONG_LINES, minifiedBundle, OK_FILE, randomBytes, writeHostileTree } from './hostileTree';

/** Fails instead of waiting for ever when the server stops answering. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('language server on hostile input', { timeout: 180_000 }, () => {
  const root = writeHostileTree({ pipe: true, bundleMb: 50 });
  mkdirSync(join(root, 'locked'));
  writeFileSync(join(root, 'locked', 'inner.ts'), OK_FILE);
  writeFileSync(join(root, 'src', 'locked.ts'), OK_FILE);
  writeFileSync(join(root, 'src', 'ok2.ts'), OK_FILE);
  chmodSync(join(root, 'locked'), 0o000);
  chmodSync(join(root, 'src', 'locked.ts'), 0o000);
  let server: TestServer;
  const okUri = uriOf(root, 'src/ok.ts');
  const okFindings = async () => (await within(20_000, 'pull src/ok.ts', pull(server, okUri))).map((d) => d.code);
  const open = (rel: string, text: string) =>
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(root, rel), languageId: 'typescript', version: 1, text } });

  before(async () => {
    server = await startServer(root, { uid: process.getuid?.() === 0 ? 65534 : undefined });
    server.process.stderr!.on('data', (chunk: Buffer) => server.logs.push(`stderr: ${chunk}`));
    server.process.on('exit', (code, signal) => server.logs.push(`exited: ${code ?? signal}`));
    await waitForLog(server, /indexed .* files/, 60_000);
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true }); // it holds a 50 MB bundle
  });

  it('indexes the hostile workspace and logs every file and folder it could not read', async () => {
    const log = server.logs.join('\n');
    assert.match(log, /locked: cannot read folder: EACCES/);
    assert.match(log, /src\/locked\.ts: cannot read file: EACCES/);
    assert.match(log, /src\/pipe\.ts: cannot read file: not a regular file/);
    assert.match(log, /src\/a\.ts: cannot read file: ELOOP/);
    assert.match(log, /src\/deep-parens\.ts: nested too deeply to parse/);
    assert.ok((await okFindings()).includes('supabase/query-builder'));
    const long = await within(20_000, 'pull src/long.ts', pull(server, uriOf(root, 'src/long.ts')));
    assert.ok(long.some((d) => d.code === 'supabase/sdk-import' && d.range.start.line === LONG_LINES - 1));
  });

  it('answers for hostile documents: random text, deep nesting, 200,000 lines, a 50 MB bundle', async () => {
    const documents: [string, string][] = [
      ['src/random-doc.ts', randomBytes(3, 200_000).toString('latin1')],
      ['src/unpaired.ts', `${'\uD800x\uDFFF'.repeat(10_000)}\n${OK_FILE}`],
      ['src/deep-doc.ts', `${'{a:['.repeat(10_000)}${']}'.repeat(10_000)}`],
      ['src/long-doc.ts', `${'x\n'.repeat(LONG_LINES)}`],
      ['src/bundle-doc.js', minifiedBundle(50)],
    ];
    for (const [rel, text] of documents) {
      open(rel, text);
      const diagnostics = await within(60_000, `pull ${rel}`, pull(server, uriOf(root, rel))).catch((e: Error) => {
        throw new Error(`${e.message}\n${server.logs.slice(-20).join('\n')}`);
      });
      assert.ok(Array.isArray(diagnostics), rel);
    }
    assert.ok((await okFindings()).includes('supabase/query-builder'), 'the server still answers for ordinary files');
    await waitForLog(server, /src\/bundle-doc\.js: not checked: larger than 1024 KB/);
    await waitForLog(server, /src\/deep-doc\.ts: nested too deeply to parse/);
  });

  it('keeps working when watched files vanish or turn into pipes', async () => {
    unlinkSync(join(root, 'src', 'ok2.ts'));
    symlinkSync('../pipe', join(root, 'src', 'piped.ts'));
    rmSync(join(root, 'supabase'), { recursive: true });
    const changes = [
      { uri: uriOf(root, 'src/ok2.ts'), type: 2 }, // "changed", but it is gone
      { uri: uriOf(root, 'src/piped.ts'), type: 1 }, // created: a link to a pipe
      { uri: uriOf(root, 'supabase/migrations/001_deep.sql'), type: 3 },
      { uri: uriOf(root, 'never/existed.ts'), type: 2 },
    ];
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    assert.deepEqual(await within(20_000, 'pull src/ok2.ts', pull(server, uriOf(root, 'src/ok2.ts'))), []);
    assert.ok((await okFindings()).includes('supabase/query-builder'));
  });

  it('finishes a workspace audit of the hostile tree', async () => {
    const summary = await within(60_000, 'audit', server.connection.sendRequest<{ files: number }>('lockin/auditWorkspace', {}));
    assert.ok(summary.files > 10, JSON.stringify(summary));
    assert.ok((await okFindings()).includes('supabase/query-builder'));
  });
});
