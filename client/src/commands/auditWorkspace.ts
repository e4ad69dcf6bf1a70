// Lock-in Lens: Audit Workspace — a cancellable progress notification while the server re-reads
// every file, then a summary with a way to see the findings.

import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { AuditWorkspaceRequest, WorkspaceSummary } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

export async function auditWorkspace(ctx: Ctx): Promise<WorkspaceSummary | undefined> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Lock-in Lens: auditing workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listener = ctx.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const report = value as WorkDoneProgressReport;
        const percent = report.percentage ?? reported;
        progress.report({ message: report.message, increment: Math.max(0, percent - reported) });
        reported = percent;
      });
      try {
        return await ctx.client.sendRequest(AuditWorkspaceRequest, { workDoneToken }, token);
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!summary) {
    void vscode.window.showInformationMessage('Lock-in Lens: audit cancelled.');
    return undefined;
  }
  ctx.lastSummary = summary;
  ctx.statusBar.update(summary);
  void showResult(summary);
  return summary;
}

async function showResult(summary: WorkspaceSummary): Promise<void> {
  const message =
    `Lock-in Lens audited ${summary.files} files in ${summary.ms} ms: ${summary.security} security findings, ` +
    `${summary.lockin} lock-in touch points (~${summary.cost.low}–${summary.cost.high} h to migrate, provisional).`;
  const choice = await vscode.window.showInformationMessage(message, 'Show Problems', 'Show Output');
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice === 'Show Output') await vscode.commands.executeCommand('lockinLens.showOutput');
}
