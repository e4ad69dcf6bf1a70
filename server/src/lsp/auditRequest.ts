// `lockin/auditWorkspace`: re-reads every file of every folder from disk with progress and
// cancellation, then lets the editor pull the results and answers with the workspace totals.

import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import type { AuditWorkspaceParams, WorkspaceSummary } from '../protocol';
import { uriOf } from './folders';
import type { Session } from './session';

export async function auditWorkspace(session: Session, params: AuditWorkspaceParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<WorkspaceSummary> {
  const started = performance.now();
  const folders = session.folders.workspace().filter((f) => !params.folderUri || f.root === fileURLToPath(params.folderUri));
  progress.begin('Lock-in Lens: auditing workspace', 0, 'listing files…', true);
  for (const [i, folder] of folders.entries()) {
    let lastPercent = -1;
    await folder.indexAll({
      isCancelled: () => token.isCancellationRequested,
      report: (done, total) => {
        const percent = Math.floor(((i + done / Math.max(total, 1)) / folders.length) * 100);
        if (percent !== lastPercent) progress.report(percent, `${done} of ${total} files`);
        lastPercent = percent;
      },
    });
    session.versions.bump([...folder.findings.keys()].map((rel) => uriOf(folder, rel)));
    if (token.isCancellationRequested) break;
  }
  progress.done();
  session.refreshDiagnostics();
  const summary = session.summary(Math.round(performance.now() - started));
  session.scheduleSummary();
  session.log(`audit: ${summary.files} files, ${summary.security} security and ${summary.lockin} lock-in findings in ${summary.ms} ms${token.isCancellationRequested ? ' (cancelled)' : ''}`);
  return summary;
}
