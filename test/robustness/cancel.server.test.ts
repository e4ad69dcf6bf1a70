// A workspace audit the editor cancels stops its work: on a workspace large enough for a full audit
// to take a while, the cancelled one ends after a fraction of it, and the server answers at once.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { pull, startServer, TestServer, uriOf, waitForLog } from '../helpers/lspClient';
import { writeTree } from '../helpers/workspace';
import { OK_FILE } from './hostileTree';

const FILES = 3000;

describe('cancelling a workspace audit', { timeout: 180_000 }, () => {
  const root = writeTree(Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`src/feature${i}.ts`, OK_FILE.replace("'notes'", `'notes${i}'`)])));
  let server: TestServer;

  before(async () => {
    server = await startServer(root);
    await waitForLog(server, /indexed .* files/, 120_000);
  });
  after(() => server.stop());

  const auditMs = (line: string) => Number(/ in (\d+) ms/.exec(line)![1]);

  it('stops after a fraction of the full audit', async () => {
    await server.connection.sendRequest('lockin/auditWorkspace', {});
    const full = auditMs(await waitForLog(server, /audit: .* ms$/));
    assert.ok(full > 300, `a full audit of ${FILES} files took only ${full} ms: too quick to measure cancellation`);

    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('lockin/auditWorkspace', {}, source.token);
    setTimeout(() => source.cancel(), Math.round(full / 10));
    await pending.catch(() => undefined);
    const cancelled = auditMs(await waitForLog(server, /audit: .*\(cancelled\)$/));
    assert.ok(cancelled < full * 0.6, `cancelled audit ran ${cancelled} ms of a full ${full} ms`);
    const started = performance.now();
    assert.ok((await pull(server, uriOf(root, 'src/feature1.ts'))).some((d) => d.code === 'supabase/query-builder'));
    assert.ok(performance.now() - started < 5000, 'the server answers right after');
  });
});
