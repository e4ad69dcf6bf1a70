// The language server on the whole corpus as one workspace folder, driven over stdio as an editor
// drives it (test/helpers/lspClient): the time from spawn to its first workspace report
// (`lockin/summaryChanged`, sent once indexing is done) and to the lock-in panel's model
// (`lockin/costChanged`), then its resident memory once indexed.
import { join } from 'node:path';
import { memoryOf } from './measure.mjs';

const TIMEOUT_MS = 15 * 60_000;

export async function firstWorkspaceReport(root, dir) {
  const { startServer } = await import(join(root, 'out', 'test', 'helpers', 'lspClient.js'));
  const started = performance.now();
  const server = await startServer(dir);
  const initializedMs = performance.now() - started;
  const arrival = (method) => new Promise((resolve) => {
    server.connection.onNotification(method, (params) => resolve({ ms: performance.now() - started, params }));
  });
  const summary = arrival('lockin/summaryChanged');
  const cost = arrival('lockin/costChanged');
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no workspace report from the language server within ${TIMEOUT_MS / 60_000} min`)), TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([summary, timeout]);
    const panel = await Promise.race([cost, timeout]);
    const memory = memoryOf(server.process.pid);
    const indexed = server.logs.find((l) => /indexed .* files in/.test(l));
    return {
      initializeMs: Math.round(initializedMs),
      summaryMs: Math.round(first.ms),
      costMs: Math.round(panel.ms),
      files: first.params.files,
      findings: first.params.security + first.params.lockin,
      rssMb: memory?.rssMb,
      peakMb: memory?.peakMb,
      indexedLog: indexed,
    };
  } finally {
    clearTimeout(timer);
    await server.stop();
  }
}
