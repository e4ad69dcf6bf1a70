// A Worker's entry points (see js/workerEnv.ts): each is called by the Workers runtime with its own
// request, bindings and execution context, and becomes a route, job or consumer on another host.

import { posix } from 'node:path';
import { workerEntries, WORKER_ENTRY_TEXT } from '../../js/workerEnv';
import type { CheckHit, FileCheck } from '../registry';

export const workerHandlersCheck: FileCheck = {
  name: 'cloudflare-worker-handler',
  scope: 'file',
  prefilter: WORKER_ENTRY_TEXT,
  hints: [{ text: 'default' }, { text: 'onRequest' }],
  run(file) {
    const source = file.sourceFile;
    if (!source) return [];
    // Pages routes a project's `functions/` folder by file path; elsewhere an onRequest export is no route.
    const pagesFolder = posix.dirname(file.file).split('/').includes('functions');
    return workerEntries(source, pagesFolder).map(({ name }): CheckHit => ({
      span: { start: name.getStart(source), end: name.getEnd() },
      vars: { name: name.getText(source) },
    }));
  },
};
