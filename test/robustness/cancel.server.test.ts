// A workspace audit the editor cancels stops its work: on a workspace large enough for a full audit
// to take a while, the cancelled one stops after a fraction of its files, and the server answers.
// Measured in files (the audit's own progress reports), not milliseconds: on a loaded machine the
// wall clock says more about the other processes than about the server.

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

  it('stops after a fraction of the files', async () => {
    const source = new CancellationTokenSource();
    const reported: number[] = [];
    let total = 0;
    // The audit reports `N of M files` as it goes; the first report after the start cancels it.
    const listening = server.connection.onNotification('$/progress', (p: { token: string; value: { kind: string; message?: string } }) => {
      const m = p.token === 'cancel-test' ? /^(\d+) of (\d+) files$/.exec(p.value.message ?? '') : null;
      if (!m) return;
      reported.push(Number(m[1]));
      total = Number(m[2]);
      if (Number(m[1]) > 0) source.cancel();
    });
    const summary = await server.connection
      .sendRequest('lockin/auditWorkspace', { workDoneToken: 'cancel-test' }, source.token)
      .catch(() => undefined);
    await waitForLog(server, /audit: .*\(cancelled\)$/, 60_000);
    listening.dispose();
    assert.equal(total, FILES, `progress reports: ${reported.join(', ')}`);
    const reached = Math.max(...reported);
    assert.ok(reached < FILES * 0.6, `the cancelled audit went on to file ${reached} of ${FILES} (summary ${JSON.stringify(summary)})`);
    // The server still answers for files afterwards.
    assert.ok((await pull(server, uriOf(root, 'src/feature1.ts'))).some((d) => d.code === 'supabase/query-builder'));
  });
});
